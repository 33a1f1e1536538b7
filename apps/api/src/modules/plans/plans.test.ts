import { ErrorBody, Page, PlanDetail, PlanSummary } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.ts';
import { createTestApp } from '../../test/app.ts';
import { milestoneStatuses } from './plans.service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SLUG = 'strategisch-werkplan-2027-2030';

async function getPlan(reference: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/plans/${reference}` });
  expect(response.statusCode).toBe(200);
  return PlanDetail.parse(response.json());
}

describe('plans', () => {
  it('lists the demo plan of Hecht, paginated', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/plans?page=1&pageSize=10' });
    expect(response.statusCode).toBe(200);
    const page = Page(PlanSummary).parse(response.json());
    expect(page).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(page.items[0]).toMatchObject({
      slug: SLUG,
      organisation: 'Hecht',
      periodStart: 2027,
      periodEnd: 2030,
    });
  });

  it('shows the three goals of Gezond Vooruit! with three to five themes each', async () => {
    const plan = await getPlan(SLUG);
    expect(plan.strategy).toBe('Gezond Vooruit!');
    expect(plan.goals.map((g) => g.title)).toEqual([
      'Bewegen van zorg naar gezondheid',
      'Werken aan een weerbare samenleving',
      'Investeren in sterke teams',
    ]);
    for (const goal of plan.goals) {
      expect(goal.themes.length).toBeGreaterThanOrEqual(3);
      expect(goal.themes.length).toBeLessThanOrEqual(5);
      expect(goal.themes.map((theme) => theme.position)).toEqual(goal.themes.map((_, i) => i + 1));
    }
  });

  it('knows the governance timeline of 2026 and which board meeting is next', async () => {
    const plan = await getPlan(SLUG);
    expect(plan.today).toBe('2026-11-23');
    expect(plan.milestones.map((m) => `${m.date} ${m.body} ${m.purpose} ${m.status}`)).toEqual([
      '2026-07-08 AB informeren past',
      '2026-09-16 AB kennismaken past',
      '2026-10-15 DB bespreken past',
      '2026-11-04 AB bespreken past',
      '2026-11-26 DB doorgeleiden next',
      '2026-12-16 AB vaststellen upcoming',
    ]);
  });

  it('finds a plan by its id as well as by its slug', async () => {
    const bySlug = await getPlan(SLUG);
    const byId = await getPlan(bySlug.id);
    expect(byId.slug).toBe(SLUG);
  });

  it('answers an unknown plan with 404 and a Dutch message', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/plans/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    const body = ErrorBody.parse(response.json());
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Dit plan bestaat niet (meer).' });
  });

  it('rejects a malformed page request with a Dutch message per field', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/plans?page=0&pageSize=500' });
    expect(response.statusCode).toBe(400);
    const body = ErrorBody.parse(response.json());
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields).toEqual({
      page: 'Kies een waarde van minstens 1.',
      pageSize: 'Kies een waarde van hoogstens 100.',
    });
  });

  it('seeds the demo plan only once, however often the app starts', async () => {
    expect(await seedDemo(t.database.db, { rounds: false })).toEqual({ seeded: false });
    const response = await t.app.inject({ method: 'GET', url: '/api/plans' });
    expect(Page(PlanSummary).parse(response.json()).total).toBe(1);
  });
});

describe('milestone statuses', () => {
  const dates = ['2026-07-08', '2026-11-26', '2026-12-16'];

  it('marks the first meeting on or after today as next', () => {
    expect(milestoneStatuses(dates, '2026-11-26')).toEqual(['past', 'next', 'upcoming']);
  });

  it('has no next meeting once all have passed', () => {
    expect(milestoneStatuses(dates, '2027-01-01')).toEqual(['past', 'past', 'past']);
  });
});

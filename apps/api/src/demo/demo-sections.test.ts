// The demo's draft plan as a visitor meets it: sections per goal written from the wall's clusters, a
// redrafted section, comments of the OR and the MAR resolved each way (one left behind by the redraft),
// and the OR's formal advice with the team's answers. Seeding it again adds nothing.
import {
  AdviceDetail,
  AdviceList,
  CommentThreads,
  Page,
  PlanSections,
  RevisionSummary,
  SectionDetail,
  SectionDiff,
} from '@inbreng/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createTestApp } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { demoPlan } from './plan.ts';
import { seedDemo } from './seed.ts';
import { seedDemoSections } from './sections.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Record<string, string> = {};

async function get(account: string, url: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[account]! } });
  if (response.statusCode !== 200) throw new Error(`${url} ${response.statusCode}: ${response.body}`);
  return response.json() as unknown;
}

let plan: PlanSections;
const sectionOf = (goal: number, slot: string) =>
  plan.goals[goal]!.slots.find((s) => s.slot === slot)!.section!;

beforeAll(async () => {
  t = await createTestApp({ demoRounds: true });
  plan = PlanSections.parse(await get('programmateam', `/api/plans/${demoPlan.slug}/sections`));
}, 120_000);
afterAll(() => t.close());

describe('the demo’s draft plan', () => {
  it('has for every goal a horizon and steps of three to six parts, linked to clusters of that goal', async () => {
    expect(plan.goals).toHaveLength(3);
    for (const [g, goal] of plan.goals.entries()) {
      for (const slot of ['horizon', 'steps']) {
        const section = SectionDetail.parse(
          await get('programmateam', `/api/sections/${sectionOf(g, slot).id}`),
        );
        expect(section.blocks.length, `${goal.title} ${slot}`).toBeGreaterThanOrEqual(3);
        expect(section.blocks.length, `${goal.title} ${slot}`).toBeLessThanOrEqual(6);
        expect(section.clusters.length, `${goal.title} ${slot}`).toBeGreaterThan(0);
        expect(section.clusters.every((c) => c.inputCount > 0)).toBe(true);
      }
    }
    // The clusters are the goal's own: most of their input was given on that goal's themes.
    const { rows } = await sql<{ ok: boolean }>`
      SELECT bool_and(s.goal_id = (
        SELECT t.goal_id FROM wall_card k JOIN contribution n ON n.id = k.contribution_id JOIN theme t ON t.id = n.theme_id
        WHERE k.cluster_id = sc.cluster_id AND k.removed_at IS NULL GROUP BY t.goal_id ORDER BY count(*) DESC, t.goal_id LIMIT 1
      )) AS ok FROM section_cluster sc JOIN section s ON s.id = sc.section_id`.execute(t.database.db);
    expect(rows[0]!.ok).toBe(true);
  });

  it('has one section redrafted: a sentence changed and a paragraph added', async () => {
    const horizon = sectionOf(0, 'horizon');
    expect(horizon).toMatchObject({ state: 'in_consultatie', revision: { number: 2 } });
    const revisions = Page(RevisionSummary).parse(
      await get('programmateam', `/api/sections/${horizon.id}/revisions`),
    ).items;
    expect(revisions.map((r) => r.number)).toEqual([2, 1]);
    const diff = SectionDiff.parse(
      await get(
        'adviesraad_lid',
        `/api/sections/${horizon.id}/diff?from=${revisions[1]!.id}&to=${revisions[0]!.id}`,
      ),
    );
    const by = (status: string) => diff.blocks.filter((b) => b.status === status);
    expect(by('changed')).toHaveLength(1);
    expect(by('added')).toHaveLength(1);
    expect(by('removed')).toHaveLength(1);
  });

  it('has comments of the OR and the MAR, resolved each way, some open and one lost by the redraft', async () => {
    const ids = [sectionOf(0, 'horizon').id, sectionOf(1, 'steps').id];
    const all = (
      await Promise.all(
        ids.map(
          async (id) =>
            CommentThreads.parse(await get('adviesraad_lid', `/api/sections/${id}/comments`)).items,
        ),
      )
    ).flat();
    const councils = new Set(all.map((c) => c.author.organisation?.name));
    expect(councils).toEqual(new Set(['Ondernemingsraad (OR)', 'Medische Adviesraad (MAR)']));
    const resolved = all.filter((c) => c.resolution);
    expect(resolved.map((c) => c.resolution!.kind).toSorted()).toEqual([
      'beantwoord',
      'niet_overgenomen',
      'verwerkt',
    ]);
    const worked = resolved.find((c) => c.resolution!.kind === 'verwerkt')!;
    expect(worked.resolution).toMatchObject({ sectionId: sectionOf(0, 'horizon').id, revisionNumber: 2 });
    expect(resolved.find((c) => c.resolution!.kind === 'niet_overgenomen')!.resolution!.text).not.toBe('');
    expect(resolved.find((c) => c.resolution!.kind === 'beantwoord')!.resolution!.text).not.toBe('');
    // Both councils had something resolved.
    expect(new Set(resolved.map((c) => c.author.organisation?.name)).size).toBe(2);
    const open = all.filter((c) => c.state === 'open');
    expect(open.length).toBeGreaterThanOrEqual(3);
    const lost = all.filter((c) => c.current.status === 'orphaned');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      state: 'open',
      author: { organisation: { name: 'Medische Adviesraad (MAR)' } },
      original: { quote: { exact: 'teruggebracht tot tien producten' } },
    });
    expect(all.some((c) => c.replies.length > 0)).toBe(true);
  });

  it('has the OR’s formal advice, every point answered', async () => {
    const list = AdviceList.parse(await get('medewerker', `/api/plans/${demoPlan.slug}/advice`));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      council: { name: 'Ondernemingsraad (OR)' },
      submittedBy: { name: 'Marieke Jansen' },
      milestone: { date: '2026-11-26' },
      complete: true,
    });
    const advice = AdviceDetail.parse(await get('medewerker', `/api/advice/${list.items[0]!.id}`));
    expect(advice.points.length).toBeGreaterThanOrEqual(3);
    expect(new Set(advice.points.map((p) => p.response?.taken))).toEqual(
      new Set(['overgenomen', 'deels', 'niet']),
    );
  });

  it('sends no mail for the demo’s history, and keeps it in the demo mailbox', async () => {
    const mails = await t.database.db
      .selectFrom('mail_message')
      .select(['state', 'kind'])
      .where('kind', 'in', ['comment.resolved', 'advice.answered'])
      .execute();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.state === 'outbox')).toBe(true);
  });

  it('adds nothing when seeded again, and writes the whole draft plan in under a second', async () => {
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT (SELECT count(*) FROM section_comment) + (SELECT count(*) FROM section_revision)
          + (SELECT count(*) FROM advice) AS n`.execute(t.database.db)
      ).rows[0]!.n;
    const before = await count();
    expect(await seedDemo(t.database.db)).toEqual({ seeded: false });
    expect(await count()).toBe(before);

    await t.database.db.deleteFrom('advice').execute();
    await t.database.db.deleteFrom('section').execute();
    const began = performance.now();
    expect(await seedDemoSections(t.database.db)).toEqual({ seeded: true });
    const took = performance.now() - began;
    console.info(`demo sections seeded in ${Math.round(took)} ms`);
    expect(took).toBeLessThan(1000);
    expect(await count()).toBe(before);
  });

  it('is written once when two processes start together on an empty database', async () => {
    const database = await createTestDatabase();
    try {
      await migrate(database.pool);
      const other = database.url
        ? await openDatabase({ databaseUrl: database.url, dataDir: 'unused' })
        : database;
      try {
        await Promise.all([seedDemo(database.db), seedDemo(other.db)]);
      } finally {
        if (other !== database) await other.close();
      }
      const { rows } = await sql<{ sections: number; advice: number; comments: number }>`
        SELECT (SELECT count(*)::int FROM section) AS sections, (SELECT count(*)::int FROM advice) AS advice,
               (SELECT count(*)::int FROM section_comment) AS comments`.execute(database.db);
      const { rows: here } = await sql<{ comments: number }>`
        SELECT count(*)::int AS comments FROM section_comment`.execute(t.database.db);
      expect(rows[0]).toEqual({ sections: 6, advice: 1, comments: here[0]!.comments });
    } finally {
      await database.close();
    }
  }, 120_000);
});

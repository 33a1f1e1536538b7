import {
  ErrorBody,
  OpenForMe,
  Page,
  RoundDetail,
  RoundSummary,
  roundStateLabels,
  roundTransitions,
  type RoundState,
} from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { createRound } from '../../test/rounds.ts';
import { startSmtpServer } from '../../test/smtp.ts';
import { reminderDue } from './rounds.service.ts';
import { canTransition } from './rounds.state.ts';

let clock = new Date(DEMO_NOW);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Record<string, string> = {};

async function as(account: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return { cookie: cookies[account]! };
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    config: { now: () => clock, smtpUrl: smtp.url, publicUrl: 'https://inbreng.test' },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function planAndThemes() {
  const plan = await t.database.db.selectFrom('plan').select('id').executeTakeFirstOrThrow();
  const themes = await t.database.db
    .selectFrom('theme')
    .innerJoin('goal', 'goal.id', 'theme.goal_id')
    .select('theme.id')
    .orderBy('goal.position')
    .orderBy('theme.position')
    .execute();
  return { planId: plan.id, themeIds: themes.map((x) => x.id) };
}

async function newRound(payload: Record<string, unknown> = {}) {
  const { planId, themeIds } = await planAndThemes();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/rounds',
    headers: await as('programmateam'),
    payload: {
      planId,
      title: 'Ronde over sterke teams',
      purpose: 'Wat maakt uw team sterk?',
      opensOn: '2026-11-23',
      closesOn: '2026-12-11',
      audienceGroups: ['medewerker'],
      themeIds: themeIds.slice(10, 12),
      ...payload,
    },
  });
  expect(response.statusCode).toBe(201);
  return RoundDetail.parse(response.json());
}

async function addQuestions(round: RoundDetail) {
  for (const theme of round.themes) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/questions`,
      headers: await as('programmateam'),
      payload: { themeId: theme.id, kind: 'open', prompt: `Wat vindt u van ${theme.title}?`, required: true },
    });
    expect(response.statusCode).toBe(201);
  }
}

const transition = async (roundId: string, to: RoundState, reason?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rounds/${roundId}/transition`,
    headers: await as('programmateam'),
    payload: { to, ...(reason ? { reason } : {}) },
  });

describe('the round state table', () => {
  it('allows exactly draft → open → closed → reported, and reopening a closed round', () => {
    const allowed = Object.entries(roundTransitions).flatMap(([from, tos]) =>
      tos.map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(['closed→open', 'closed→reported', 'draft→open', 'open→closed'].sort());
    expect(canTransition('reported', 'open')).toBe(false);
    expect(canTransition('open', 'draft')).toBe(false);
    expect(Object.keys(roundStateLabels)).toEqual(['draft', 'open', 'closed', 'reported']);
  });

  it('reminds from the configured number of days before the last day', () => {
    expect(reminderDue('2026-12-04', 3, '2026-11-30')).toBe(false);
    expect(reminderDue('2026-12-04', 3, '2026-12-01')).toBe(true);
    expect(reminderDue('2026-12-04', 0, '2026-12-04')).toBe(false);
  });
});

describe('setting up a round', () => {
  it('creates a draft with audience and themes, and gives Dutch messages for bad input', async () => {
    const round = await newRound();
    expect(round).toMatchObject({ state: 'draft', audience: { groups: ['medewerker'] } });
    expect(round.themes).toHaveLength(2);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/rounds',
      headers: await as('programmateam'),
      payload: {
        planId: round.planId,
        title: 'x',
        opensOn: '2026-12-10',
        closesOn: '2026-12-01',
        themeIds: [],
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = ErrorBody.parse(bad.json()).error.fields!;
    expect(fields.title).toMatch(/titel/);
    expect(fields.themeIds).toMatch(/thema/);
  });

  it('will not open while a theme has no question, and opens when each has one', async () => {
    const round = await newRound();
    const early = await transition(round.id, 'open');
    expect(early.statusCode).toBe(409);
    expect(ErrorBody.parse(early.json()).error.message).toMatch(/minstens één vraag/);
    await addQuestions(round);
    const opened = await transition(round.id, 'open');
    expect(RoundDetail.parse(opened.json()).state).toBe('open');
    // Questions are fixed once people answer.
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/rounds/${round.id}/questions`,
      headers: await as('programmateam'),
      payload: { themeId: round.themes[0]!.id, kind: 'open', prompt: 'Nog een vraag?' },
    });
    expect(add.statusCode).toBe(409);
  });

  it('refuses a transition the table does not allow, and asks a reason to reopen', async () => {
    const round = await newRound();
    await addQuestions(round);
    expect((await transition(round.id, 'reported')).statusCode).toBe(409);
    await transition(round.id, 'open');
    await transition(round.id, 'closed');
    const noReason = await transition(round.id, 'open');
    expect(noReason.statusCode).toBe(400);
    expect((await transition(round.id, 'open', 'De termijn was te krap.')).statusCode).toBe(200);
  });

  it('does not let a medewerker set up rounds', async () => {
    const { planId, themeIds } = await planAndThemes();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/rounds',
      headers: await as('medewerker'),
      payload: {
        planId,
        title: 'Mijn ronde',
        opensOn: '2026-11-23',
        closesOn: '2026-12-01',
        audienceGroups: ['medewerker'],
        themeIds,
      },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('who sees a round', () => {
  it('shows a medewerker only the rounds that ask them, and never drafts', async () => {
    const forStaff = await createRound(t.database.db, { groups: ['medewerker'], title: 'Voor medewerkers' });
    const forGemeenten = await createRound(t.database.db, {
      groups: ['gemeente_ambtenaar'],
      title: 'Voor gemeenten',
    });
    const draft = await createRound(t.database.db, {
      groups: ['medewerker'],
      state: 'draft',
      title: 'Nog een concept',
    });
    const page = Page(RoundSummary).parse(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/rounds?pageSize=100',
          headers: await as('medewerker'),
        })
      ).json(),
    );
    const ids = page.items.map((r) => r.id);
    expect(ids).toContain(forStaff.roundId);
    expect(ids).not.toContain(forGemeenten.roundId);
    expect(ids).not.toContain(draft.roundId);
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/rounds/${forGemeenten.roundId}`,
      headers: await as('medewerker'),
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('lists what is open for me per theme', async () => {
    const round = await createRound(t.database.db, { groups: ['ketenpartner'], title: 'Voor ketenpartners' });
    const open = OpenForMe.parse(
      (await t.app.inject({ method: 'GET', url: '/api/me/open', headers: await as('ketenpartner') })).json(),
    );
    const item = open.items.find((i) => i.round.id === round.roundId)!;
    expect(item.themes).toHaveLength(2);
    expect(item.themes[0]).toMatchObject({ questionCount: 3, draftId: null, submittedCount: 0 });
  });
});

describe('the scheduler and its mails', () => {
  it('opens a round on its day, inviting by mail only those who chose immediate mails', async () => {
    await t.database.db
      .updateTable('person')
      .set({ notify: 'daily' })
      .where('email', '=', 'marieke.jansen@demo.inbreng.nl')
      .execute();
    await t.database.db
      .updateTable('person')
      .set({ notify: 'none' })
      .where('email', '=', 'johan.visser@demo.inbreng.nl')
      .execute();
    const round = await createRound(t.database.db, {
      state: 'draft',
      opensOn: '2026-11-24',
      closesOn: '2026-12-10',
      groups: ['medewerker', 'adviesraad_lid', 'ketenpartner'],
      title: 'Ronde die morgen opent',
    });
    await t.app.jobs.drain();
    const before = smtp.received.length;

    clock = new Date('2026-11-24T06:00:00Z');
    await t.database.db
      .insertInto('job')
      .values({ kind: 'rounds.tick', payload: '{}', run_at: clock, created_at: clock })
      .execute();
    await t.app.jobs.drain();
    const state = await t.database.db
      .selectFrom('round')
      .select('state')
      .where('id', '=', round.roundId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('open');
    await waitFor(() => smtp.received.length > before);
    const invited = smtp.received.slice(before).filter((m) => m.subject.includes('Ronde die morgen opent'));
    expect(invited.map((m) => m.to[0])).toEqual(['ahmed.elamrani@demo.inbreng.nl']);
    expect(invited[0]!.text).toContain(`https://inbreng.test/rondes/${round.roundId}`);

    // A second tick sends nothing again.
    await t.database.db
      .insertInto('job')
      .values({ kind: 'rounds.tick', payload: '{}', run_at: clock, created_at: clock })
      .execute();
    await t.app.jobs.drain();
    expect(
      smtp.received.slice(before).filter((m) => m.subject.includes('Ronde die morgen opent')),
    ).toHaveLength(1);

    // The daily reader gets it in the digest at seven.
    clock = new Date('2026-11-24T06:30:00Z');
    await t.database.db
      .insertInto('job')
      .values({ kind: 'notifications.digest', payload: '{}', run_at: clock, created_at: clock })
      .execute();
    await t.app.jobs.drain();
    await waitFor(() => smtp.received.some((m) => m.to[0] === 'marieke.jansen@demo.inbreng.nl'));
    const digest = smtp.received.find((m) => m.to[0] === 'marieke.jansen@demo.inbreng.nl')!;
    expect(digest.subject).toBe('Inbreng: uw dagelijkse overzicht');
    expect(digest.text).toContain('Ronde die morgen opent');
    expect(smtp.received.some((m) => m.to[0] === 'johan.visser@demo.inbreng.nl')).toBe(false);
    clock = new Date(DEMO_NOW);
  });

  it('reminds only those who have not responded, and closes after the last day', async () => {
    const round = await createRound(t.database.db, {
      opensOn: '2026-11-16',
      closesOn: '2026-11-25',
      groups: ['gemeente_ambtenaar'],
      reminderDays: 3,
      title: 'Ronde voor gemeenten',
    });
    // Gouda's official has given input; Leiden's has not.
    const pieter = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'pieter.bakker@demo.inbreng.nl')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('contribution')
      .values({
        round_id: round.roundId,
        theme_id: round.themeIds[0]!,
        author_id: pieter.id,
        client_key: 'test-key-1',
        state: 'submitted',
        body: 'Onze inbreng',
      })
      .execute();
    const before = smtp.received.length;
    await t.database.db
      .insertInto('job')
      .values({ kind: 'rounds.tick', payload: '{}', run_at: clock, created_at: clock })
      .execute();
    await t.app.jobs.drain();
    await waitFor(() => smtp.received.length > before);
    const reminders = smtp.received
      .slice(before)
      .filter((m) => m.subject.startsWith('Herinnering: “Ronde voor gemeenten”'));
    expect(reminders.map((m) => m.to[0])).toEqual(['fatima.yilmaz@demo.inbreng.nl']);

    clock = new Date('2026-11-26T00:30:00Z');
    await t.database.db
      .insertInto('job')
      .values({ kind: 'rounds.tick', payload: '{}', run_at: clock, created_at: clock })
      .execute();
    await t.app.jobs.drain();
    const closed = await t.database.db
      .selectFrom('round')
      .select('state')
      .where('id', '=', round.roundId)
      .executeTakeFirstOrThrow();
    expect(closed.state).toBe('closed');
    clock = new Date(DEMO_NOW);
  });
});

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 150 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

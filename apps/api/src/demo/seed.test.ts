import { Contribution, GemeenteResponse, OpenForMe, Page, RoundDetail, Tracker } from '@inbreng/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createTestApp } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { demoPeople } from './accounts.ts';
import { demoAuthors, demoEmail } from './people.ts';
import { closedRound, openRound, readDemoContributions } from './rounds.ts';
import { seedDemo } from './seed.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let openId: string;
let closedId: string;

async function signIn(account: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
  return `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
}

const get = async (url: string, account: string) =>
  (await t.app.inject({ method: 'GET', url, headers: { cookie: await signIn(account) } })).json();

const roundId = async (title: string) =>
  (await t.database.db.selectFrom('round').select('id').where('title', '=', title).executeTakeFirstOrThrow())
    .id;

async function counts(db = t.database.db) {
  const { rows } = await sql<Record<string, number>>`
    SELECT (SELECT count(*)::int FROM round) AS rounds, (SELECT count(*)::int FROM question) AS questions,
           (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM membership) AS memberships,
           (SELECT count(*)::int FROM contribution) AS contributions, (SELECT count(*)::int FROM answer) AS answers,
           (SELECT count(*)::int FROM gemeente_response) AS responses,
           (SELECT count(*)::int FROM response_answer) AS response_answers`.execute(db);
  return rows[0]!;
}

beforeAll(async () => {
  t = await createTestApp({ demoRounds: true });
  openId = await roundId(openRound.title);
  closedId = await roundId(closedRound.title);
});
afterAll(() => t.close());

describe('the demo round', () => {
  it('is open on the demo date, asks all four groups, and has questions on every theme', async () => {
    const round = RoundDetail.parse(await get(`/api/rounds/${openId}`, 'programmateam'));
    expect(round).toMatchObject({
      state: 'open',
      opensOn: '2026-11-02',
      closesOn: '2026-12-04',
      reminderDays: 3,
    });
    expect(round.milestone?.date).toBe('2026-12-16');
    expect(round.audience.groups.toSorted()).toEqual(
      ['adviesraad_lid', 'gemeente_ambtenaar', 'ketenpartner', 'medewerker'].toSorted(),
    );
    expect(round.themes).toHaveLength(13);
    for (const theme of round.themes) {
      const kinds = round.questions.filter((q) => q.themeId === theme.id).map((q) => q.kind);
      expect(kinds[0], theme.title).toBe('open');
      expect(kinds, theme.title).toContain('addition');
      expect(kinds.length, theme.title).toBeLessThanOrEqual(3);
    }
  });

  it('holds every contribution written for the demo, submitted by about sixty people', async () => {
    const lines = readDemoContributions();
    expect(lines).toHaveLength(460);
    const { rows } = await sql<{ visibility: string; n: number; authors: number }>`
      SELECT visibility, count(*)::int AS n, count(DISTINCT author_id)::int AS authors FROM contribution
      WHERE round_id = ${openId} AND source = 'form' AND state = 'submitted' GROUP BY visibility`.execute(
      t.database.db,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBe(460);
    const share = (v: string) => (rows.find((r) => r.visibility === v)?.n ?? 0) / total;
    expect(share('name')).toBeGreaterThan(0.55);
    expect(share('organisation')).toBeGreaterThan(0.12);
    expect(share('anonymous')).toBeGreaterThan(0.08);

    const people = await t.database.db
      .selectFrom('contribution')
      .select(sql<number>`count(DISTINCT author_id)::int`.as('n'))
      .where('round_id', '=', openId)
      .where('source', '=', 'form')
      .where('state', '=', 'submitted')
      .executeTakeFirstOrThrow();
    expect(people.n).toBeGreaterThanOrEqual(55);
    expect(people.n).toBeLessThanOrEqual(demoAuthors.length);

    // Each is given on behalf of an organisation its author belongs to.
    const { rows: strays } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM contribution c WHERE c.source = 'form' AND NOT EXISTS (
        SELECT 1 FROM membership m WHERE m.person_id = c.author_id AND m.organisation_id = c.organisation_id)`.execute(
      t.database.db,
    );
    expect(strays[0]!.n).toBe(0);
  });

  it('gives each contribution the text as its answer, its search body, and a time in working hours', async () => {
    const rows = await t.database.db
      .selectFrom('contribution as c')
      .innerJoin('answer as a', 'a.contribution_id', 'c.id')
      .innerJoin('question as q', 'q.id', 'a.question_id')
      .innerJoin('theme as th', 'th.id', 'c.theme_id')
      .select(['c.client_key', 'c.body', 'a.text', 'q.kind', 'q.theme_id as asked_on', 'c.theme_id'])
      .select(['th.title as theme', 'c.submitted_at'])
      .where('c.round_id', '=', openId)
      .where('c.source', '=', 'form')
      .where('c.state', '=', 'submitted')
      .execute();
    const lines = new Map(readDemoContributions().map((l) => [`demo-${l.id}`, l]));
    expect(rows).toHaveLength(460);
    for (const row of rows) {
      const line = lines.get(row.client_key)!;
      expect(row).toMatchObject({ text: line.text, body: line.text, theme: line.theme, kind: 'open' });
      expect(row.asked_on).toBe(row.theme_id);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        weekday: 'short',
        hour: 'numeric',
        hourCycle: 'h23',
      }).formatToParts(row.submitted_at!);
      const hour = Number(local.find((p) => p.type === 'hour')!.value);
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(18);
      expect(['Sat', 'Sun']).not.toContain(local.find((p) => p.type === 'weekday')!.value);
      expect(
        row.submitted_at!.toISOString() >= '2026-11-02' && row.submitted_at!.toISOString() < '2026-11-23',
      ).toBe(true);
    }
  });

  it('leaves the demo accounts drafts to continue', async () => {
    const open = OpenForMe.parse(await get('/api/me/open', 'medewerker'));
    const item = open.items.find((i) => i.round.id === openId)!;
    expect(item.themes.filter((th) => th.draftId !== null).length).toBeGreaterThanOrEqual(1);
    expect(item.themes.reduce((sum, th) => sum + th.submittedCount, 0)).toBeGreaterThan(0);
    const drafts = await t.database.db
      .selectFrom('contribution')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    expect(drafts.n).toBeGreaterThanOrEqual(5);
    expect(drafts.n).toBeLessThanOrEqual(10);
  });

  it('records what was said at the AB-themabijeenkomst on behalf of gemeenten', async () => {
    const meetings = await t.database.db
      .selectFrom('contribution as c')
      .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
      .innerJoin('person as p', 'p.id', 'c.author_id')
      .select(['o.type', 'p.email', 'c.visibility', 'c.meeting_date', 'c.meeting_source'])
      .where('c.source', '=', 'meeting')
      .execute();
    expect(meetings.length).toBeGreaterThanOrEqual(6);
    expect(meetings.length).toBeLessThanOrEqual(10);
    for (const m of meetings) {
      expect(m).toEqual({
        type: 'gemeente',
        email: demoPeople.find((p) => p.account === 'programmateam')!.email,
        visibility: 'organisation',
        meeting_date: '2026-11-04',
        meeting_source: 'AB-themabijeenkomst 4 november',
      });
    }
  });

  it('finds demo input with Dutch full-text search', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM contribution
      WHERE search @@ websearch_to_tsquery('dutch', 'ambulance')`.execute(t.database.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
    const page = Page(Contribution).parse(
      await get(`/api/contributions?roundId=${openId}&q=${encodeURIComponent('hittegolf')}`, 'programmateam'),
    );
    expect(page.total).toBeGreaterThan(0);
  });
});

describe('the gemeenten in the demo round', () => {
  it('shows about half of them at work in the tracker: Gouda drafting, Leiden not started', async () => {
    const tracker = Tracker.parse(await get(`/api/rounds/${openId}/tracker`, 'programmateam'));
    expect(tracker.rows).toHaveLength(18);
    expect(tracker.counts.submitted).toBe(5);
    expect(tracker.counts.drafting).toBe(4);
    expect(tracker.counts.submitted + tracker.counts.drafting).toBeGreaterThanOrEqual(8);
    expect(tracker.counts.submitted + tracker.counts.drafting).toBeLessThanOrEqual(10);
    const state = (name: string) => tracker.rows.find((r) => r.organisationName === name)?.state;
    expect(state('Gemeente Gouda')).toBe('drafting');
    expect(state('Gemeente Leiden')).toBe('not_started');
    expect(state('Gemeente Katwijk')).toBe('submitted');
    expect(tracker.rows.every((r) => r.contacts.length > 0)).toBe(true);
  });

  it('lets the Gouda official continue where a colleague left off', async () => {
    const gouda = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'gouda')
      .executeTakeFirstOrThrow();
    const response = GemeenteResponse.parse(
      await get(`/api/rounds/${openId}/responses/${gouda.id}`, 'gemeente_gouda'),
    );
    expect(response).toMatchObject({ state: 'drafting', editable: true });
    expect(new Set(response.answers.map((a) => a.updatedBy))).toEqual(
      new Set(['Pieter Bakker', 'Karin Zwart']),
    );
    expect(Math.max(...response.answers.map((a) => a.version))).toBeGreaterThan(1);
  });

  it('has submitted responses written and submitted by an official of that gemeente', async () => {
    const rows = await t.database.db
      .selectFrom('gemeente_response as r')
      .innerJoin('membership as m', (join) =>
        join.onRef('m.person_id', '=', 'r.submitted_by').onRef('m.organisation_id', '=', 'r.organisation_id'),
      )
      .select(['r.id', 'm.role'])
      .where('r.round_id', '=', openId)
      .where('r.state', '=', 'submitted')
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.role === 'gemeente_ambtenaar')).toBe(true);
  });

  it('keeps the earlier verkenning among the gemeenten closed, with the answers it gathered', async () => {
    const tracker = Tracker.parse(await get(`/api/rounds/${closedId}/tracker`, 'programmateam'));
    expect(tracker.round).toMatchObject({ state: 'closed', audience: { groups: ['gemeente_ambtenaar'] } });
    expect(tracker.round.milestone?.date).toBe('2026-10-15');
    expect(tracker.counts).toEqual({ not_started: 6, drafting: 0, submitted: 12 });
  });
});

describe('seeding', () => {
  it('gives every demo person a plain demo address, the demo accounts the one they sign in with', () => {
    const emails = demoAuthors.map(
      (a) => demoPeople.find((p) => p.name === a.name)?.email ?? demoEmail(a.name),
    );
    expect(new Set(emails).size).toBe(emails.length);
    expect(demoEmail('Jan-Willem van der Plas')).toBe('jan-willem.vanderplas@demo.inbreng.nl');
    for (const person of demoPeople) expect([person.email, demoEmail(person.name)]).toContain(person.email);
  });

  it('adds nothing when the app starts again', async () => {
    const before = await counts();
    expect(await seedDemo(t.database.db)).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });

  it('seeds the rounds once when two processes start together on an empty database', async () => {
    const database = await createTestDatabase();
    try {
      await migrate(database.pool);
      // Two pools on a server: two processes racing; embedded, the second waits for the first.
      const other = database.url
        ? await openDatabase({ databaseUrl: database.url, dataDir: 'unused' })
        : database;
      try {
        await Promise.all([seedDemo(database.db), seedDemo(other.db)]);
      } finally {
        if (other !== database) await other.close();
      }
      expect(await counts(database.db)).toEqual(await counts());
    } finally {
      await database.close();
    }
  });
});

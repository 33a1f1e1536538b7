// SQL for rounds, their audience, themes and questions.
import type { Question, RoundSummary } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function findRound(db: Kysely<DB>, id: string) {
  return db.selectFrom('round').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockRound(db: Kysely<DB>, id: string) {
  return db.selectFrom('round').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Rounds as a list shows them: the whole summary, in one query per part for the given ids. */
export async function roundSummaries(db: Kysely<DB>, ids: string[]): Promise<RoundSummary[]> {
  if (ids.length === 0) return [];
  const [rounds, audience, themes, counts] = await Promise.all([
    db
      .selectFrom('round as r')
      .leftJoin('milestone as m', 'm.id', 'r.milestone_id')
      .select([
        'r.id',
        'r.plan_id',
        'r.title',
        'r.purpose',
        'r.state',
        'r.opens_on',
        'r.closes_on',
        'r.reminder_days',
        'm.id as milestone_id',
        'm.title as milestone_title',
        'm.date as milestone_date',
      ])
      .where('r.id', 'in', ids)
      .execute(),
    db
      .selectFrom('round_audience as a')
      .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
      .select(['a.round_id', 'a.audience', 'a.role', 'o.id as organisation_id', 'o.name', 'o.type'])
      .where('a.round_id', 'in', ids)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('round_theme as rt')
      .innerJoin('theme as t', 't.id', 'rt.theme_id')
      .innerJoin('goal as g', 'g.id', 't.goal_id')
      .select(['rt.round_id', 't.id', 't.title', 'g.position as goal_position', 'g.title as goal_title'])
      .where('rt.round_id', 'in', ids)
      .orderBy('rt.position')
      .execute(),
    db
      .selectFrom('contribution')
      .select(['round_id', sql<number>`count(*)::int`.as('n')])
      .where('round_id', 'in', ids)
      .where('state', '=', 'submitted')
      .groupBy('round_id')
      .execute(),
  ]);
  const byId = new Map(rounds.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        planId: r.plan_id,
        title: r.title,
        purpose: r.purpose,
        state: r.state,
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        reminderDays: r.reminder_days,
        milestone:
          r.milestone_id && r.milestone_title && r.milestone_date
            ? { id: r.milestone_id, title: r.milestone_title, date: r.milestone_date }
            : null,
        audience: {
          groups: audience.filter((a) => a.round_id === id && a.audience === 'group').map((a) => a.role!),
          organisations: audience
            .filter((a) => a.round_id === id && a.audience === 'organisation')
            .map((a) => ({ id: a.organisation_id!, name: a.name!, type: a.type! })),
        },
        themes: themes
          .filter((t) => t.round_id === id)
          .map((t) => ({ id: t.id, title: t.title, goalPosition: t.goal_position, goalTitle: t.goal_title })),
        contributionCount: counts.find((c) => c.round_id === id)?.n ?? 0,
      },
    ];
  });
}

export async function roundSummary(db: Kysely<DB>, id: string): Promise<RoundSummary | undefined> {
  return (await roundSummaries(db, [id]))[0];
}

export async function questionsOf(db: Kysely<DB>, roundId: string, themeId?: string): Promise<Question[]> {
  const rows = await db
    .selectFrom('question as q')
    .innerJoin('round_theme as rt', (j) =>
      j.onRef('rt.round_id', '=', 'q.round_id').onRef('rt.theme_id', '=', 'q.theme_id'),
    )
    .select(['q.id', 'q.theme_id', 'q.position', 'q.kind', 'q.prompt', 'q.help', 'q.options', 'q.required'])
    .where('q.round_id', '=', roundId)
    .$if(Boolean(themeId), (q) => q.where('q.theme_id', '=', themeId!))
    .orderBy('rt.position')
    .orderBy('q.position')
    .execute();
  return rows.map((q) => ({
    id: q.id,
    themeId: q.theme_id,
    position: q.position,
    kind: q.kind,
    prompt: q.prompt,
    help: q.help,
    options: q.options,
    required: q.required,
  }));
}

export type RoundFilter = {
  state?: RoundSummary['state'];
  planId?: string;
  visibleTo?: { roles: string[]; organisationIds: string[] };
};

/** Ids of the rounds a list shows, newest first; `visibleTo` limits them to rounds that ask that person. */
export function listRoundIds(db: Kysely<DB>, f: RoundFilter, page: { limit: number; offset: number }) {
  return filtered(db, f)
    .select('r.id')
    .orderBy('r.opens_on', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRounds(db: Kysely<DB>, f: RoundFilter) {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function filtered(db: Kysely<DB>, f: RoundFilter) {
  let q = db.selectFrom('round as r');
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.planId) q = q.where('r.plan_id', '=', f.planId);
  if (f.visibleTo) {
    const { roles, organisationIds } = f.visibleTo;
    q = q.where('r.state', '!=', 'draft').where((eb) =>
      eb.exists(
        eb
          .selectFrom('round_audience as a')
          .select('a.round_id')
          .whereRef('a.round_id', '=', 'r.id')
          .where((w) =>
            w.or([
              w.and([w('a.audience', '=', 'group'), sql<boolean>`a.role = ANY(${roles})`]),
              w.and([
                w('a.audience', '=', 'organisation'),
                w(
                  'a.organisation_id',
                  'in',
                  organisationIds.length ? organisationIds : ['00000000-0000-0000-0000-000000000000'],
                ),
              ]),
            ]),
          ),
      ),
    );
  }
  return q;
}

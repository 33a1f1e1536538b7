// SQL behind the board papers. Every count of input comes with the number of distinct people behind
// it, so the builders can hide groups under five. Every function takes the db or a transaction first.
import { sql, type Kysely } from 'kysely';
import type { DB, OrganisationType } from '../../db/schema.ts';

/** Who stands behind a contribution: its author, or the contribution itself once the author is erased. */
const person = sql<string>`coalesce(c.author_id::text, c.id::text)`;

export type GroupCountRow = { key: string; type: OrganisationType; count: number; people: number };

export function sectionsWithBlocks(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('section as s')
    .innerJoin('section_revision as r', (j) =>
      j.onRef('r.section_id', '=', 's.id').onRef('r.number', '=', 's.revision'),
    )
    .select(['s.id', 's.goal_id', 's.slot', 's.state', 'r.blocks'])
    .where('s.plan_id', '=', planId)
    .execute();
}

/** Clusters linked to a section of the plan (dissolved ones have no input left and are left out). */
export function linkedClusters(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('section_cluster as sc')
    .innerJoin('section as s', 's.id', 'sc.section_id')
    .innerJoin('wall_cluster as wc', 'wc.id', 'sc.cluster_id')
    .select(['sc.section_id', 'sc.cluster_id', 'wc.name'])
    .where('s.plan_id', '=', planId)
    .where('wc.dissolved_at', 'is', null)
    .execute();
}

/** Per cluster and organisation type: distinct inputs on its cards and distinct people behind them. */
export async function clusterCounts(db: Kysely<DB>, clusterIds: string[]): Promise<GroupCountRow[]> {
  if (clusterIds.length === 0) return [];
  const rows = await db
    .selectFrom('wall_card as card')
    .innerJoin('contribution as c', 'c.id', 'card.contribution_id')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'card.cluster_id as key',
      'o.type',
      sql<number>`count(DISTINCT c.id)`.as('count'),
      sql<number>`count(DISTINCT ${person})`.as('people'),
    ])
    .where('card.cluster_id', 'in', clusterIds)
    .where('card.removed_at', 'is', null)
    .where('c.state', '=', 'submitted')
    .groupBy(['card.cluster_id', 'o.type'])
    .execute();
  return rows.map((r) => ({ ...r, key: r.key!, count: Number(r.count), people: Number(r.people) }));
}

export function themesInOrder(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('theme as t')
    .innerJoin('goal as g', 'g.id', 't.goal_id')
    .select(['t.id', 't.title'])
    .where('g.plan_id', '=', planId)
    .orderBy('g.position')
    .orderBy('t.position')
    .execute();
}

/** Per theme and organisation type: submitted inputs and the distinct people behind them. */
export async function themeCounts(db: Kysely<DB>, planId: string): Promise<GroupCountRow[]> {
  const rows = await db
    .selectFrom('contribution as c')
    .innerJoin('round as r', 'r.id', 'c.round_id')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.theme_id as key',
      'o.type',
      sql<number>`count(*)`.as('count'),
      sql<number>`count(DISTINCT ${person})`.as('people'),
    ])
    .where('r.plan_id', '=', planId)
    .where('c.state', '=', 'submitted')
    .groupBy(['c.theme_id', 'o.type'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count), people: Number(r.people) }));
}

/** The rounds that asked anyone (drafts asked no one), for the report's period. */
export function askedRounds(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('round')
    .select(['id', 'opens_on', 'closes_on'])
    .where('plan_id', '=', planId)
    .where('state', '<>', 'draft')
    .execute();
}

/**
 * People in the audience of any round of the plan, per organisation type of the membership through
 * which they were asked (the same rule as rounds/audience.ts, in SQL). Erased people are not counted.
 */
export async function invitedPerType(db: Kysely<DB>, planId: string) {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['o.type', sql<number>`count(DISTINCT m.person_id)`.as('people')])
    .where('p.erased_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('round_audience as a')
          .innerJoin('round as r', 'r.id', 'a.round_id')
          .select(sql`1`.as('one'))
          .where('r.plan_id', '=', planId)
          .where('r.state', '<>', 'draft')
          .where((eb) =>
            eb.or([
              eb.and([eb('a.audience', '=', 'group'), sql<boolean>`a.role::text = m.role::text`]),
              eb.and([
                eb('a.audience', '=', 'organisation'),
                eb('a.organisation_id', '=', eb.ref('m.organisation_id')),
              ]),
            ]),
          ),
      ),
    )
    .groupBy('o.type')
    .execute();
  return rows.map((r) => ({ type: r.type, people: Number(r.people) }));
}

/**
 * Distinct people who gave input (a contribution, or submitted a gemeente's response), per type. Input
 * heard in a meeting was recorded by the team, not given by its recorder: it does not count here.
 */
export async function respondedPerType(db: Kysely<DB>, planId: string) {
  const result = await sql<{ type: OrganisationType; people: number }>`
    SELECT type, count(DISTINCT who) AS people FROM (
      SELECT o.type, ${person} AS who
        FROM contribution c
        JOIN round r ON r.id = c.round_id
        JOIN organisation o ON o.id = c.organisation_id
       WHERE r.plan_id = ${planId} AND c.state = 'submitted' AND c.source = 'form'
      UNION ALL
      SELECT o.type, gr.submitted_by::text AS who
        FROM gemeente_response gr
        JOIN round r ON r.id = gr.round_id
        JOIN organisation o ON o.id = gr.organisation_id
       WHERE r.plan_id = ${planId} AND gr.state = 'submitted' AND gr.submitted_by IS NOT NULL
    ) x
    GROUP BY type`.execute(db);
  return result.rows.map((r) => ({ type: r.type, people: Number(r.people) }));
}

/** Every gemeente with its most advanced response over the plan's rounds. */
export function gemeenteStates(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('organisation as o')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('gemeente_response as gr')
          .innerJoin('round as r', 'r.id', 'gr.round_id')
          .select([
            'gr.organisation_id',
            sql<boolean>`bool_or(gr.state = 'submitted')`.as('submitted'),
            sql<Date | null>`max(gr.submitted_at)`.as('submitted_at'),
            sql<Date | null>`max(gr.last_activity_at)`.as('last_activity_at'),
          ])
          .where('r.plan_id', '=', planId)
          .groupBy('gr.organisation_id')
          .as('resp'),
      (j) => j.onRef('resp.organisation_id', '=', 'o.id'),
    )
    .select(['o.name', 'resp.submitted', 'resp.submitted_at', 'resp.last_activity_at'])
    .where('o.type', '=', 'gemeente')
    .orderBy('o.name')
    .execute();
}

/** How the comments on the plan's sections were closed (replies are part of their thread). */
export async function commentCounts(db: Kysely<DB>, planId: string) {
  const rows = await db
    .selectFrom('section_comment as c')
    .innerJoin('section as s', 's.id', 'c.section_id')
    .select(['c.state', 'c.resolution', sql<number>`count(*)`.as('n')])
    .where('s.plan_id', '=', planId)
    .where('c.parent_id', 'is', null)
    .groupBy(['c.state', 'c.resolution'])
    .execute();
  const counts = { verwerkt: 0, nietOvergenomen: 0, beantwoord: 0, open: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.state === 'open') counts.open += n;
    else if (row.resolution === 'verwerkt') counts.verwerkt += n;
    else if (row.resolution === 'niet_overgenomen') counts.nietOvergenomen += n;
    else if (row.resolution === 'beantwoord') counts.beantwoord += n;
  }
  return counts;
}

/** The councils' formal advice on the plan, oldest first, with every point in its order. */
export async function adviceWithPoints(db: Kysely<DB>, planId: string) {
  const advice = await db
    .selectFrom('advice as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'o.name as council', 'a.summary', 'a.submitted_at'])
    .where('a.plan_id', '=', planId)
    .orderBy('a.submitted_at')
    .orderBy('o.name')
    .execute();
  if (advice.length === 0) return [];
  const points = await db
    .selectFrom('advice_point')
    .select(['advice_id', 'number', 'text', 'taken', 'what', 'why'])
    .where(
      'advice_id',
      'in',
      advice.map((a) => a.id),
    )
    .orderBy('advice_id')
    .orderBy('number')
    .execute();
  return advice.map((a) => ({ ...a, points: points.filter((p) => p.advice_id === a.id) }));
}

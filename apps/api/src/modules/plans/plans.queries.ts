// SQL for plans, goals, themes and milestones. Every function takes the db or a transaction first.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const summaryColumns = ['id', 'slug', 'title', 'organisation', 'period_start', 'period_end'] as const;

export function listPlans(db: Kysely<DB>, { limit, offset }: { limit: number; offset: number }) {
  return db
    .selectFrom('plan')
    .select(summaryColumns)
    .orderBy('period_start', 'desc')
    .orderBy('title')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countPlans(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('plan')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** By id when the reference looks like one, otherwise by slug. */
export function findPlan(db: Kysely<DB>, reference: string) {
  return db
    .selectFrom('plan')
    .selectAll()
    .where(UUID.test(reference) ? 'id' : 'slug', '=', reference)
    .executeTakeFirst();
}

export function goalsOf(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('goal')
    .select(['id', 'position', 'title', 'description'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export function themesOf(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('theme')
    .innerJoin('goal', 'goal.id', 'theme.goal_id')
    .select(['theme.id', 'theme.goal_id', 'theme.position', 'theme.title', 'theme.description'])
    .where('goal.plan_id', '=', planId)
    .orderBy('theme.position')
    .execute();
}

export function milestonesOf(db: Kysely<DB>, planId: string) {
  return db
    .selectFrom('milestone')
    .select(['id', 'body', 'kind', 'date', 'purpose', 'title', 'description'])
    .where('plan_id', '=', planId)
    .orderBy('date')
    .execute();
}

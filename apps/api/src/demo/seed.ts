// Seeds the demo plan once: on an empty database, and never twice, even when two processes start together.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { demoGoals, demoMilestones, demoPlan } from './plan.ts';

export async function seedDemo(db: Kysely<DB>): Promise<{ seeded: boolean }> {
  return db.transaction().execute(async (trx) => {
    const plan = await trx
      .insertInto('plan')
      .values({
        slug: demoPlan.slug,
        title: demoPlan.title,
        organisation: demoPlan.organisation,
        summary: demoPlan.summary,
        strategy: demoPlan.strategy,
        period_start: demoPlan.periodStart,
        period_end: demoPlan.periodEnd,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!plan) return { seeded: false };

    for (const [g, goal] of demoGoals.entries()) {
      const { id: goalId } = await trx
        .insertInto('goal')
        .values({ plan_id: plan.id, position: g + 1, title: goal.title, description: goal.description })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('theme')
        .values(goal.themes.map((theme, t) => ({ goal_id: goalId, position: t + 1, ...theme })))
        .execute();
    }
    await trx
      .insertInto('milestone')
      .values(demoMilestones.map((m) => ({ plan_id: plan.id, ...m })))
      .execute();
    return { seeded: true };
  });
}

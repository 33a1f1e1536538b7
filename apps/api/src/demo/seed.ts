// Seeds the demo plan and its rounds once: on an empty database, and never twice, even when two processes
// start together.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { demoOrganisations, demoPeople } from './accounts.ts';
import { demoGoals, demoMilestones, demoPlan } from './plan.ts';
import { seedDemoRounds } from './rounds.ts';
import { seedDemoWall } from './wall.ts';
import { seedDemoSections } from './sections.ts';

/** Demo partners and one person per role; idempotent, so it also completes databases seeded earlier. */
export async function seedDemoPeople(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisation')
      .values(demoOrganisations.map((o) => ({ ...o })))
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    for (const person of demoPeople) {
      await sql`
        WITH p AS (
          INSERT INTO person (email, name) VALUES (${person.email}, ${person.name})
          ON CONFLICT (email) WHERE email IS NOT NULL DO UPDATE SET email = EXCLUDED.email
          RETURNING id)
        INSERT INTO membership (person_id, organisation_id, role)
        SELECT p.id, o.id, ${person.role} FROM p, organisation o WHERE o.slug = ${person.organisation}
        ON CONFLICT DO NOTHING`.execute(trx);
    }
  });
}

/**
 * The whole demo. `rounds: false` gives only the plan and the seven demo accounts: API tests of one
 * feature start from that, so the demo's hundreds of people and inputs do not blur what they check.
 */
export async function seedDemo(
  db: Kysely<DB>,
  options: { rounds?: boolean } = {},
): Promise<{ seeded: boolean }> {
  await seedDemoPeople(db);
  const plan = await seedDemoPlan(db);
  if (options.rounds === false) return plan;
  // Its own step, so a database seeded before the rounds existed gets them too.
  const rounds = await seedDemoRounds(db);
  const wall = await seedDemoWall(db);
  const sections = await seedDemoSections(db);
  return { seeded: plan.seeded || rounds.seeded || wall.seeded || sections.seeded };
}

async function seedDemoPlan(db: Kysely<DB>): Promise<{ seeded: boolean }> {
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

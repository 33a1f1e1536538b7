// Who a round asks: a person is in its audience when one of their memberships has a role the round
// asks as a group, or is of an organisation the round names. The one place this rule lives.
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/policy.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

export type RoundRow = {
  id: string;
  state: 'draft' | 'open' | 'closed' | 'reported';
  opens_on: string;
  closes_on: string;
};

/** The memberships through which this round asks this person (empty: it does not ask them). */
export async function askingMemberships(db: Kysely<DB>, roundId: string, actor: Actor) {
  const audience = await db
    .selectFrom('round_audience')
    .select(['audience', 'role', 'organisation_id'])
    .where('round_id', '=', roundId)
    .execute();
  const groups = new Set(audience.filter((a) => a.audience === 'group').map((a) => a.role));
  const organisations = new Set(
    audience.filter((a) => a.audience === 'organisation').map((a) => a.organisation_id),
  );
  return actor.memberships.filter((m) => groups.has(m.role as never) || organisations.has(m.organisationId));
}

export async function isAsked(db: Kysely<DB>, roundId: string, actor: Actor): Promise<boolean> {
  return (await askingMemberships(db, roundId, actor)).length > 0;
}

export const isProgrammeTeam = (actor: Actor) => actor.memberships.some((m) => m.role === 'programmateam');

/**
 * The round, if this person may see it: the programme team sees every round; others see rounds that
 * ask them once they are no longer drafts. Anything else is "not found", so ids reveal nothing.
 */
export async function visibleRound(db: Kysely<DB>, roundId: string, actor: Actor): Promise<RoundRow> {
  const round = await db
    .selectFrom('round')
    .select(['id', 'state', 'opens_on', 'closes_on'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw notFound('Deze ronde bestaat niet (meer).');
  if (isProgrammeTeam(actor)) return round;
  if (round.state === 'draft' || !(await isAsked(db, roundId, actor))) {
    throw notFound('Deze ronde bestaat niet (meer).');
  }
  return round;
}

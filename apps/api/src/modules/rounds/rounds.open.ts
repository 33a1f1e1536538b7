// "Open voor mij": the open rounds that ask this person, per theme, with their drafts and what they gave.
import type { OpenForMe } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../access/policy.ts';
import type { DB } from '../../db/schema.ts';
import * as q from './rounds.queries.ts';

export async function openForMe(db: Kysely<DB>, actor: Actor): Promise<OpenForMe> {
  const filter: q.RoundFilter = {
    state: 'open',
    visibleTo: {
      roles: actor.memberships.map((m) => m.role),
      organisationIds: actor.memberships.map((m) => m.organisationId),
    },
  };
  const ids = (await q.listRoundIds(db, filter, { limit: 50, offset: 0 })).map((r) => r.id);
  if (ids.length === 0) return { items: [] };
  const [summaries, questionCounts, mine] = await Promise.all([
    q.roundSummaries(db, ids),
    db
      .selectFrom('question')
      .select(['round_id', 'theme_id', sql<number>`count(*)::int`.as('n')])
      .where('round_id', 'in', ids)
      .groupBy(['round_id', 'theme_id'])
      .execute(),
    db
      .selectFrom('contribution')
      .select(['id', 'round_id', 'theme_id', 'state', 'updated_at'])
      .where('author_id', '=', actor.personId)
      .where('round_id', 'in', ids)
      .orderBy('updated_at', 'desc')
      .execute(),
  ]);
  return {
    items: summaries.map((round) => ({
      round,
      themes: round.themes.map((theme) => {
        const own = mine.filter((c) => c.round_id === round.id && c.theme_id === theme.id);
        return {
          ...theme,
          questionCount:
            questionCounts.find((c) => c.round_id === round.id && c.theme_id === theme.id)?.n ?? 0,
          draftId: own.find((c) => c.state === 'draft')?.id ?? null,
          submittedCount: own.filter((c) => c.state === 'submitted').length,
        };
      }),
    })),
  };
}

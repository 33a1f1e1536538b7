// Every wall action is a list of changes, each with the state before and after. The action applies the
// "after" side; undo applies the "before" side and redo the "after" side again — one code path for all
// three, so an undo can never forget a field the action touched.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type CardState = {
  cluster_id: string | null;
  position: number;
  tags: string[];
  duplicate_of: string | null;
  /** A fragment whose cutting was undone. */
  removed: boolean;
};

export type ClusterState = { name: string; note: string; position: number; dissolved: boolean };

export type ProposalRowState = {
  state: 'open' | 'accepted' | 'rejected' | 'partly';
  created_cluster_id: string | null;
};

export type ProposalCardState = 'open' | 'accepted' | 'rejected' | 'skipped';

export type Change =
  | { t: 'card'; id: string; before: CardState; after: CardState }
  | { t: 'cluster'; id: string; before: ClusterState; after: ClusterState }
  | { t: 'proposal'; id: string; before: ProposalRowState; after: ProposalRowState }
  | { t: 'pcard'; proposalId: string; cardId: string; before: ProposalCardState; after: ProposalCardState };

export type ApplyContext = { personId: string | null; at: Date; how: 'person' | 'proposal' };

/** Applies one side of the changes, in the caller's transaction. Clusters first, so cards can join them. */
export async function applyChanges(
  trx: Kysely<DB>,
  changes: Change[],
  side: 'before' | 'after',
  ctx: ApplyContext,
): Promise<void> {
  for (const change of changes.filter((c) => c.t === 'cluster' || c.t === 'proposal')) {
    switch (change.t) {
      case 'cluster': {
        const s = change[side];
        await trx
          .updateTable('wall_cluster')
          .set({
            name: s.name,
            note: s.note,
            position: s.position,
            dissolved_at: s.dissolved ? ctx.at : null,
            updated_at: ctx.at,
          })
          .where('id', '=', change.id)
          .execute();
        break;
      }
      case 'proposal': {
        const s = change[side];
        await trx
          .updateTable('wall_proposal')
          .set({ state: s.state, created_cluster_id: s.created_cluster_id })
          .where('id', '=', change.id)
          .execute();
        break;
      }
      default:
        break;
    }
  }
  // Cards and proposal cards in one statement each: accepting a proposal moves hundreds at once.
  const cards = changes.flatMap((c) => {
    if (c.t !== 'card') return [];
    const s = c[side];
    const other = c[side === 'after' ? 'before' : 'after'];
    return [{ ...s, id: c.id, moved: s.cluster_id !== other.cluster_id }];
  });
  if (cards.length > 0) {
    await sql`
      UPDATE wall_card k SET
        cluster_id = v.cluster_id, position = v.position, tags = v.tags, duplicate_of = v.duplicate_of,
        removed_at = CASE WHEN v.removed THEN ${ctx.at}::timestamptz END,
        version = k.version + 1,
        -- Who put it where it is: only a move changes that, not a label.
        placed_by = CASE WHEN v.moved THEN ${ctx.personId}::uuid ELSE k.placed_by END,
        placed_at = CASE WHEN v.moved THEN ${ctx.at}::timestamptz ELSE k.placed_at END,
        placed_how = CASE WHEN v.moved THEN ${ctx.how} ELSE k.placed_how END
      FROM jsonb_to_recordset(${JSON.stringify(cards)}::jsonb)
        AS v(id uuid, cluster_id uuid, position double precision, tags text[], duplicate_of uuid, removed boolean, moved boolean)
      WHERE k.id = v.id`.execute(trx);
  }
  const pcards = changes.flatMap((c) =>
    c.t === 'pcard' ? [{ proposal_id: c.proposalId, card_id: c.cardId, state: c[side] }] : [],
  );
  if (pcards.length > 0) {
    await sql`
      UPDATE wall_proposal_card pc SET state = v.state
      FROM jsonb_to_recordset(${JSON.stringify(pcards)}::jsonb) AS v(proposal_id uuid, card_id uuid, state text)
      WHERE pc.proposal_id = v.proposal_id AND pc.card_id = v.card_id`.execute(trx);
  }
}

export const cardIdsOf = (changes: Change[]) => [
  ...new Set(changes.flatMap((c) => (c.t === 'card' ? [c.id] : c.t === 'pcard' ? [c.cardId] : []))),
];

/** The clusters a change touches: the cluster itself, and where a card came from and went to. */
export const clusterIdsOf = (changes: Change[]) => [
  ...new Set(
    changes.flatMap((c) =>
      c.t === 'cluster'
        ? [c.id]
        : c.t === 'card'
          ? [c.before.cluster_id, c.after.cluster_id].filter((id): id is string => id !== null)
          : [],
    ),
  ),
];

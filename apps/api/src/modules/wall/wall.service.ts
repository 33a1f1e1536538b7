// The wall: the programme team sorts cards into clusters together. Every action takes the wall's row
// lock, bumps its sequence number, applies its changes and writes one event with the changes before and
// after, all in one transaction; after the commit the event goes out live on `wall:<id>`. The row lock
// makes actions on one wall take turns, so two people moving the same card end in one state: the first
// wins, the second finds a newer card version and hears who moved it (409 with the card as it is now).
import type {
  CardEdit,
  CardMove,
  CardQuery,
  ClusterEdit,
  ClusterSplit,
  FragmentCreate,
  RunCreate,
  WallActionResult,
  WallCard,
  WallCreate,
  WallDetail,
  WallEventType,
  WallHistoryQuery,
  WallPerson,
  WallProposal,
  WallQuery,
  WallRun,
} from '@inbreng/shared';
import { wallTopic } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { EventBus } from '../../plugins/events.ts';
import { audit } from '../audit/audit.ts';
import { enqueue } from '../jobs/queue.ts';
import {
  applyChanges,
  cardIdsOf,
  clusterIdsOf,
  type CardState,
  type Change,
  type ClusterState,
  type ProposalCardState,
  type ProposalRowState,
} from './wall.changes.ts';
import * as q from './wall.queries.ts';

export const WALL_RUN_JOB = 'wall.run';
const STALE_RUN_MS = 30 * 60 * 1000;

/** Who acts: a signed-in person (the demo seed acts as Sanne de Vries the same way). */
export type WallActor = { personId: string; name: string | null };

type Deps = {
  db: Kysely<DB>;
  now: () => Date;
  events: Pick<EventBus, 'publish'>;
  jobs?: { wake: () => void };
};

const NOT_FOUND = 'Deze wand bestaat niet (meer).';
const CARD_NOT_FOUND = 'Deze kaart staat niet (meer) op deze wand.';
const CLUSTER_NOT_FOUND = 'Dit cluster bestaat niet (meer) op deze wand.';
const UNSORTED = 'niet ingedeeld';

/** A move or edit from an older version of the card: the route answers 409 with the card as it is now. */
export class CardConflictError extends AppError {
  readonly card: WallCard;
  readonly by: WallPerson | null;

  constructor(message: string, card: WallCard, by: WallPerson | null) {
    super('CONFLICT', message);
    this.card = card;
    this.by = by;
  }
}

type WallRow = { id: string; plan_id: string; theme_id: string | null; seq: number; title: string };

type Built = {
  type: WallEventType;
  /** The description without the actor: "verplaatste ‘…’ naar ‘Jeugd’". */
  text: string;
  changes: Change[];
  how?: 'person' | 'proposal';
  cardIds?: string[];
  clusterIds?: string[];
  extra?: Record<string, unknown>;
};

const cardState = (row: {
  cluster_id: string | null;
  position: number;
  tags: string[];
  duplicate_of: string | null;
}): CardState => ({
  cluster_id: row.cluster_id,
  position: row.position,
  tags: row.tags,
  duplicate_of: row.duplicate_of,
  removed: false,
});

const clusterState = (row: { name: string; note: string; position: number }): ClusterState => ({
  name: row.name,
  note: row.note,
  position: row.position,
  dissolved: false,
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Merge and dissolve both empty a cluster: its cards go to the end of `target` (another cluster, or
 * "niet ingedeeld" for null) and the cluster is marked dissolved — all as changes undo can reverse.
 */
async function emptyCluster(
  trx: Kysely<DB>,
  wallId: string,
  cluster: { id: string; name: string; note: string; position: number },
  target: string | null,
): Promise<{ cards: unknown[]; changes: Change[] }> {
  const cards = await trx
    .selectFrom('wall_card')
    .selectAll()
    .where('cluster_id', '=', cluster.id)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .forUpdate()
    .execute();
  let position = await q.endOf(trx, wallId, target);
  const changes: Change[] = cards.map((c) => {
    const before = cardState(c);
    return { t: 'card', id: c.id, before, after: { ...before, cluster_id: target, position: position++ } };
  });
  const before = clusterState(cluster);
  changes.push({ t: 'cluster', id: cluster.id, before, after: { ...before, dissolved: true } });
  return { cards, changes };
}

async function lockWall(trx: Kysely<DB>, wallId: string): Promise<WallRow> {
  const wall = await trx
    .selectFrom('wall')
    .select(['id', 'plan_id', 'theme_id', 'seq', 'title'])
    .where('id', '=', wallId)
    .forUpdate()
    .executeTakeFirst();
  if (!wall) throw notFound(NOT_FOUND);
  return wall;
}

/** Bumps the sequence number and writes the event; returns the event's id. */
async function recordEvent(
  trx: Kysely<DB>,
  wall: WallRow,
  actor: WallActor,
  at: Date,
  event: {
    type: WallEventType;
    payload: Record<string, unknown>;
    cardIds: string[];
    clusterIds: string[];
    targetId?: number;
  },
): Promise<{ id: number; seq: number }> {
  const { seq } = await trx
    .updateTable('wall')
    .set((eb) => ({ seq: eb('seq', '+', 1), updated_at: at }))
    .where('id', '=', wall.id)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto('wall_event')
    .values({
      wall_id: wall.id,
      seq,
      person_id: actor.personId,
      type: event.type,
      payload: JSON.stringify(event.payload),
      card_ids: event.cardIds,
      cluster_ids: event.clusterIds,
      target_id: event.targetId ?? null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, seq };
}

export function createWallService({ db, now, events, jobs }: Deps) {
  async function publish(wallId: string, eventId: number, actor: WallActor): Promise<WallActionResult> {
    const event = await q.eventOf(db, wallId, eventId);
    await events.publish({ topic: wallTopic(wallId), type: event.type, data: event, by: actor.name });
    return { event, seq: event.seq };
  }

  /** One action: lock, build the changes, apply them, log them — one transaction — then tell everyone. */
  async function act(
    actor: WallActor,
    wallId: string,
    build: (trx: Kysely<DB>, wall: WallRow, at: Date) => Promise<Built>,
  ): Promise<WallActionResult> {
    const at = now();
    const eventId = await db.transaction().execute(async (trx) => {
      const wall = await lockWall(trx, wallId);
      const built = await build(trx, wall, at);
      await applyChanges(trx, built.changes, 'after', {
        personId: actor.personId,
        at,
        how: built.how ?? 'person',
      });
      const { id } = await recordEvent(trx, wall, actor, at, {
        type: built.type,
        payload: { text: built.text, changes: built.changes, ...built.extra },
        cardIds: built.cardIds ?? cardIdsOf(built.changes),
        clusterIds: built.clusterIds ?? clusterIdsOf(built.changes),
      });
      return id;
    });
    return publish(wallId, eventId, actor);
  }

  async function clusterName(trx: Kysely<DB>, clusterId: string | null): Promise<string> {
    if (!clusterId) return UNSORTED;
    const row = await trx
      .selectFrom('wall_cluster')
      .select('name')
      .where('id', '=', clusterId)
      .executeTakeFirst();
    return `‘${row?.name ?? '?'}’`;
  }

  async function mustCard(trx: Kysely<DB>, wallId: string, cardId: string) {
    const card = await q.lockCard(trx, wallId, cardId);
    if (!card) throw notFound(CARD_NOT_FOUND);
    return card;
  }

  async function mustCluster(trx: Kysely<DB>, wallId: string, clusterId: string, field?: string) {
    const cluster = await q.liveCluster(trx, wallId, clusterId);
    if (!cluster) {
      if (field) throw new AppError('VALIDATION', undefined, { [field]: CLUSTER_NOT_FOUND });
      throw notFound(CLUSTER_NOT_FOUND);
    }
    return cluster;
  }

  /** The card someone else changed in between, as it is now, and who last placed it. */
  async function conflict(trx: Kysely<DB>, wallId: string, cardId: string, actor: WallActor): Promise<never> {
    const card = (await q.cardOf(trx, wallId, cardId))!;
    const last = await trx
      .selectFrom('wall_event as e')
      .leftJoin('person as p', 'p.id', 'e.person_id')
      .select(['e.person_id', 'p.name'])
      .where('e.wall_id', '=', wallId)
      .where(sql<boolean>`e.card_ids @> ARRAY[${cardId}]::uuid[]`)
      .orderBy('e.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const by = last?.person_id && last.name ? { personId: last.person_id, name: last.name } : null;
    const where = card.clusterId ? await clusterName(trx, card.clusterId) : UNSORTED;
    const message =
      by?.personId === actor.personId
        ? `U hebt deze kaart intussen ergens anders gewijzigd, bijvoorbeeld in een ander venster. Hij staat nu bij ${where}.`
        : `${by?.name ?? 'Iemand anders'} heeft deze kaart net gewijzigd of verplaatst; hij staat nu bij ${where}. Bekijk hem en probeer het zo nodig opnieuw.`;
    throw new CardConflictError(message, card, by);
  }

  async function insertCluster(
    trx: Kysely<DB>,
    wallId: string,
    actor: WallActor,
    at: Date,
    values: { name: string; origin?: 'person' | 'suggestion'; terms?: unknown; position?: number },
  ): Promise<Extract<Change, { t: 'cluster' }>> {
    const position =
      values.position ??
      Number(
        (
          await trx
            .selectFrom('wall_cluster')
            .select((eb) => eb.fn.max('position').as('max'))
            .where('wall_id', '=', wallId)
            .executeTakeFirst()
        )?.max ?? 0,
      ) + 1;
    // Inserted dissolved; the change below brings it to life, so undo (back to dissolved) is the same path.
    const { id } = await trx
      .insertInto('wall_cluster')
      .values({
        wall_id: wallId,
        name: values.name,
        origin: values.origin ?? 'person',
        terms: JSON.stringify(values.terms ?? []),
        position,
        created_by: actor.personId,
        created_at: at,
        updated_at: at,
        dissolved_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const state = { name: values.name, note: '', position, dissolved: false };
    return { t: 'cluster', id, before: { ...state, dissolved: true }, after: state };
  }

  async function canUndo(wallId: string, personId: string): Promise<boolean> {
    return Boolean(await undoTarget(db, wallId, personId));
  }

  function undoTarget(trx: Kysely<DB>, wallId: string, personId: string) {
    return trx
      .selectFrom('wall_event')
      .selectAll()
      .where('wall_id', '=', wallId)
      .where('person_id', '=', personId)
      .where('type', 'not in', ['undo', 'redo', 'run.start'])
      .where('undone_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * The undo the person may redo: walking back through their own log, redo events are skipped and the
   * first undo whose action is still undone is it; any new action of theirs ends the chain.
   */
  async function redoTarget(trx: Kysely<DB>, wallId: string, personId: string) {
    const mine = await trx
      .selectFrom('wall_event as e')
      .leftJoin('wall_event as t', 't.id', 'e.target_id')
      .select(['e.id', 'e.type', 'e.target_id', 't.undone_at as target_undone_at'])
      .where('e.wall_id', '=', wallId)
      .where('e.person_id', '=', personId)
      .where('e.type', '!=', 'run.start')
      .orderBy('e.id', 'desc')
      .limit(200)
      .execute();
    for (const e of mine) {
      if (e.type === 'redo') continue;
      if (e.type !== 'undo') return undefined;
      if (e.target_undone_at) return { undoId: e.id, targetId: e.target_id! };
    }
    return undefined;
  }

  /** Someone else's later action on the same cards or clusters (not itself undone) blocks undo and redo. */
  async function blockedBy(
    trx: Kysely<DB>,
    wallId: string,
    personId: string,
    afterId: number,
    cardIds: string[],
    clusterIds: string[],
  ) {
    return trx
      .selectFrom('wall_event as e')
      .leftJoin('person as p', 'p.id', 'e.person_id')
      .select(['e.id', 'p.name'])
      .where('e.wall_id', '=', wallId)
      .where('e.id', '>', afterId)
      .where(sql<boolean>`e.person_id IS DISTINCT FROM ${personId}`)
      .where('e.type', 'not in', ['undo', 'run.start'])
      .where('e.undone_at', 'is', null)
      .where(
        sql<boolean>`(e.card_ids && ${sql.val(cardIds)}::uuid[] OR e.cluster_ids && ${sql.val(clusterIds)}::uuid[])`,
      )
      .orderBy('e.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async function reverse(actor: WallActor, wallId: string, kind: 'undo' | 'redo'): Promise<WallActionResult> {
    const at = now();
    const eventId = await db.transaction().execute(async (trx) => {
      const wall = await lockWall(trx, wallId);
      let target;
      let since: number;
      if (kind === 'undo') {
        target = await undoTarget(trx, wallId, actor.personId);
        if (!target) throw new AppError('CONFLICT', 'U hebt op deze wand niets (meer) om ongedaan te maken.');
        since = target.id;
      } else {
        const found = await redoTarget(trx, wallId, actor.personId);
        if (!found) throw new AppError('CONFLICT', 'Er is niets om opnieuw te doen.');
        target = await trx
          .selectFrom('wall_event')
          .selectAll()
          .where('id', '=', found.targetId)
          .executeTakeFirstOrThrow();
        since = found.undoId;
      }
      const blocker = await blockedBy(
        trx,
        wallId,
        actor.personId,
        since,
        target.card_ids,
        target.cluster_ids,
      );
      if (blocker) {
        throw new AppError(
          'CONFLICT',
          kind === 'undo'
            ? `${blocker.name ?? 'Iemand anders'} heeft dezelfde kaart of hetzelfde cluster daarna ook gewijzigd. Daarom kan dit niet meer ongedaan worden gemaakt; verplaats het zo nodig zelf terug.`
            : `${blocker.name ?? 'Iemand anders'} heeft dezelfde kaart of hetzelfde cluster intussen gewijzigd. Daarom kan dit niet opnieuw worden gedaan.`,
        );
      }
      const changes = (target.payload.changes ?? []) as Change[];
      await applyChanges(trx, changes, kind === 'undo' ? 'before' : 'after', {
        personId: actor.personId,
        at,
        how: 'person',
      });
      await trx
        .updateTable('wall_event')
        .set({ undone_at: kind === 'undo' ? at : null })
        .where('id', '=', target.id)
        .execute();
      const text = String(target.payload.text ?? '');
      const { id } = await recordEvent(trx, wall, actor, at, {
        type: kind,
        payload: {
          text: `${kind === 'undo' ? 'maakte ongedaan' : 'deed opnieuw'}: ${text}`,
          of: target.id,
          ofType: target.type,
        },
        cardIds: target.card_ids,
        clusterIds: target.cluster_ids,
        targetId: target.id,
      });
      return id;
    });
    return publish(wallId, eventId, actor);
  }

  type DecisionProposal = {
    id: string;
    cluster_id: string | null;
    created_cluster_id: string | null;
    name: string;
    terms: unknown;
    state: ProposalRowState['state'];
    run_created_at: Date;
  };

  /** Accepts or rejects open cards of proposals; a card a person placed after the run is skipped. */
  async function decideIn(
    trx: Kysely<DB>,
    wallId: string,
    actor: WallActor,
    at: Date,
    proposals: DecisionProposal[],
    decision: 'accept' | 'reject',
    cardIds: string[] | undefined,
  ) {
    const changes: Change[] = [];
    let decided = 0;
    let skipped = 0;
    const used = new Set<string>();
    for (const p of proposals) {
      const all = await trx
        .selectFrom('wall_proposal_card as pc')
        .innerJoin('wall_card as k', 'k.id', 'pc.card_id')
        .select([
          'pc.card_id',
          'pc.state',
          'k.cluster_id',
          'k.position',
          'k.tags',
          'k.duplicate_of',
          'k.placed_how',
          'k.placed_at',
          'k.removed_at',
        ])
        .where('pc.proposal_id', '=', p.id)
        .orderBy('pc.score', 'desc')
        .forUpdate('k')
        .execute();
      const chosen = all.filter((c) => c.state === 'open' && (!cardIds || cardIds.includes(c.card_id)));
      if (chosen.length === 0) continue;
      for (const c of chosen) used.add(c.card_id);
      const newStates = new Map<string, ProposalCardState>(all.map((c) => [c.card_id, c.state]));
      let createdClusterId = p.created_cluster_id;

      if (decision === 'accept') {
        let target = p.cluster_id;
        if (target && !(await q.liveCluster(trx, wallId, target))) target = null;
        if (!p.cluster_id) {
          if (!createdClusterId || !(await q.liveCluster(trx, wallId, createdClusterId))) {
            const created = await insertCluster(trx, wallId, actor, at, {
              name: p.name,
              origin: 'suggestion',
              terms: p.terms,
            });
            changes.push(created);
            createdClusterId = created.id;
          }
          target = createdClusterId;
        }
        let position = target ? await q.endOf(trx, wallId, target) : 0;
        for (const c of chosen) {
          // Never over a person's placement: a card sorted since, or one a person moved after the run.
          const personMovedIt =
            c.placed_how === 'person' && c.placed_at !== null && c.placed_at > p.run_created_at;
          if (!target || c.removed_at || c.cluster_id !== null || personMovedIt) {
            newStates.set(c.card_id, 'skipped');
            changes.push({
              t: 'pcard',
              proposalId: p.id,
              cardId: c.card_id,
              before: 'open',
              after: 'skipped',
            });
            skipped += 1;
            continue;
          }
          const before = cardState(c);
          changes.push({
            t: 'card',
            id: c.card_id,
            before,
            after: { ...before, cluster_id: target, position },
          });
          position += 1;
          newStates.set(c.card_id, 'accepted');
          changes.push({
            t: 'pcard',
            proposalId: p.id,
            cardId: c.card_id,
            before: 'open',
            after: 'accepted',
          });
          decided += 1;
        }
      } else {
        for (const c of chosen) {
          newStates.set(c.card_id, 'rejected');
          changes.push({
            t: 'pcard',
            proposalId: p.id,
            cardId: c.card_id,
            before: 'open',
            after: 'rejected',
          });
          decided += 1;
        }
      }
      const states = [...newStates.values()];
      const accepted = states.includes('accepted');
      const open = states.includes('open');
      const rejected = states.includes('rejected');
      const state: ProposalRowState['state'] =
        !accepted && !open
          ? rejected
            ? 'rejected'
            : 'accepted'
          : accepted && (open || rejected)
            ? 'partly'
            : accepted
              ? 'accepted'
              : 'open';
      changes.push({
        t: 'proposal',
        id: p.id,
        before: { state: p.state, created_cluster_id: p.created_cluster_id },
        after: { state, created_cluster_id: createdClusterId },
      });
    }
    if (cardIds && cardIds.some((id) => !used.has(id))) {
      throw new AppError('VALIDATION', undefined, {
        cardIds: 'Kies alleen kaarten die in dit voorstel nog openstaan.',
      });
    }
    return { changes, decided, skipped };
  }

  async function lockProposals(
    trx: Kysely<DB>,
    wallId: string,
    proposalId?: string,
  ): Promise<DecisionProposal[]> {
    return trx
      .selectFrom('wall_proposal as p')
      .innerJoin('wall_run as r', 'r.id', 'p.run_id')
      .select([
        'p.id',
        'p.cluster_id',
        'p.created_cluster_id',
        'p.name',
        'p.terms',
        'p.state',
        'r.created_at as run_created_at',
      ])
      .where('p.wall_id', '=', wallId)
      .$if(Boolean(proposalId), (qq) => qq.where('p.id', '=', proposalId!))
      .$if(!proposalId, (qq) => qq.where('p.state', 'in', ['open', 'partly']))
      .orderBy('p.position')
      .forUpdate('p')
      .execute();
  }

  return {
    async list(query: WallQuery) {
      const { items, total } = await q.wallSummaries(db, query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** Idempotent: the same plan and theme give the same wall. */
    async create(actor: WallActor, input: WallCreate): Promise<{ wall: WallDetail; created: boolean }> {
      const at = now();
      const { wallId, created } = await db.transaction().execute(async (trx) => {
        const plan = await trx
          .selectFrom('plan')
          .select(['id', 'title'])
          .where('id', '=', input.planId)
          .executeTakeFirst();
        if (!plan) throw new AppError('VALIDATION', undefined, { planId: 'Dit plan bestaat niet.' });
        let themeTitle: string | null = null;
        if (input.themeId) {
          const theme = await trx
            .selectFrom('theme as t')
            .innerJoin('goal as g', 'g.id', 't.goal_id')
            .select('t.title')
            .where('t.id', '=', input.themeId)
            .where('g.plan_id', '=', plan.id)
            .executeTakeFirst();
          if (!theme)
            throw new AppError('VALIDATION', undefined, { themeId: 'Dit thema hoort niet bij dit plan.' });
          themeTitle = theme.title;
        }
        const inserted = await sql<{ id: string }>`
          INSERT INTO wall (plan_id, theme_id, title, created_by, created_at, updated_at)
          VALUES (${plan.id}, ${input.themeId}, ${input.title ?? themeTitle ?? plan.title}, ${actor.personId}, ${at}, ${at})
          ON CONFLICT DO NOTHING RETURNING id`.execute(trx);
        const id =
          inserted.rows[0]?.id ??
          (
            await trx
              .selectFrom('wall')
              .select('id')
              .where('plan_id', '=', plan.id)
              .$if(input.themeId === null, (qq) => qq.where('theme_id', 'is', null))
              .$if(input.themeId !== null, (qq) => qq.where('theme_id', '=', input.themeId))
              .executeTakeFirstOrThrow()
          ).id;
        if (inserted.rows[0]) {
          await q.syncCards(trx, id, at);
          await audit(trx, {
            actorId: actor.personId,
            action: 'wall.created',
            subjectType: 'wall',
            subjectId: id,
            details: { planId: plan.id, themeId: input.themeId },
            at,
          });
        }
        return { wallId: id, created: Boolean(inserted.rows[0]) };
      });
      return { wall: await this.detail(actor, wallId), created };
    },

    async detail(actor: WallActor, wallId: string): Promise<WallDetail> {
      const at = now();
      await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('wall').select('id').where('id', '=', wallId).executeTakeFirst()))
          throw notFound(NOT_FOUND);
        await q.syncCards(trx, wallId, at);
      });
      const [summary, wall, clusters, lastRun, present, undo, redo, tags] = await Promise.all([
        q.wallSummary(db, wallId),
        db
          .selectFrom('wall as w')
          .innerJoin('plan as p', 'p.id', 'w.plan_id')
          .select(['w.seq', 'p.slug', 'p.title'])
          .where('w.id', '=', wallId)
          .executeTakeFirstOrThrow(),
        q.clustersOf(db, wallId),
        q.runOf(db, wallId),
        q.presentOn(db, wallId, new Date(at.getTime() - q.PRESENCE_WINDOW_MS)),
        canUndo(wallId, actor.personId),
        redoTarget(db, wallId, actor.personId),
        q.tagsOf(db, wallId),
      ]);
      return {
        ...summary!,
        planSlug: wall.slug,
        planTitle: wall.title,
        seq: wall.seq,
        clusters,
        lastRun,
        present,
        canUndo: undo,
        canRedo: Boolean(redo),
        tags,
      };
    },

    async cards(wallId: string, query: CardQuery) {
      await this.mustExist(wallId);
      const { items, total } = await q.cardsOf(db, wallId, query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async card(wallId: string, cardId: string): Promise<WallCard> {
      const card = await q.cardOf(db, wallId, cardId);
      if (!card) throw notFound(CARD_NOT_FOUND);
      return card;
    },

    async mustExist(wallId: string) {
      if (!(await db.selectFrom('wall').select('id').where('id', '=', wallId).executeTakeFirst()))
        throw notFound(NOT_FOUND);
    },

    move(actor: WallActor, wallId: string, cardId: string, input: CardMove) {
      return act(actor, wallId, async (trx) => {
        const card = await mustCard(trx, wallId, cardId);
        if (card.version !== input.expectedVersion) await conflict(trx, wallId, cardId, actor);
        if (input.clusterId) await mustCluster(trx, wallId, input.clusterId, 'clusterId');
        const position = input.position ?? (await q.endOf(trx, wallId, input.clusterId));
        const before = cardState(card);
        return {
          type: 'card.move',
          text: `verplaatste ${q.quote(card.text)} naar ${await clusterName(trx, input.clusterId)}`,
          changes: [
            { t: 'card', id: cardId, before, after: { ...before, cluster_id: input.clusterId, position } },
          ],
        };
      });
    },

    editCard(actor: WallActor, wallId: string, cardId: string, input: CardEdit) {
      return act(actor, wallId, async (trx) => {
        const card = await mustCard(trx, wallId, cardId);
        if (card.version !== input.expectedVersion) await conflict(trx, wallId, cardId, actor);
        const before = cardState(card);
        const after = { ...before };
        const parts: string[] = [];
        if (input.tags !== undefined) {
          after.tags = [...new Set(input.tags)];
          parts.push(
            after.tags.length === 0
              ? `haalde de labels van ${q.quote(card.text)} weg`
              : `gaf ${q.quote(card.text)} de labels ${after.tags.join(', ')}`,
          );
        }
        if (input.duplicateOf !== undefined) {
          if (input.duplicateOf !== null) {
            if (input.duplicateOf === cardId)
              throw new AppError('VALIDATION', undefined, {
                duplicateOf: 'Een kaart kan geen dubbele van zichzelf zijn.',
              });
            const original = await q.lockCard(trx, wallId, input.duplicateOf);
            if (!original)
              throw new AppError('VALIDATION', undefined, { duplicateOf: 'Kies een kaart op deze wand.' });
            // No cycles: following the marks from the original must never come back to this card.
            let next: string | null = original.duplicate_of;
            for (let hops = 0; next && hops < 10_000; hops += 1) {
              if (next === cardId)
                throw new AppError('VALIDATION', undefined, {
                  duplicateOf: 'Die kaart is al (via een andere) als dubbele van deze gemarkeerd.',
                });
              const row = await trx
                .selectFrom('wall_card')
                .select('duplicate_of')
                .where('id', '=', next)
                .executeTakeFirst();
              next = row?.duplicate_of ?? null;
            }
            parts.push(`markeerde ${q.quote(card.text)} als dubbele van ${q.quote(original.text)}`);
          } else {
            parts.push(`haalde de dubbel-markering van ${q.quote(card.text)} weg`);
          }
          after.duplicate_of = input.duplicateOf;
        }
        if (parts.length === 0) throw new AppError('VALIDATION', 'Er is niets om te wijzigen.');
        return {
          type: 'card.edit',
          text: parts.join(' en '),
          changes: [{ t: 'card', id: cardId, before, after }],
          cardIds: [cardId, ...(after.duplicate_of ? [after.duplicate_of] : [])],
        };
      });
    },

    fragment(actor: WallActor, wallId: string, cardId: string, input: FragmentCreate) {
      return act(actor, wallId, async (trx, _wall, at) => {
        const source = await mustCard(trx, wallId, cardId);
        if (input.end > source.text.length)
          throw new AppError('VALIDATION', undefined, {
            end: 'Deze selectie valt buiten de tekst van de kaart.',
          });
        const text = source.text.slice(input.start, input.end).trim();
        if (text === '')
          throw new AppError('VALIDATION', undefined, {
            end: 'Selecteer een stuk tekst, niet alleen witruimte.',
          });
        const position = await q.endOf(trx, wallId, source.cluster_id);
        // Inserted removed; the change brings it onto the wall, so undo takes it off the same way.
        const { id } = await trx
          .insertInto('wall_card')
          .values({
            wall_id: wallId,
            contribution_id: source.contribution_id,
            source_card_id: cardId,
            fragment: text,
            fragment_start: input.start,
            fragment_end: input.end,
            cluster_id: source.cluster_id,
            position,
            placed_by: actor.personId,
            placed_at: at,
            placed_how: 'person',
            created_at: at,
            removed_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const state: CardState = {
          cluster_id: source.cluster_id,
          position,
          tags: [],
          duplicate_of: null,
          removed: false,
        };
        return {
          type: 'card.fragment',
          text: `knipte ${q.quote(text)} uit ${q.quote(source.text)}`,
          changes: [{ t: 'card', id, before: { ...state, removed: true }, after: state }],
          cardIds: [id, cardId],
        };
      });
    },

    createCluster(actor: WallActor, wallId: string, name: string) {
      return act(actor, wallId, async (trx, _wall, at) => {
        const change = await insertCluster(trx, wallId, actor, at, { name });
        return { type: 'cluster.create', text: `maakte het cluster ‘${name}’`, changes: [change] };
      });
    },

    editCluster(actor: WallActor, wallId: string, clusterId: string, input: ClusterEdit) {
      return act(actor, wallId, async (trx) => {
        const cluster = await mustCluster(trx, wallId, clusterId);
        const before = clusterState(cluster);
        const after = {
          ...before,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
        };
        const parts: string[] = [];
        if (after.name !== before.name)
          parts.push(`hernoemde het cluster ‘${before.name}’ naar ‘${after.name}’`);
        if (after.note !== before.note) parts.push(`schreef een notitie bij ‘${after.name}’`);
        if (after.position !== before.position) parts.push(`verschoof het cluster ‘${after.name}’`);
        if (parts.length === 0) throw new AppError('VALIDATION', 'Er is niets om te wijzigen.');
        return {
          type: 'cluster.edit',
          text: parts.join(' en '),
          changes: [{ t: 'cluster', id: clusterId, before, after }],
        };
      });
    },

    merge(actor: WallActor, wallId: string, clusterId: string, intoClusterId: string) {
      return act(actor, wallId, async (trx) => {
        const cluster = await mustCluster(trx, wallId, clusterId);
        if (intoClusterId === clusterId)
          throw new AppError('VALIDATION', undefined, {
            intoClusterId: 'Kies een ander cluster om mee samen te voegen.',
          });
        const into = await mustCluster(trx, wallId, intoClusterId, 'intoClusterId');
        const { cards, changes } = await emptyCluster(trx, wallId, cluster, intoClusterId);
        return {
          type: 'cluster.merge',
          text: `voegde ‘${cluster.name}’ samen met ‘${into.name}’ (${plural(cards.length, 'kaart', 'kaarten')})`,
          changes,
        };
      });
    },

    split(actor: WallActor, wallId: string, clusterId: string, input: ClusterSplit) {
      return act(actor, wallId, async (trx, _wall, at) => {
        const cluster = await mustCluster(trx, wallId, clusterId);
        const ids = [...new Set(input.cardIds)];
        const cards = await trx
          .selectFrom('wall_card')
          .selectAll()
          .where('id', 'in', ids)
          .where('wall_id', '=', wallId)
          .where('cluster_id', '=', clusterId)
          .where('removed_at', 'is', null)
          .orderBy('position')
          .forUpdate()
          .execute();
        if (cards.length !== ids.length)
          throw new AppError('VALIDATION', undefined, { cardIds: 'Kies alleen kaarten uit dit cluster.' });
        const created = await insertCluster(trx, wallId, actor, at, {
          name: input.name,
          position: cluster.position + 0.5,
        });
        const changes: Change[] = [created];
        cards.forEach((c, i) => {
          const before = cardState(c);
          changes.push({
            t: 'card',
            id: c.id,
            before,
            after: { ...before, cluster_id: created.id, position: i + 1 },
          });
        });
        return {
          type: 'cluster.split',
          text: `splitste ${plural(cards.length, 'kaart', 'kaarten')} van ‘${cluster.name}’ af naar het nieuwe cluster ‘${input.name}’`,
          changes,
          clusterIds: [created.id, clusterId],
        };
      });
    },

    dissolve(actor: WallActor, wallId: string, clusterId: string) {
      return act(actor, wallId, async (trx) => {
        const cluster = await mustCluster(trx, wallId, clusterId);
        const { cards, changes } = await emptyCluster(trx, wallId, cluster, null);
        return {
          type: 'cluster.dissolve',
          text: `hief het cluster ‘${cluster.name}’ op; ${plural(cards.length, 'kaart gaat', 'kaarten gaan')} terug naar ${UNSORTED}`,
          changes,
        };
      });
    },

    /** Queues a clustering or suggestion run; while one is open, asking again gives that one. */
    async startRun(actor: WallActor, wallId: string, input: RunCreate): Promise<WallRun> {
      const at = now();
      const started = await db.transaction().execute(async (trx) => {
        const wall = await lockWall(trx, wallId);
        const open = await trx
          .selectFrom('wall_run')
          .select(['id', 'created_at'])
          .where('wall_id', '=', wallId)
          .where('state', 'in', ['queued', 'running'])
          .executeTakeFirst();
        // A run that never finished (its process died, its job failed before it started) must not
        // block the wall for good: after half an hour it counts as failed and a new one may start.
        if (open && at.getTime() - open.created_at.getTime() < STALE_RUN_MS)
          return { runId: open.id, eventId: null };
        if (open) {
          await trx
            .updateTable('wall_run')
            .set({
              state: 'failed',
              stage: 'Mislukt',
              error: 'Deze ronde bleef hangen en is gestopt.',
              finished_at: at,
            })
            .where('id', '=', open.id)
            .execute();
        }
        await q.syncCards(trx, wallId, at);
        const unsorted = await trx
          .selectFrom('wall_card')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('wall_id', '=', wallId)
          .where('removed_at', 'is', null)
          .where('cluster_id', 'is', null)
          .where('duplicate_of', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(unsorted.n) < (input.kind === 'cluster' ? 2 : 1))
          throw new AppError(
            'CONFLICT',
            'Er zijn te weinig niet-ingedeelde kaarten om voorstellen voor te doen.',
          );
        if (input.kind === 'suggest') {
          const placed = await trx
            .selectFrom('wall_card as k')
            .innerJoin('wall_cluster as l', 'l.id', 'k.cluster_id')
            .select('k.id')
            .where('k.wall_id', '=', wallId)
            .where('k.removed_at', 'is', null)
            .where('l.dissolved_at', 'is', null)
            .limit(1)
            .executeTakeFirst();
          if (!placed)
            throw new AppError(
              'CONFLICT',
              'Deel eerst zelf een paar kaarten in clusters in; daarvan leren de voorstellen.',
            );
        }
        const { id: runId } = await trx
          .insertInto('wall_run')
          .values({
            wall_id: wallId,
            kind: input.kind,
            k: input.k ?? null,
            seed: input.seed,
            requested_by: actor.personId,
            stage: 'In de wachtrij',
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await enqueue(trx, WALL_RUN_JOB, { runId }, at, { dedupeKey: `wall.run:${runId}`, maxAttempts: 1 });
        await audit(trx, {
          actorId: actor.personId,
          action: 'wall.run_started',
          subjectType: 'wall',
          subjectId: wallId,
          details: { runId, kind: input.kind, k: input.k ?? null, seed: input.seed },
          at,
        });
        const { id: eventId } = await recordEvent(trx, wall, actor, at, {
          type: 'run.start',
          payload: {
            text:
              input.kind === 'cluster'
                ? 'liet clusters voorstellen'
                : 'liet kaarten bij clusters voorstellen',
            runId,
          },
          cardIds: [],
          clusterIds: [],
        });
        return { runId, eventId };
      });
      jobs?.wake();
      const run = (await q.runOf(db, wallId, started.runId))!;
      if (started.eventId !== null) {
        await publish(wallId, started.eventId, actor);
        await events.publish({ topic: wallTopic(wallId), type: 'run', data: run, by: actor.name });
      }
      return run;
    },

    async run(wallId: string, runId: string): Promise<WallRun> {
      const run = await q.runOf(db, wallId, runId);
      if (!run) throw notFound('Deze ronde van voorstellen bestaat niet.');
      return run;
    },

    async proposals(wallId: string): Promise<{ items: WallProposal[] }> {
      await this.mustExist(wallId);
      return { items: await q.proposalsOf(db, wallId, { openOnly: true }) };
    },

    decide(
      actor: WallActor,
      wallId: string,
      proposalId: string | null,
      decision: 'accept' | 'reject',
      cardIds?: string[],
    ) {
      return act(actor, wallId, async (trx, _wall, at) => {
        const proposals = await lockProposals(trx, wallId, proposalId ?? undefined);
        if (proposalId && proposals.length === 0) throw notFound('Dit voorstel bestaat niet (meer).');
        const { changes, decided, skipped } = await decideIn(
          trx,
          wallId,
          actor,
          at,
          proposals,
          decision,
          proposalId ? cardIds : undefined,
        );
        if (decided + skipped === 0)
          throw new AppError(
            'CONFLICT',
            proposalId ? 'Dit voorstel is al afgehandeld.' : 'Er staan geen voorstellen meer open.',
          );
        const which = proposalId ? `het voorstel ‘${proposals[0]!.name}’` : 'alle open voorstellen';
        const part = proposalId && cardIds ? ' deels' : '';
        const skippedText = skipped
          ? `; ${plural(skipped, 'kaart', 'kaarten')} overgeslagen omdat iemand ${skipped === 1 ? 'hem' : 'ze'} al had ingedeeld`
          : '';
        return {
          type: decision === 'accept' ? 'proposal.accept' : 'proposal.reject',
          text:
            decision === 'accept'
              ? `nam ${which}${part} over (${plural(decided, 'kaart', 'kaarten')})${skippedText}`
              : `wees ${which}${part} af (${plural(decided, 'kaart', 'kaarten')})`,
          changes,
          how: 'proposal',
        };
      });
    },

    undo: (actor: WallActor, wallId: string) => reverse(actor, wallId, 'undo'),
    redo: (actor: WallActor, wallId: string) => reverse(actor, wallId, 'redo'),

    async history(wallId: string, query: WallHistoryQuery) {
      await this.mustExist(wallId);
      const { items, total } = await q.historyOf(db, wallId, query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    /** A heartbeat: who has the wall open. The others hear it when someone arrives. */
    async presence(actor: WallActor, wallId: string): Promise<{ present: WallPerson[] }> {
      const at = now();
      const since = new Date(at.getTime() - q.PRESENCE_WINDOW_MS);
      const arrived = await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('wall').select('id').where('id', '=', wallId).executeTakeFirst()))
          throw notFound(NOT_FOUND);
        const before = await trx
          .selectFrom('wall_presence')
          .select('seen_at')
          .where('wall_id', '=', wallId)
          .where('person_id', '=', actor.personId)
          .executeTakeFirst();
        await trx
          .insertInto('wall_presence')
          .values({ wall_id: wallId, person_id: actor.personId, seen_at: at })
          .onConflict((oc) => oc.columns(['wall_id', 'person_id']).doUpdateSet({ seen_at: at }))
          .execute();
        return !before || before.seen_at < since;
      });
      const present = await q.presentOn(db, wallId, since);
      if (arrived)
        await events.publish({
          topic: wallTopic(wallId),
          type: 'presence',
          data: { present },
          by: actor.name,
        });
      return { present };
    },
  };
}

export type WallService = ReturnType<typeof createWallService>;

/** Erasure: the wall keeps every card and action, without the person (wall tables hold ids, no names). */
export async function forgetWallPerson(trx: Kysely<DB>, personId: string): Promise<void> {
  await trx.deleteFrom('wall_presence').where('person_id', '=', personId).execute();
  await trx.updateTable('wall').set({ created_by: null }).where('created_by', '=', personId).execute();
  await trx
    .updateTable('wall_cluster')
    .set({ created_by: null })
    .where('created_by', '=', personId)
    .execute();
  await trx.updateTable('wall_card').set({ placed_by: null }).where('placed_by', '=', personId).execute();
  await trx
    .updateTable('wall_run')
    .set({ requested_by: null })
    .where('requested_by', '=', personId)
    .execute();
  await trx.updateTable('wall_event').set({ person_id: null }).where('person_id', '=', personId).execute();
}

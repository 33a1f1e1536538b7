// Reading the wall: summaries, cards as the team sees them, clusters, runs, proposals and the log.
import type {
  CardQuery,
  WallCard,
  WallCluster,
  WallEvent,
  WallEventType,
  WallPerson,
  WallProposal,
  WallRun,
  WallSummary,
} from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import { matchesDutch } from '../../db/search.ts';
import type { DB } from '../../db/schema.ts';
import type { ContributionRow } from '../contributions/contributions.queries.ts';
import { disclosed } from '../contributions/contributions.visibility.ts';

export const PRESENCE_WINDOW_MS = 30_000;

const iso = (d: Date) => d.toISOString();

/** A short quote of a card for a Dutch description: "‘Warme overdracht van jeugd…’". */
export function quote(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `‘${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}’`;
}

// ── Walls ─────────────────────────────────────────────────────────────────

type SummaryRow = {
  id: string;
  plan_id: string;
  theme_id: string | null;
  theme_title: string | null;
  title: string;
  seq: number;
  updated_at: Date;
  cards: number;
  sorted: number;
  clusters: number;
  open_proposals: number;
};

function summarySql(where: ReturnType<typeof sql>) {
  return sql<SummaryRow>`
    SELECT w.id, w.plan_id, w.theme_id, t.title AS theme_title, w.title, w.seq, w.updated_at,
      (SELECT count(*)::int FROM wall_card k WHERE k.wall_id = w.id AND k.removed_at IS NULL) AS cards,
      (SELECT count(*)::int FROM wall_card k WHERE k.wall_id = w.id AND k.removed_at IS NULL
         AND (k.cluster_id IS NOT NULL OR k.duplicate_of IS NOT NULL)) AS sorted,
      (SELECT count(*)::int FROM wall_cluster l WHERE l.wall_id = w.id AND l.dissolved_at IS NULL) AS clusters,
      (SELECT count(*)::int FROM wall_proposal p WHERE p.wall_id = w.id AND EXISTS (
         SELECT 1 FROM wall_proposal_card pc WHERE pc.proposal_id = p.id AND pc.state = 'open')) AS open_proposals
    FROM wall w LEFT JOIN theme t ON t.id = w.theme_id
    ${where}`;
}

const toSummary = (r: SummaryRow): WallSummary => ({
  id: r.id,
  planId: r.plan_id,
  themeId: r.theme_id,
  themeTitle: r.theme_title,
  title: r.title,
  cards: r.cards,
  sorted: r.sorted,
  clusters: r.clusters,
  openProposals: r.open_proposals,
  updatedAt: iso(r.updated_at),
});

export async function wallSummary(db: Kysely<DB>, wallId: string): Promise<WallSummary | undefined> {
  const { rows } = await summarySql(sql`WHERE w.id = ${wallId}`).execute(db);
  return rows[0] && toSummary(rows[0]);
}

export async function wallSummaries(
  db: Kysely<DB>,
  query: { page: number; pageSize: number; planId?: string },
): Promise<{ items: WallSummary[]; total: number }> {
  const where = query.planId ? sql`WHERE w.plan_id = ${query.planId}` : sql``;
  const [{ rows }, count] = await Promise.all([
    summarySql(
      sql`${where} ORDER BY w.theme_id IS NOT NULL, t.title, w.created_at
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    ).execute(db),
    db
      .selectFrom('wall')
      .$if(Boolean(query.planId), (q) => q.where('plan_id', '=', query.planId!))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(count.n) };
}

/**
 * Puts a card on the wall for every submitted contribution in its scope that has none yet: run when a
 * wall is made and whenever it is opened, so input submitted later turns up without a hook elsewhere.
 */
export async function syncCards(db: Kysely<DB>, wallId: string, at: Date): Promise<number> {
  const result = await sql`
    INSERT INTO wall_card (wall_id, contribution_id, position, created_at)
    SELECT w.id, c.id,
      coalesce((SELECT max(k.position) FROM wall_card k WHERE k.wall_id = w.id AND k.cluster_id IS NULL), 0)
        + row_number() OVER (ORDER BY c.submitted_at, c.id),
      ${at}
    FROM wall w
    JOIN round r ON r.plan_id = w.plan_id
    JOIN contribution c ON c.round_id = r.id
    WHERE w.id = ${wallId} AND c.state = 'submitted' AND (w.theme_id IS NULL OR c.theme_id = w.theme_id)
      AND NOT EXISTS (SELECT 1 FROM wall_card k
                      WHERE k.wall_id = w.id AND k.contribution_id = c.id AND k.source_card_id IS NULL)
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

// ── Clusters ──────────────────────────────────────────────────────────────

export async function clustersOf(db: Kysely<DB>, wallId: string): Promise<WallCluster[]> {
  const rows = await db
    .selectFrom('wall_cluster as l')
    .select((eb) => [
      'l.id',
      'l.name',
      'l.note',
      'l.position',
      'l.origin',
      'l.terms',
      'l.updated_at',
      eb
        .selectFrom('wall_card as k')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('k.cluster_id', '=', 'l.id')
        .where('k.removed_at', 'is', null)
        .as('cards'),
    ])
    .where('l.wall_id', '=', wallId)
    .where('l.dissolved_at', 'is', null)
    .orderBy('l.position')
    .orderBy('l.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    note: r.note,
    position: r.position,
    cards: Number(r.cards ?? 0),
    origin: r.origin,
    terms: r.terms,
    updatedAt: iso(r.updated_at),
  }));
}

export function liveCluster(db: Kysely<DB>, wallId: string, clusterId: string) {
  return db
    .selectFrom('wall_cluster')
    .selectAll()
    .where('id', '=', clusterId)
    .where('wall_id', '=', wallId)
    .where('dissolved_at', 'is', null)
    .executeTakeFirst();
}

// ── Cards ─────────────────────────────────────────────────────────────────

function cardRows(db: Kysely<DB>, wallId: string) {
  return db
    .selectFrom('wall_card as k')
    .innerJoin('contribution as c', 'c.id', 'k.contribution_id')
    .innerJoin('theme as t', 't.id', 'c.theme_id')
    .leftJoin('person as a', 'a.id', 'c.author_id')
    .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('person as pb', 'pb.id', 'k.placed_by')
    .where('k.wall_id', '=', wallId)
    .where('k.removed_at', 'is', null);
}

function selectCard(q: ReturnType<typeof cardRows>) {
  return q.select((eb) => [
    'k.id',
    'k.contribution_id',
    'k.cluster_id',
    'k.position',
    'k.source_card_id',
    'k.tags',
    'k.duplicate_of',
    'k.version',
    'k.placed_by',
    'k.placed_at',
    'pb.name as placed_by_name',
    'c.visibility',
    'c.author_id',
    'a.name as author_name',
    'o.name as organisation_name',
    'o.type as organisation_type',
    'c.round_id',
    'c.theme_id',
    't.title as theme_title',
    sql<string>`coalesce(k.fragment, c.body)`.as('text'),
    eb
      .selectFrom('wall_card as f')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('f.source_card_id', '=', 'k.id')
      .where('f.removed_at', 'is', null)
      .as('fragments'),
  ]);
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCard>['executeTakeFirstOrThrow']>>;

type OpenProposal = {
  card_id: string;
  proposal_id: string;
  cluster_id: string | null;
  name: string;
  score: number;
};

async function openProposalsFor(db: Kysely<DB>, cardIds: string[]): Promise<Map<string, OpenProposal>> {
  if (cardIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('wall_proposal_card as pc')
    .innerJoin('wall_proposal as p', 'p.id', 'pc.proposal_id')
    .leftJoin('wall_cluster as l', 'l.id', 'p.cluster_id')
    .select([
      'pc.card_id',
      'pc.proposal_id',
      'p.cluster_id',
      'pc.score',
      sql<string>`coalesce(l.name, p.name)`.as('name'),
    ])
    .where('pc.card_id', 'in', cardIds)
    .where('pc.state', '=', 'open')
    .orderBy('pc.score', 'desc')
    .execute();
  const best = new Map<string, OpenProposal>();
  for (const r of rows) if (!best.has(r.card_id)) best.set(r.card_id, r);
  return best;
}

function toCard(r: CardRow, proposal: OpenProposal | undefined): WallCard {
  // The team sees groups; names and organisations only as far as the contributor allowed, so
  // anonymous input never shows a name on the wall (disclosed() as for anyone outside the team).
  const shown = disclosed(
    {
      visibility: r.visibility,
      author_id: r.author_id,
      author_name: r.author_name,
      organisation_name: r.organisation_name,
      organisation_type: r.organisation_type,
    } as ContributionRow,
    { personId: null, team: false },
  );
  return {
    id: r.id,
    contributionId: r.contribution_id,
    clusterId: r.cluster_id,
    position: r.position,
    text: r.text,
    sourceCardId: r.source_card_id,
    fragments: Number(r.fragments ?? 0),
    tags: r.tags,
    duplicateOf: r.duplicate_of,
    visibility: r.visibility,
    authorName: shown.authorName,
    organisationName: shown.organisationName,
    group: r.organisation_type,
    roundId: r.round_id,
    themeId: r.theme_id,
    themeTitle: r.theme_title,
    version: r.version,
    placedBy: r.placed_by ? r.placed_by_name : null,
    placedAt: r.placed_at ? iso(r.placed_at) : null,
    proposal: proposal
      ? {
          proposalId: proposal.proposal_id,
          clusterId: proposal.cluster_id,
          clusterName: proposal.name,
          score: proposal.score,
        }
      : null,
  };
}

export async function cardsOf(
  db: Kysely<DB>,
  wallId: string,
  query: CardQuery,
): Promise<{ items: WallCard[]; total: number }> {
  let q = cardRows(db, wallId);
  if (query.cluster === 'unsorted') q = q.where('k.cluster_id', 'is', null);
  else if (query.cluster) q = q.where('k.cluster_id', '=', query.cluster);
  if (query.roundId) q = q.where('c.round_id', '=', query.roundId);
  if (query.themeId) q = q.where('c.theme_id', '=', query.themeId);
  if (query.group) q = q.where('o.type', '=', query.group);
  if (query.organisationId) q = q.where('c.organisation_id', '=', query.organisationId);
  if (query.tag) {
    const tag = query.tag.toLowerCase();
    q = q.where(sql<boolean>`${tag} = ANY(k.tags)`);
  }
  if (query.q) {
    // A fragment has its own text; a whole card searches its contribution's.
    q = q.where(
      matchesDutch(
        sql`(CASE WHEN k.fragment IS NULL THEN c.search ELSE to_tsvector('dutch', k.fragment) END)`,
        query.q,
      ),
    );
  }
  const [rows, count] = await Promise.all([
    selectCard(q)
      .orderBy('k.position')
      .orderBy('k.created_at')
      // Cards added together share position and time: the id keeps the order the same on every read.
      .orderBy('k.id')
      .orderBy('k.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const proposals = await openProposalsFor(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toCard(r, proposals.get(r.id))), total: Number(count.n) };
}

export async function cardOf(db: Kysely<DB>, wallId: string, cardId: string): Promise<WallCard | undefined> {
  const row = await selectCard(cardRows(db, wallId).where('k.id', '=', cardId)).executeTakeFirst();
  if (!row) return undefined;
  return toCard(row, (await openProposalsFor(db, [cardId])).get(cardId));
}

/** The card's own row, locked: what an action reads before it changes it. */
export function lockCard(db: Kysely<DB>, wallId: string, cardId: string) {
  return db
    .selectFrom('wall_card as k')
    .innerJoin('contribution as c', 'c.id', 'k.contribution_id')
    .select([
      'k.id',
      'k.contribution_id',
      'k.cluster_id',
      'k.position',
      'k.tags',
      'k.duplicate_of',
      'k.version',
      'k.placed_by',
      'k.placed_at',
      'k.placed_how',
      'k.removed_at',
      sql<string>`coalesce(k.fragment, c.body)`.as('text'),
    ])
    .where('k.id', '=', cardId)
    .where('k.wall_id', '=', wallId)
    .where('k.removed_at', 'is', null)
    .forUpdate('k')
    .executeTakeFirst();
}

export async function tagsOf(db: Kysely<DB>, wallId: string): Promise<string[]> {
  const { rows } = await sql<{ tag: string }>`
    SELECT DISTINCT unnest(tags) AS tag FROM wall_card WHERE wall_id = ${wallId} AND removed_at IS NULL
    ORDER BY tag`.execute(db);
  return rows.map((r) => r.tag);
}

/** The end of a cluster (or of "niet ingedeeld"): where a card goes when no position is given. */
export async function endOf(db: Kysely<DB>, wallId: string, clusterId: string | null): Promise<number> {
  const row = await db
    .selectFrom('wall_card')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('wall_id', '=', wallId)
    .where('removed_at', 'is', null)
    .$if(clusterId === null, (q) => q.where('cluster_id', 'is', null))
    .$if(clusterId !== null, (q) => q.where('cluster_id', '=', clusterId!))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

// ── Runs and proposals ────────────────────────────────────────────────────

export async function runOf(db: Kysely<DB>, wallId: string, runId?: string): Promise<WallRun | null> {
  const row = await db
    .selectFrom('wall_run as r')
    .leftJoin('person as p', 'p.id', 'r.requested_by')
    .selectAll('r')
    .select('p.name as requested_by_name')
    .where('r.wall_id', '=', wallId)
    .$if(Boolean(runId), (q) => q.where('r.id', '=', runId!))
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    stage: row.stage,
    k: row.k,
    seed: row.seed,
    error: row.error,
    summary: row.summary,
    requestedBy: row.requested_by_name,
    createdAt: iso(row.created_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
  };
}

export async function proposalsOf(
  db: Kysely<DB>,
  wallId: string,
  options: { openOnly: boolean; ids?: string[] },
): Promise<WallProposal[]> {
  const proposals = await db
    .selectFrom('wall_proposal as p')
    .leftJoin('wall_cluster as l', 'l.id', 'p.cluster_id')
    .select([
      'p.id',
      'p.run_id',
      'p.cluster_id',
      'p.terms',
      'p.state',
      sql<string>`coalesce(l.name, p.name)`.as('name'),
    ])
    .where('p.wall_id', '=', wallId)
    .$if(Boolean(options.ids), (q) => q.where('p.id', 'in', options.ids!.length ? options.ids! : ['']))
    .$if(options.openOnly, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('wall_proposal_card as pc')
            .select('pc.card_id')
            .whereRef('pc.proposal_id', '=', 'p.id')
            .where('pc.state', '=', 'open'),
        ),
      ),
    )
    .orderBy('p.position')
    .execute();
  if (proposals.length === 0) return [];
  const cards = await db
    .selectFrom('wall_proposal_card as pc')
    .innerJoin('wall_card as k', 'k.id', 'pc.card_id')
    .innerJoin('contribution as c', 'c.id', 'k.contribution_id')
    .select([
      'pc.proposal_id',
      'pc.card_id',
      'pc.score',
      'pc.state',
      'pc.representative',
      sql<string>`coalesce(k.fragment, c.body)`.as('text'),
    ])
    .where(
      'pc.proposal_id',
      'in',
      proposals.map((p) => p.id),
    )
    .orderBy('pc.representative', 'desc')
    .orderBy('pc.score', 'desc')
    .execute();
  const byProposal = Map.groupBy(cards, (c) => c.proposal_id);
  return proposals.map((p) => ({
    id: p.id,
    runId: p.run_id,
    clusterId: p.cluster_id,
    name: p.name,
    terms: p.terms,
    state: p.state,
    cards: (byProposal.get(p.id) ?? []).map((c) => ({
      cardId: c.card_id,
      text: c.text,
      score: c.score,
      state: c.state,
      representative: c.representative,
    })),
  }));
}

// ── The log and presence ──────────────────────────────────────────────────

export type EventRow = {
  id: number;
  seq: number;
  type: string;
  person_id: string | null;
  person_name: string | null;
  payload: Record<string, unknown>;
  card_ids: string[];
  cluster_ids: string[];
  undone_at: Date | null;
  created_at: Date;
};

export function toEvent(row: EventRow): WallEvent {
  const text = typeof row.payload.text === 'string' ? row.payload.text : '';
  const by: WallPerson | null =
    row.person_id && row.person_name ? { personId: row.person_id, name: row.person_name } : null;
  return {
    id: row.id,
    seq: row.seq,
    type: row.type as WallEventType,
    by,
    // Names are joined in when read, never stored in the log: an erased person becomes "Iemand".
    description: `${by?.name ?? 'Iemand'} ${text}`,
    cardIds: row.card_ids,
    clusterIds: row.cluster_ids,
    undone: row.undone_at !== null,
    at: iso(row.created_at),
  };
}

function eventRows(db: Kysely<DB>, wallId: string) {
  return db
    .selectFrom('wall_event as e')
    .leftJoin('person as p', 'p.id', 'e.person_id')
    .where('e.wall_id', '=', wallId);
}

const eventColumns = [
  'e.id',
  'e.seq',
  'e.type',
  'e.person_id',
  'p.name as person_name',
  'e.payload',
  'e.card_ids',
  'e.cluster_ids',
  'e.undone_at',
  'e.created_at',
] as const;

export async function eventOf(db: Kysely<DB>, wallId: string, id: number): Promise<WallEvent> {
  const row = await eventRows(db, wallId)
    .select(eventColumns)
    .where('e.id', '=', id)
    .executeTakeFirstOrThrow();
  return toEvent(row);
}

export async function historyOf(
  db: Kysely<DB>,
  wallId: string,
  query: { page: number; pageSize: number; personId?: string; cardId?: string },
): Promise<{ items: WallEvent[]; total: number }> {
  let q = eventRows(db, wallId);
  if (query.personId) q = q.where('e.person_id', '=', query.personId);
  if (query.cardId) q = q.where(sql<boolean>`e.card_ids @> ARRAY[${query.cardId}]::uuid[]`);
  const [rows, count] = await Promise.all([
    q
      .select(eventColumns)
      .orderBy('e.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toEvent), total: Number(count.n) };
}

export async function presentOn(db: Kysely<DB>, wallId: string, since: Date): Promise<WallPerson[]> {
  const rows = await db
    .selectFrom('wall_presence as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .select(['p.id', 'p.name'])
    .where('w.wall_id', '=', wallId)
    .where('w.seen_at', '>=', since)
    .where('p.name', 'is not', null)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({ personId: r.id, name: r.name! }));
}

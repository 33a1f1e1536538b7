// A clustering or suggestion run: a job from the queue that hands the texts to a worker thread (the API
// never waits on it), writes the progress to the run row and live to the wall, and stores the result as
// proposals the team accepts or rejects. A proposal never moves a card by itself.
import { Worker } from 'node:worker_threads';
import type { ClusterResult, Placement, SeedTopic, Suggestion, TextItem } from '@inbreng/clustering';
import { wallTopic } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EventBus } from '../../plugins/events.ts';
import type { JobHandler } from '../jobs/queue.ts';
import { runOf } from './wall.queries.ts';

export type WorkerInput = {
  kind: 'cluster' | 'suggest';
  items: TextItem[];
  placed: Placement[];
  k: number | null;
  seed: number;
  seeds: SeedTopic[];
};

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'cluster'; result: ClusterResult }
  | { type: 'suggest'; suggestions: Suggestion[] }
  | { type: 'error'; message: string };

const PROGRESS_EVERY_MS = 250;
const WORKER_URL = new URL('./wall.worker.ts', import.meta.url);

/** The texts of the cards a run works on: unsorted (not marked duplicate) and, for suggestions, placed. */
export async function runInput(db: Kysely<DB>, wallId: string, kind: 'cluster' | 'suggest') {
  const cards = await db
    .selectFrom('wall_card as k')
    .innerJoin('contribution as c', 'c.id', 'k.contribution_id')
    .leftJoin('wall_cluster as l', 'l.id', 'k.cluster_id')
    .select([
      'k.id',
      'k.cluster_id',
      'k.placed_how',
      'k.duplicate_of',
      sql<string>`coalesce(k.fragment, c.body)`.as('text'),
    ])
    .where('k.wall_id', '=', wallId)
    .where('k.removed_at', 'is', null)
    .orderBy('k.position')
    .orderBy('k.id')
    .execute();
  const items = cards
    .filter((c) => c.cluster_id === null && c.duplicate_of === null)
    .map(({ id, text }) => ({ id, text }));
  let placed: Placement[] = [];
  if (kind === 'suggest') {
    const inClusters = cards.filter((c) => c.cluster_id !== null);
    // Learn from what people placed; only when nobody placed a card by hand, from all sorted cards.
    const byPeople = inClusters.filter((c) => c.placed_how === 'person');
    placed = (byPeople.length > 0 ? byPeople : inClusters).map((c) => ({
      id: c.id,
      text: c.text,
      cluster: c.cluster_id!,
    }));
  }
  return { items, placed };
}

/** The plan's themes with their descriptions: seeds the clusters may start from. */
export async function seedsOf(db: Kysely<DB>, wallId: string): Promise<SeedTopic[]> {
  const rows = await db
    .selectFrom('wall as w')
    .innerJoin('goal as g', 'g.plan_id', 'w.plan_id')
    .innerJoin('theme as t', 't.goal_id', 'g.id')
    .select(['t.id', 't.title', 't.description', 'w.theme_id'])
    .where('w.id', '=', wallId)
    .orderBy('g.position')
    .orderBy('t.position')
    .execute();
  return rows
    .filter((r) => r.theme_id === null || r.theme_id === r.id)
    .map((r) => ({ name: r.title, text: `${r.title}. ${r.description}` }));
}

/** New-cluster proposals from a clustering result; earlier open proposals are closed (their basis is gone). */
export async function recordClusterProposals(
  trx: Kysely<DB>,
  wallId: string,
  runId: string,
  result: ClusterResult,
): Promise<number> {
  await closeOpenProposals(trx, wallId, runId);
  let made = 0;
  for (const cluster of result.clusters) {
    if (cluster.members.length === 0) continue;
    const { id } = await trx
      .insertInto('wall_proposal')
      .values({
        wall_id: wallId,
        run_id: runId,
        name: cluster.label.slice(0, 120) || `Cluster ${cluster.index + 1}`,
        terms: JSON.stringify(cluster.terms.slice(0, 12)),
        position: cluster.index,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const quotes = new Set(cluster.quotes.map((item) => item.id));
    await trx
      .insertInto('wall_proposal_card')
      .values(
        cluster.members.map((m) => ({
          proposal_id: id,
          card_id: m.id,
          score: Math.max(0, Math.min(1, m.score)),
          representative: quotes.has(m.id),
        })),
      )
      .execute();
    made += 1;
  }
  return made;
}

/** Proposals into existing clusters, one per cluster, from the suggestions of a run. */
export async function recordSuggestProposals(
  trx: Kysely<DB>,
  wallId: string,
  runId: string,
  suggestions: Suggestion[],
): Promise<number> {
  await closeOpenProposals(trx, wallId, runId);
  const byCluster = Map.groupBy(suggestions, (s) => s.cluster);
  const clusters = await trx
    .selectFrom('wall_cluster')
    .select(['id', 'name', 'position'])
    .where('wall_id', '=', wallId)
    .where('dissolved_at', 'is', null)
    .orderBy('position')
    .execute();
  let made = 0;
  for (const [index, cluster] of clusters.entries()) {
    const list = (byCluster.get(cluster.id) ?? []).toSorted((a, b) => b.confidence - a.confidence);
    if (list.length === 0) continue;
    const weights = new Map<string, number>();
    for (const s of list)
      for (const term of s.terms) weights.set(term, (weights.get(term) ?? 0) + s.confidence);
    const { id } = await trx
      .insertInto('wall_proposal')
      .values({
        wall_id: wallId,
        run_id: runId,
        cluster_id: cluster.id,
        name: cluster.name,
        terms: JSON.stringify(
          [...weights]
            .toSorted((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([term, weight]) => ({ term, weight })),
        ),
        position: index,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('wall_proposal_card')
      .values(
        list.map((s, i) => ({
          proposal_id: id,
          card_id: s.id,
          score: Math.max(0, Math.min(1, s.confidence)),
          representative: i < 3,
        })),
      )
      .execute();
    made += 1;
  }
  return made;
}

async function closeOpenProposals(trx: Kysely<DB>, wallId: string, runId: string) {
  const old = trx
    .selectFrom('wall_proposal')
    .select('id')
    .where('wall_id', '=', wallId)
    .where('run_id', '!=', runId);
  await trx
    .updateTable('wall_proposal_card')
    .set({ state: 'skipped' })
    .where('state', '=', 'open')
    .where('proposal_id', 'in', old)
    .execute();
  await trx
    .updateTable('wall_proposal')
    .set((eb) => ({
      state: eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('wall_proposal_card as pc')
              .select('pc.card_id')
              .whereRef('pc.proposal_id', '=', 'wall_proposal.id')
              .where('pc.state', '=', 'accepted'),
          ),
        )
        .then('partly' as const)
        .else('rejected' as const)
        .end(),
    }))
    .where('wall_id', '=', wallId)
    .where('run_id', '!=', runId)
    .where('state', 'in', ['open', 'partly'])
    .execute();
}

function inWorker(input: WorkerInput, onProgress: (fraction: number, stage: string) => void) {
  return new Promise<Exclude<WorkerMessage, { type: 'progress' } | { type: 'error' }>>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') return onProgress(message.fraction, message.stage);
      settled = true;
      void worker.terminate();
      if (message.type === 'error') reject(new Error(message.message));
      else resolve(message);
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`De rekenhulp stopte onverwacht (code ${code}).`));
    });
  });
}

/** The job: one run, from queued to done or failed; a failure is stored on the run, never retried. */
export function wallRunJob(deps: { events: Pick<EventBus, 'publish'>; now: () => Date }): JobHandler {
  return async (payload, { db }) => {
    const runId = String(payload.runId);
    const run = await db.selectFrom('wall_run').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!run || run.state === 'done' || run.state === 'failed') return;
    const wallId = run.wall_id;
    const announce = async () => {
      const view = await runOf(db, wallId, runId);
      if (view) await deps.events.publish({ topic: wallTopic(wallId), type: 'run', data: view });
    };
    const started = Date.now();
    await db
      .updateTable('wall_run')
      .set({ state: 'running', started_at: deps.now(), stage: 'Teksten voorbereiden', progress: 0 })
      .where('id', '=', runId)
      .execute();
    await announce();

    // Progress is written at most every 250 ms; a write still under way is not queued behind.
    let last = 0;
    let writing: Promise<void> | undefined;
    const onProgress = (fraction: number, stage: string) => {
      const t = Date.now();
      if (writing || t - last < PROGRESS_EVERY_MS) return;
      last = t;
      writing = db
        .updateTable('wall_run')
        .set({ progress: Math.max(0, Math.min(1, fraction)), stage })
        .where('id', '=', runId)
        .where('state', '=', 'running')
        .execute()
        .then(announce)
        .catch(() => {})
        .finally(() => {
          writing = undefined;
        });
    };

    try {
      const { items, placed } = await runInput(db, wallId, run.kind);
      const seeds = await seedsOf(db, wallId);
      const outcome = await inWorker(
        { kind: run.kind, items, placed, k: run.k, seed: run.seed, seeds },
        onProgress,
      );
      await writing;
      await db.transaction().execute(async (trx) => {
        const made =
          outcome.type === 'cluster'
            ? await recordClusterProposals(trx, wallId, runId, outcome.result)
            : await recordSuggestProposals(trx, wallId, runId, outcome.suggestions);
        const summary =
          outcome.type === 'cluster'
            ? {
                cards: items.length,
                clusters: outcome.result.k,
                proposals: made,
                duplicates: outcome.result.duplicates.length,
              }
            : { cards: items.length, suggestions: outcome.suggestions.length, proposals: made };
        await trx
          .updateTable('wall_run')
          .set({
            state: 'done',
            progress: 1,
            stage: 'Klaar',
            k: outcome.type === 'cluster' ? outcome.result.k : run.k,
            summary: JSON.stringify({ ...summary, seconds: Math.round((Date.now() - started) / 100) / 10 }),
            finished_at: deps.now(),
          })
          .where('id', '=', runId)
          .execute();
      });
    } catch (err) {
      await writing;
      await db
        .updateTable('wall_run')
        .set({
          state: 'failed',
          stage: 'Mislukt',
          error: `Het voorstellen is mislukt: ${err instanceof Error ? err.message : String(err)}`.slice(
            0,
            2000,
          ),
          finished_at: deps.now(),
        })
        .where('id', '=', runId)
        .execute();
    }
    await announce();
  };
}

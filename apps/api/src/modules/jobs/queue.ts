// The durable job queue, in the app's own database: jobs are rows, claimed with FOR UPDATE SKIP LOCKED
// so several processes share the work, retried with back-off, and never lost to a restart.
// Hand-written rather than pg-boss or graphile-worker because both need connections of their own and
// LISTEN, which the embedded database (one connection, no LISTEN) cannot give.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type JobContext = { db: Kysely<DB>; attempt: number; final: boolean; now: Date };
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

export type EnqueueOptions = { runAt?: Date; dedupeKey?: string; maxAttempts?: number };

const LOCK_MS = 5 * 60 * 1000;

/** 30 s, 1 min, 2 min, 4 min … capped at an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 60 * 60 * 1000);
}

/** Adds a job, in the caller's transaction when given one. A repeated dedupeKey adds nothing. */
export async function enqueue(
  db: Kysely<DB>,
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
  options: EnqueueOptions = {},
): Promise<void> {
  await db
    .insertInto('job')
    .values({
      kind,
      payload: JSON.stringify(payload),
      run_at: options.runAt ?? now,
      created_at: now,
      dedupe_key: options.dedupeKey ?? null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

type ClaimedJob = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
};

export class JobRunner {
  readonly #db: Kysely<DB>;
  readonly #now: () => Date;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;
  readonly #schedules: Array<{ kind: string; key: (now: Date) => string | undefined; last?: string }> = [];

  constructor(db: Kysely<DB>, now: () => Date, log: JobRunner['log']) {
    this.#db = db;
    this.#now = now;
    this.#log = log;
  }

  get log() {
    return this.#log;
  }

  register(kind: string, handler: JobHandler) {
    this.#handlers.set(kind, handler);
  }

  /**
   * A recurring job: whenever `key(now)` gives a new value (a minute, a day…), one job of `kind` is
   * queued under that key. The key is the job's dedupe key, so several processes queue it only once.
   */
  schedule(kind: string, key: (now: Date) => string | undefined) {
    this.#schedules.push({ kind, key });
  }

  async #enqueueScheduled() {
    const now = this.#now();
    for (const s of this.#schedules) {
      const key = s.key(now);
      if (!key || key === s.last) continue;
      await enqueue(this.#db, s.kind, {}, now, { dedupeKey: key });
      s.last = key;
    }
  }

  /** Polls every `intervalMs` (and soon after `wake`) until stopped. */
  start(intervalMs = 1000) {
    this.#stopped = false;
    const tick = () => {
      if (this.#stopped) return;
      this.#running ??= this.#enqueueScheduled()
        .then(() => this.drain())
        .catch((err: unknown) => this.#log.error({ err }, 'job queue: polling failed'))
        .finally(() => {
          this.#running = undefined;
        });
      this.#timer = setTimeout(tick, intervalMs);
    };
    tick();
  }

  /** Asks the poller to look now, e.g. after a transaction that enqueued a mail has committed. */
  wake() {
    if (this.#stopped || this.#running) return;
    this.#running = this.drain()
      .catch((err: unknown) => this.#log.error({ err }, 'job queue: polling failed'))
      .finally(() => {
        this.#running = undefined;
      });
  }

  async stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Runs due jobs one by one until none is due; returns how many ran. Tests call it directly. */
  async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await this.#claim();
      if (!job) return ran;
      await this.#run(job);
      ran += 1;
    }
  }

  async #claim(): Promise<ClaimedJob | undefined> {
    const now = this.#now();
    const kinds = [...this.#handlers.keys()];
    if (kinds.length === 0) return undefined;
    const { rows } = await sql<ClaimedJob>`
      UPDATE job SET state = 'running', attempts = attempts + 1,
        locked_until = ${new Date(now.getTime() + LOCK_MS)}
      WHERE id = (
        SELECT id FROM job
        WHERE kind IN (${sql.join(kinds)})
          AND ((state = 'queued' AND run_at <= ${now}) OR (state = 'running' AND locked_until < ${now}))
        ORDER BY run_at, id
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
      RETURNING id, kind, payload, attempts, max_attempts`.execute(this.#db);
    return rows[0];
  }

  async #run(job: ClaimedJob) {
    const handler = this.#handlers.get(job.kind)!;
    const now = this.#now();
    const final = job.attempts >= job.max_attempts;
    try {
      await handler(job.payload, { db: this.#db, attempt: job.attempts, final, now });
      await this.#db
        .updateTable('job')
        .set({ state: 'done', finished_at: this.#now(), locked_until: null, last_error: null })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.#log.warn({ err, jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job failed');
      await this.#db
        .updateTable('job')
        .set(
          final
            ? { state: 'failed', finished_at: now, locked_until: null, last_error: message.slice(0, 2000) }
            : {
                state: 'queued',
                run_at: new Date(now.getTime() + backoffMs(job.attempts)),
                locked_until: null,
                last_error: message.slice(0, 2000),
              },
        )
        .where('id', '=', job.id)
        .execute();
    }
  }
}

// Fixed-window rate limits kept in the database, so every process counts the same hits.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

export type Limit = { key: string; max: number; windowMs: number };

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'RATE_LIMITED',
      `U hebt dit te vaak geprobeerd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Counts one hit on each limit; throws RateLimitedError (429 with Retry-After) when any is exceeded. */
export async function hitLimits(db: Kysely<DB>, limits: Limit[], now: Date): Promise<void> {
  let retryAfter = 0;
  for (const limit of limits) {
    const windowStart = new Date(now.getTime() - limit.windowMs);
    const { rows } = await sql<{ window_start: Date; hits: number }>`
      INSERT INTO rate_limit (key, window_start, hits) VALUES (${limit.key}, ${now}, 1)
      ON CONFLICT (key) DO UPDATE SET
        window_start = CASE WHEN rate_limit.window_start <= ${windowStart} THEN ${now} ELSE rate_limit.window_start END,
        hits = CASE WHEN rate_limit.window_start <= ${windowStart} THEN 1 ELSE rate_limit.hits + 1 END
      RETURNING window_start, hits`.execute(db);
    const row = rows[0]!;
    if (row.hits > limit.max) {
      const wait = Math.ceil((row.window_start.getTime() + limit.windowMs - now.getTime()) / 1000);
      retryAfter = Math.max(retryAfter, wait, 1);
    }
  }
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);
}

// Reading a plan (goals, themes, timeline) through the API, against the same four queries run
// straight on the database pool at the same concurrency.
import autocannon from 'autocannon';
import { rawRate, startBenchApp } from './lib.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const slug = 'strategisch-werkplan-2027-2030';

const bench = await startBenchApp();
try {
  const result = await autocannon({ url: `${bench.url}/api/plans/${slug}`, connections, duration: seconds });
  const { pool } = bench.database;
  const raw = await rawRate(connections, seconds, async () => {
    const { rows } = await pool.query('SELECT * FROM plan WHERE slug = $1', [slug]);
    const id = rows[0].id;
    await Promise.all([
      pool.query('SELECT id, position, title, description FROM goal WHERE plan_id = $1 ORDER BY position', [
        id,
      ]),
      pool.query(
        'SELECT t.* FROM theme t JOIN goal g ON g.id = t.goal_id WHERE g.plan_id = $1 ORDER BY t.position',
        [id],
      ),
      pool.query('SELECT * FROM milestone WHERE plan_id = $1 ORDER BY date', [id]),
    ]);
  });
  const summary = {
    benchmark: 'plans',
    database: bench.database.kind,
    connections,
    seconds,
    reads_per_s: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors,
    raw_reads_per_s: Math.round(raw),
    ratio: Number((result.requests.average / raw).toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await bench.close();
}

// Submitting input under load: contributions POSTed through the whole API (session, access check,
// validation, transaction, audit) at 50 and 200 connections, against plain single-row INSERTs into the
// same table through pg at the same concurrency. Every acknowledged submit must be stored exactly once.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createRound } from '../apps/api/src/test/rounds.ts';
import { rawRate, startBenchApp } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const levels = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);

const bench = await startBenchApp();
try {
  const { db, pool } = bench.database;
  const round = await createRound(db, { groups: ['medewerker'], title: 'Benchmarkronde' });
  const themeId = round.themeIds[0]!;
  const [openQuestion, choiceQuestion] = round.questionIds[themeId]!;
  const signIn = await fetch(`${bench.url}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'medewerker' }),
  });
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const author = await db
    .selectFrom('person')
    .select('id')
    .where('email', '=', 'ahmed.elamrani@demo.inbreng.nl')
    .executeTakeFirstOrThrow();

  const text =
    'De werkdruk in ons team is hoog. Ik zou willen dat we vaker met de wijkteams en de huisartsen om tafel zitten, zodat inwoners niet tussen wal en schip vallen.';
  const acknowledged = new Set<string>();
  const results: Array<Record<string, unknown>> = [];

  for (const connections of levels) {
    const result = await autocannon({
      url: bench.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/contributions',
          headers: { 'content-type': 'application/json', cookie },
          setupRequest: (request, context) => {
            const clientKey = `bench-${randomUUID()}`;
            (context as { clientKey?: string }).clientKey = clientKey;
            return {
              ...request,
              body: JSON.stringify({
                clientKey,
                roundId: round.roundId,
                themeId,
                visibility: 'name',
                answers: [
                  { questionId: openQuestion, text },
                  { questionId: choiceQuestion, choices: ['Belangrijk'] },
                ],
              }),
            };
          },
          onResponse: (status, _body, context) => {
            if (status >= 200 && status < 300)
              acknowledged.add(String((context as { clientKey?: string }).clientKey));
          },
        },
      ],
    });

    // The same number of connections doing nothing but inserting one row each time.
    const raw = await rawRate(connections, seconds, () =>
      pool.query(
        `INSERT INTO contribution (round_id, theme_id, author_id, client_key, state, body, submitted_at)
         VALUES ($1, $2, $3, $4, 'submitted', $5, now())`,
        [round.roundId, themeId, author.id, `raw-${randomUUID()}`, text],
      ),
    );
    results.push({
      connections,
      submits_per_s: Math.round(result.requests.average),
      p99_ms: result.latency.p99,
      non_2xx: result.non2xx,
      errors: result.errors,
      raw_inserts_per_s: Math.round(raw),
      ratio: Number((result.requests.average / raw).toFixed(2)),
    });
    process.stdout.write(
      `${JSON.stringify({ benchmark: 'api', database: bench.database.kind, ...results.at(-1) })}\n`,
    );
  }

  const { rows } = await pool.query<{ stored: number; rows: number }>(
    `SELECT count(DISTINCT client_key)::int AS stored, count(*)::int AS rows
       FROM contribution WHERE client_key = ANY($1::text[])`,
    [[...acknowledged]],
  );
  const last = results.at(-1)!;
  process.stdout.write(
    `${JSON.stringify({
      submits_per_s: last.submits_per_s,
      p99_ms: last.p99_ms,
      raw_inserts_per_s: last.raw_inserts_per_s,
      ratio: last.ratio,
      acknowledged: acknowledged.size,
      stored: rows[0]!.stored,
      duplicates: rows[0]!.rows - rows[0]!.stored,
      connections: last.connections,
      database: bench.database.kind,
    })}\n`,
  );
} finally {
  await bench.close();
}

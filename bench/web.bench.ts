// The pages people open, as the browser gets them from the built app: time to first byte (median and
// p95, next to the API's health check measured in the same loop as a baseline) and the JavaScript each
// page loads, gzipped. Budget: under 100 kB of gzipped JavaScript per page; the wall is exempt.
// Prints one JSON line per page and a summary line last. Needs the built web app (./inbreng build).
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, webBuildDir } from '../apps/api/src/app.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import { seedDemo } from '../apps/api/src/demo/seed.ts';
import { testConfig } from '../apps/api/src/test/app.ts';
import { createAssetCache, scriptsNamedBy, stylesNamedBy } from './web-js.ts';

const samples = Number(process.env.BENCH_SAMPLES ?? 20);
const warmUp = 2;
const budgetBytes = 100_000;

type Account =
  'programmateam' | 'medewerker' | 'adviesraad_lid' | 'gemeente_gouda' | 'ketenpartner' | 'beheerder';
type PageSpec = { page: string; path: string; as: Account | null; exempt?: boolean };

if (!fs.existsSync(path.join(webBuildDir, 'handler.js'))) {
  process.stderr.write('De webapp is nog niet gebouwd: draai eerst ./inbreng build.\n');
  process.exit(1);
}

// A throwaway database (the server at DATABASE_URL, else embedded) with the whole demo, and the web
// app served by the same process, as in production.
if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const { createTestDatabase } = await import('../apps/api/src/test/database.ts');
const database = await createTestDatabase();
await migrate(database.pool);
await seedDemo(database.db);
const app = await buildApp(testConfig({ now: () => new Date(), web: true }), { database });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
// The pages' server side reaches the API over loopback, read per call (apps/web/src/lib/server/api.ts).
process.env.INBRENG_API_URL = base;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return Number((sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo)).toFixed(1));
}

async function signIn(account: Account): Promise<string> {
  const response = await fetch(`${base}/api/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  if (!response.ok) throw new Error(`demo sign-in ${account}: HTTP ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('inbreng_session='));
  return cookie!.split(';')[0]!;
}

/** Time to the response headers (fetch resolves there), then the body read to the end. */
async function timed(url: string, cookie: string | undefined) {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const ttfb = performance.now() - started;
  const body = await response.text();
  return { ttfb, status: response.status, body, link: response.headers.get('link') };
}

try {
  const round = await database.db
    .selectFrom('round')
    .select('id')
    .where('state', '=', 'open')
    .orderBy('opens_on')
    .executeTakeFirstOrThrow();
  const wall = await database.db.selectFrom('wall').select('id').orderBy('seq').executeTakeFirstOrThrow();

  const pages: PageSpec[] = [
    { page: 'home, afgemeld', path: '/', as: null },
    { page: 'home, programmateam', path: '/', as: 'programmateam' },
    { page: 'home, medewerker', path: '/', as: 'medewerker' },
    { page: 'home, adviesraad', path: '/', as: 'adviesraad_lid' },
    { page: 'home, gemeente', path: '/', as: 'gemeente_gouda' },
    { page: 'home, ketenpartner', path: '/', as: 'ketenpartner' },
    { page: 'home, beheerder', path: '/', as: 'beheerder' },
    { page: 'inloggen', path: '/inloggen', as: null },
    { page: 'plannen', path: '/plannen', as: null },
    { page: 'plan', path: '/plannen/strategisch-werkplan-2027-2030', as: null },
    { page: 'rondes', path: '/rondes', as: 'programmateam' },
    { page: 'ronde', path: `/rondes/${round.id}`, as: 'programmateam' },
    { page: 'inbreng', path: '/inbreng', as: 'programmateam' },
    { page: 'mijn-inbreng', path: '/mijn-inbreng', as: 'medewerker' },
    { page: 'reacties', path: '/reacties', as: 'gemeente_gouda' },
    { page: 'wanden', path: '/wanden', as: 'programmateam' },
    { page: 'wand', path: `/wanden/${wall.id}`, as: 'programmateam', exempt: true },
    { page: 'beheer', path: '/beheer', as: 'beheerder' },
    { page: 'beheer/personen', path: '/beheer/personen', as: 'beheerder' },
    { page: 'beheer/audit', path: '/beheer/audit', as: 'beheerder' },
    { page: 'mijn-gegevens', path: '/mijn-gegevens', as: 'medewerker' },
    { page: 'toegankelijkheid', path: '/toegankelijkheid', as: null },
    { page: 'privacy', path: '/privacy', as: null },
  ];

  const cookies = new Map<Account, string>();
  for (const account of new Set(pages.flatMap((p) => (p.as ? [p.as] : [])))) {
    cookies.set(account, await signIn(account));
  }

  const assets = createAssetCache();
  const overBudget: string[] = [];
  const allBaseline: number[] = [];
  let ttfbP95Max = 0;

  for (const spec of pages) {
    const url = `${base}${spec.path}`;
    const cookie = spec.as ? cookies.get(spec.as) : undefined;
    const ttfb: number[] = [];
    const baseline: number[] = [];
    let first: Awaited<ReturnType<typeof timed>> | undefined;
    // Page and health check take turns, so both see the same moment of a noisy machine.
    for (let i = 0; i < warmUp + samples; i++) {
      const result = await timed(url, cookie);
      if (result.status !== 200)
        throw new Error(`${spec.path} als ${spec.as ?? 'afgemeld'}: HTTP ${result.status}`);
      const health = await timed(`${base}/api/health`, undefined);
      if (i < warmUp) continue;
      first ??= result;
      ttfb.push(result.ttfb);
      baseline.push(health.ttfb);
    }
    const js = await assets.javaScript(scriptsNamedBy(first!.body, url, first!.link));
    const css = await assets.css(stylesNamedBy(first!.body, url));
    const within = js.gzipBytes < budgetBytes;
    if (!within && !spec.exempt) overBudget.push(spec.page);
    allBaseline.push(...baseline);
    const p95 = quantile(ttfb, 0.95);
    ttfbP95Max = Math.max(ttfbP95Max, p95);
    const line = {
      page: spec.page,
      path: spec.path.replace(/[0-9a-f-]{36}/, ':id'),
      as: spec.as,
      ttfb_median_ms: median(ttfb),
      ttfb_p95_ms: p95,
      baseline_ttfb_median_ms: median(baseline),
      html_bytes: Buffer.byteLength(first!.body),
      js_files: js.files,
      js_bytes: js.bytes,
      js_gzip_bytes: js.gzipBytes,
      js_not_named_in_html: js.beyondNamed.length,
      css_gzip_bytes: css.gzipBytes,
      budget: spec.exempt ? 'exempt' : within ? 'ok' : 'over',
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }

  const summary = {
    bench: 'web',
    database: database.kind,
    samples,
    pages: pages.length,
    budget_gzip_bytes: budgetBytes,
    over_budget: overBudget,
    ttfb_p95_ms_max: ttfbP95Max,
    baseline_ttfb_ms: median(allBaseline),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await app.close();
  await database.close();
}

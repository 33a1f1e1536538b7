// Shared set-up for benchmarks: the app on a fresh database (the server at DATABASE_URL, else embedded).
import type { AddressInfo } from 'node:net';
import { buildApp } from '../apps/api/src/app.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import { seedDemo } from '../apps/api/src/demo/seed.ts';
import { testConfig } from '../apps/api/src/test/app.ts';

export async function startBenchApp() {
  // A throwaway database on the server, so a benchmark never touches real data.
  if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const { createTestDatabase } = await import('../apps/api/src/test/database.ts');
  const database = await createTestDatabase();
  await migrate(database.pool);
  await seedDemo(database.db);
  const app = await buildApp(testConfig({ now: () => new Date() }), { database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Runs `task` in `concurrency` loops for `seconds`; returns completed tasks per second. */
export async function rawRate(
  concurrency: number,
  seconds: number,
  task: () => Promise<unknown>,
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await task();
        done++;
      }
    }),
  );
  return done / seconds;
}

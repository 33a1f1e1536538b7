// Builds the whole app the way the server does, on a fresh database, with a pinned clock.
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { createTestDatabase } from './database.ts';

/** Monday 23 November 2026, 10:00 in Amsterdam: three days before the DB meeting of 26 November. */
export const DEMO_NOW = new Date('2026-11-23T09:00:00Z');

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: 'memory://',
    publicUrl: undefined,
    smtpUrl: undefined,
    demo: true,
    adminEmail: undefined,
    jobs: false,
    mailFrom: 'Inbreng <inbreng@test.local>',
    oidc: undefined,
    web: false,
    logLevel: 'silent',
    prettyLogs: false,
    now: () => DEMO_NOW,
    ...overrides,
  };
}

/** demoRounds: also the demo's rounds, people, input and responses (off: the plan and seven accounts). */
export async function createTestApp(
  options: { demo?: boolean; demoRounds?: boolean; config?: Partial<Config> } = {},
) {
  const database = await createTestDatabase();
  await migrate(database.pool);
  if (options.demo !== false) await seedDemo(database.db, { rounds: options.demoRounds ?? false });
  const app = await buildApp(testConfig(options.config), { database });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

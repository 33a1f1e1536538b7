// Entry point: read the configuration, open and migrate the database, seed the demo, listen, and
// shut down cleanly on SIGTERM/SIGINT.
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { ConfigError, configFromEnv } from './config.ts';
import { openDatabase } from './db/database.ts';
import { MigrationError, migrate } from './db/migrate.ts';
import { seedDemo } from './demo/seed.ts';
import { ensureAdmin } from './modules/identity/bootstrap.ts';

const SHUTDOWN_GRACE_MS = 8_000;

function fail(message: string): never {
  process.stderr.write(`\ninbreng: ${message}\n\n`);
  process.exit(1);
}

async function main() {
  const config = configFromEnv();
  // Behind an https proxy the visitor's address is in X-Forwarded-For (SvelteKit's getClientAddress).
  if (config.publicUrl?.startsWith('https://')) {
    process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
    process.env.XFF_DEPTH ??= '1';
  }

  const database = await openDatabase(config);
  try {
    await migrate(database.pool, { log: (m) => process.stdout.write(`inbreng: ${m}\n`) });
    if (config.demo) {
      const { seeded } = await seedDemo(database.db);
      if (seeded) process.stdout.write('inbreng: demogegevens toegevoegd\n');
    }
    if (config.adminEmail) await ensureAdmin(database.db, config.adminEmail);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }

  const app = await buildApp(config, { database });
  app.addHook('onClose', () => database.close());

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: no new connections, finishing open requests');
    const force = setTimeout(() => {
      app.log.error('open requests did not finish in time; stopping anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address() as AddressInfo;
  const loopback = address.family === 'IPv6' ? '[::1]' : '127.0.0.1';
  const internalHost = ['0.0.0.0', '::'].includes(address.address)
    ? loopback
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  process.env.INBRENG_API_URL = `http://${internalHost}:${address.port}`;
  const shown =
    config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;
  process.stdout.write(
    `inbreng: klaar op ${shown} (database: ${database.kind === 'embedded' ? `ingebed in ${config.dataDir}` : 'PostgreSQL-server'})\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) fail(error.message);
  fail(`starten mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});

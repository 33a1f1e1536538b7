// Opens PostgreSQL the one way the app knows — a pg pool under Kysely — whether the server behind
// it is a real PostgreSQL (DATABASE_URL) or PGlite embedded in this process (INBRENG_DATA_DIR).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError, type Config } from '../config.ts';
import type { DB } from './schema.ts';

export type Database = {
  db: Kysely<DB>;
  pool: pg.Pool;
  kind: 'embedded' | 'server';
  close: () => Promise<void>;
};

// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the process's time zone.
// Counts (int8) fit easily in a JS number.
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.DATE) return (value: string) => value;
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return openServer(config.databaseUrl);
  return openEmbedded(config.dataDir);
}

function openServer(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, types: typeParsers, max: 10 });
  // An idle client that loses its connection (server restart, pg_terminate_backend) must not crash
  // the process; the pool replaces it on the next checkout.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, kind: 'server', close: () => db.destroy() };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  const release = inMemory ? () => {} : claimDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm } });
    // PGlite is one connection: the pool of one serialises transactions, and never drops it.
    const pool = new pg.Pool({ ...createPgConfig(pglite), types: typeParsers, max: 1, idleTimeoutMillis: 0 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      kind: 'embedded',
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Embedded PostgreSQL lives in this process only: a second process on the same folder would corrupt it. */
function claimDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'inbreng.pid');
  const holder = dataDirHolder(dataDir);
  if (holder !== undefined) {
    throw new ConfigError(
      `De ingebedde database in ${dataDir} is al in gebruik door proces ${holder}. ` +
        'Stop dat proces, kies een andere INBRENG_DATA_DIR of gebruik een PostgreSQL-server via DATABASE_URL.',
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    if (readIfExists(lockFile) === String(process.pid)) fs.rmSync(lockFile, { force: true });
  };
}

/** The other live process that has this embedded database open, if any. */
export function dataDirHolder(dataDir: string): number | undefined {
  const holder = Number.parseInt(readIfExists(path.join(dataDir, 'inbreng.pid')) ?? '', 10);
  return Number.isInteger(holder) && holder !== process.pid && isAlive(holder) ? holder : undefined;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

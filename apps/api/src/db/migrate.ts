// Applies migrations/NNNN_name.sql in order, each in its own transaction, recorded in
// schema_migration; an advisory lock makes processes that start together migrate once.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { repoRoot } from '../config.ts';

export const migrationsDir = path.join(repoRoot, 'migrations');

// Any fixed number will do, as long as nothing else in the database uses it.
const MIGRATION_LOCK = 727_001;

export type Migration = { version: number; name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migratiebestand ${file} heeft geen naam als 0001_naam.sql.`);
    const sql = await fs.readFile(path.join(dir, file), 'utf8');
    const version = Number(match[1]);
    if (migrations.at(-1)?.version === version) {
      throw new MigrationError(`Twee migraties hebben nummer ${match[1]}.`);
    }
    migrations.push({ version, name: match[2]!, sql, checksum: sha256(sql) });
  }
  return migrations;
}

export async function migrate(
  pool: pg.Pool,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.dir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (
        await client.query<{ version: number; checksum: string }>(
          'SELECT version, checksum FROM schema_migration',
        )
      ).rows.map((r) => [r.version, r.checksum]),
    );
    for (const migration of migrations) {
      const label = `${String(migration.version).padStart(4, '0')}_${migration.name}`;
      const recorded = done.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new MigrationError(
            `Migratie ${label} is gewijzigd nadat hij al was uitgevoerd. Maak een nieuwe migratie in plaats van een oude aan te passen.`,
          );
        }
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migratie ${label} is mislukt: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(label);
      options.log?.(`migratie ${label} uitgevoerd`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return { applied };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

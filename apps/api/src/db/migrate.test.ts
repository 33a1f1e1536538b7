import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { MigrationError, migrate, readMigrations } from './migrate.ts';
import { createTestDatabase, onServer, type TestDatabase } from '../test/database.ts';

let database: TestDatabase;
let dir: string;

beforeEach(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'inbreng-migrations-'));
});
afterEach(async () => {
  await database.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function tables(): Promise<string[]> {
  const { rows } = await database.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  it('applies every migration of the project once, and records it', async () => {
    const all = await readMigrations();
    const first = await migrate(database.pool);
    expect(first.applied).toHaveLength(all.length);
    expect(await migrate(database.pool)).toEqual({ applied: [] });
    expect(await tables()).toEqual(
      expect.arrayContaining(['plan', 'goal', 'theme', 'milestone', 'schema_migration']),
    );
  });

  it('rolls back a failing migration whole and stops with its name', async () => {
    await fs.writeFile(path.join(dir, '0001_first.sql'), 'CREATE TABLE first_table (id int);');
    await fs.writeFile(
      path.join(dir, '0002_broken.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM table_that_does_not_exist;',
    );
    const attempt = migrate(database.pool, { dir });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/0002_broken/);
    expect(await tables()).toContain('first_table');
    expect(await tables()).not.toContain('half_done');
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const file = path.join(dir, '0001_first.sql');
    await fs.writeFile(file, 'CREATE TABLE first_table (id int);');
    await migrate(database.pool, { dir });
    await fs.writeFile(file, 'CREATE TABLE first_table (id bigint);');
    await expect(migrate(database.pool, { dir })).rejects.toThrow(/gewijzigd/);
  });

  it('refuses a migration file whose name has no number', async () => {
    await fs.writeFile(path.join(dir, 'add_things.sql'), 'SELECT 1;');
    await expect(migrate(database.pool, { dir })).rejects.toThrow(/0001_naam\.sql/);
  });

  it.runIf(onServer)('migrates once when two processes start at the same moment', async () => {
    const second = await openDatabase({ databaseUrl: database.url, dataDir: '' });
    try {
      const [a, b] = await Promise.all([migrate(database.pool), migrate(second.pool)]);
      const all = await readMigrations();
      expect(a.applied.length + b.applied.length).toBe(all.length);
      const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM schema_migration');
      expect(rows[0].n).toBe(all.length);
    } finally {
      await second.close();
    }
  });
});

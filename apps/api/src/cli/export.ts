// ./inbreng export --plan <id of slug> --format docx|pdf|csv|report-pdf|report-docx --out BESTAND
// Writes the board papers from the command line (for scheduled board papers): the same files as the
// web's download links, from the same database the server uses (embedded .data, or DATABASE_URL).
// Exit 0 when written, 1 when the export failed (unknown plan, database in use), 2 for a wrong command line.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExportFormat } from '@inbreng/shared';
import { ConfigError, configFromEnv } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { MigrationError, migrate } from '../db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { AppError } from '../errors.ts';
import { createExportsService } from '../modules/exports/exports.service.ts';

const USAGE =
  'Gebruik: ./inbreng export --plan <id of slug> --format docx|pdf|csv|report-pdf|report-docx --out BESTAND';

class UsageError extends Error {}

function say(stream: NodeJS.WriteStream, message: string) {
  stream.write(`inbreng: ${message}\n`);
}

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`Deze opdracht begrijp ik niet (${(error as Error).message}).`);
  }
  if (values.help) return null;
  if (!values.plan) throw new UsageError('Geef het plan op met --plan (id of slug).');
  const format = ExportFormat.safeParse(values.format ?? '');
  if (!format.success) {
    throw new UsageError(
      `Onbekend formaat “${values.format ?? ''}”. Kies uit: ${ExportFormat.options.join(', ')}.`,
    );
  }
  if (!values.out) throw new UsageError('Geef met --out op naar welk bestand de export moet.');
  return { plan: values.plan, format: format.data, out: values.out };
}

/** Relative paths count from where the person typed the command (the ./inbreng wrapper passes it on). */
function target(file: string): string {
  return path.resolve(process.env.INBRENG_CWD ?? process.cwd(), file);
}

/** Writes next to the target and renames, so a failed run never leaves half a file behind. */
async function writeAtomically(file: string, body: Buffer) {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, body);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

function describeFsError(error: unknown, file: string): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `De map voor ${file} bestaat niet.`;
  if (code === 'EACCES' || code === 'EPERM') return `Geen toestemming om ${file} te schrijven.`;
  if (code === 'EISDIR') return `${file} is een map, geen bestand.`;
  if (code === 'ENOSPC') return `De schijf is vol; ${file} is niet geschreven.`;
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(process.stderr, error.message);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = target(options.out);

  let database;
  try {
    const config = configFromEnv();
    database = await openDatabase(config);
    await migrate(database.pool, { log: (m) => say(process.stderr, m) });
    // The same start as the server's, so a fresh install exports the demo plan it would show.
    if (config.demo) await seedDemo(database.db);
    const exportsService = createExportsService({ db: database.db, now: () => new Date() });
    const result = await exportsService.export(null, options.plan, options.format, 'cli');
    await writeAtomically(file, result.body);
    say(
      process.stdout,
      `${result.filename.endsWith('.csv') ? 'bijlage' : 'export'} van “${result.plan.title}” (${options.format}, ${result.body.length} bytes) geschreven naar ${file}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      say(process.stderr, `Plan ${options.plan} bestaat niet. Geef het id of de slug van een bestaand plan.`);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof MigrationError) {
      say(process.stderr, error.message);
      return 1;
    }
    const fsMessage = describeFsError(error, file);
    if (fsMessage) {
      say(process.stderr, fsMessage);
      return 1;
    }
    say(process.stderr, `exporteren mislukt: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database?.close().catch(() => {});
  }
}

process.exitCode = await main(process.argv.slice(2));

// Removes the embedded database so the next start begins empty (and seeds the demo again).
import fs from 'node:fs';
import { configFromEnv } from '../config.ts';
import { dataDirHolder } from '../db/database.ts';

const config = configFromEnv();
if (config.databaseUrl) {
  process.stderr.write(
    'inbreng: db:reset wist alleen de ingebedde database. Met DATABASE_URL beheert u de server zelf ' +
      '(bijvoorbeeld met dropdb en createdb).\n',
  );
  process.exit(2);
}
const holder = dataDirHolder(config.dataDir);
if (holder !== undefined) {
  process.stderr.write(`inbreng: de database is in gebruik door proces ${holder}. Stop Inbreng eerst.\n`);
  process.exit(1);
}
fs.rmSync(config.dataDir, { recursive: true, force: true });
process.stdout.write(`inbreng: ingebedde database in ${config.dataDir} gewist\n`);

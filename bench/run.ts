// `./inbreng bench <name>` runs bench/<name>.bench.ts. Each benchmark prints JSON, its last line
// comparing the app with a baseline measured in the same run (these machines are noisy).
import fs from 'node:fs';

const available = fs
  .readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stderr.write(`Gebruik: ./inbreng bench <naam>\nBeschikbaar: ${available.join(', ')}\n`);
  process.exit(2);
}
await import(`./${name}.bench.ts`);

// `./inbreng cluster --input in.jsonl --output out.jsonl [--k N] [--seed S]`: clusters the texts of a
// JSONL file and writes one line per input line, in input order. Messages go to stderr, in Dutch;
// exit 1 for bad input, 2 for a wrong command line.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clusterTexts } from './cluster.ts';
import { describeFsError, InputError, openInput, readTextItems } from './jsonl.ts';
import type { InputItem } from './jsonl.ts';
import type { ClusterResult } from './types.ts';

const usage = `Gebruik: ./inbreng cluster --input in.jsonl --output uit.jsonl [--k N] [--seed S]

  --input, -i   JSONL met per regel {"id": …, "text": …} (andere velden worden genegeerd; - = stdin)
  --output, -o  JSONL met per regel {"id": …, "cluster": …, "label": …} in de volgorde van de invoer
                (- = stdout)
  --k           het aantal clusters (een positief geheel getal); zonder --k kiest het programma zelf
  --seed        startwaarde voor het toeval (een geheel getal ≥ 0, standaard 1): zelfde seed, zelfde uitkomst
  --help, -h    deze uitleg
`;

class UsageError extends Error {}

type Options = { input: string; output: string; k: number | undefined; seed: number };

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', short: 'i' },
        output: { type: 'string', short: 'o' },
        k: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException));
  }
  if (values.help) return 'help';
  if (!values.input) throw new UsageError('--input ontbreekt: geef het invoerbestand op.');
  if (!values.output)
    throw new UsageError('--output ontbreekt: geef het uitvoerbestand op (of - voor stdout).');
  let k: number | undefined;
  if (values.k !== undefined) {
    k = /^\d+$/.test(values.k.trim()) ? Number(values.k) : NaN;
    if (!Number.isSafeInteger(k) || k < 1) {
      throw new UsageError(`--k moet een positief geheel getal zijn, niet "${values.k}".`);
    }
  }
  let seed = 1;
  if (values.seed !== undefined) {
    seed = /^\d+$/.test(values.seed.trim()) ? Number(values.seed) : NaN;
    if (!Number.isSafeInteger(seed)) {
      throw new UsageError(`--seed moet een geheel getal ≥ 0 zijn, niet "${values.seed}".`);
    }
  }
  return { input: values.input, output: values.output, k, seed };
}

/** node:util's messages are English; the person at the terminal gets a Dutch one. */
function describeParseError(error: NodeJS.ErrnoException): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie ${option}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument ${option}: gebruik --input en --output.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "Ambiguous" means the value starts with a dash, which only the --name=value form accepts.
      return /argument missing/.test(error.message)
        ? `${option.split(' ')[0]} mist een waarde.`
        : `Ongeldige waarde bij ${option.split(' ')[0]}: schrijf een waarde die met - begint als ${option.split(' ')[0]}=….`;
    default:
      return error.message;
  }
}

/**
 * `./inbreng` changes to the repository root before running pnpm, so a relative path is taken from
 * where the person typed the command when the wrapper passes that on (INBRENG_CWD).
 */
function resolvePath(file: string): string {
  return file === '-' ? file : path.resolve(process.env.INBRENG_CWD ?? process.cwd(), file);
}

function progress(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Reports a stage when it starts and then every tenth of the way, so a long run shows it is alive. */
function progressReporter() {
  let lastStage = '';
  let lastStep = -1;
  return (fraction: number, stage: string) => {
    const step = Math.floor(Math.min(Math.max(fraction, 0), 1) * 10);
    if (stage === lastStage && step === lastStep) return;
    if (stage === lastStage && step < lastStep) return;
    lastStage = stage;
    lastStep = step;
    progress(`Clusteren: ${Math.round(fraction * 100)}% – ${stage}`);
  };
}

function outputLines(items: InputItem[], result: ClusterResult): string {
  const clusterOf = new Map(result.assignments.map((a) => [a.id, a.cluster]));
  const labels = new Map(result.clusters.map((c) => [c.index, c.label]));
  return items
    .map((item) => {
      const cluster = clusterOf.get(String(item.id));
      if (cluster === undefined)
        throw new Error(`geen cluster gevonden voor "id" ${JSON.stringify(item.id)}`);
      return `${JSON.stringify({ id: item.id, cluster, label: labels.get(cluster) ?? '' })}\n`;
    })
    .join('');
}

/** Writes next to the target and renames, so a failed run never leaves half a file behind. */
async function writeOutput(target: string, shownAs: string, content: string) {
  if (target === '-') {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(content, (error) => (error ? reject(error) : resolve())),
    );
    return;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, content, 'utf8');
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new InputError(
      `Kan uitvoerbestand ${shownAs} niet schrijven (${describeFsError(error as NodeJS.ErrnoException)})`,
    );
  }
}

async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const started = performance.now();
  let items: InputItem[];
  try {
    items = await readTextItems(await openInput(resolvePath(options.input), options.input));
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A read that fails half-way (a directory, a disk error) surfaces here rather than at open.
    const reason = describeFsError(error as NodeJS.ErrnoException);
    throw new InputError(`Kan invoerbestand ${options.input} niet lezen (${reason})`);
  }
  if (items.length === 0) throw new InputError(`Het invoerbestand ${options.input} bevat geen teksten.`);
  if (options.k !== undefined && options.k > items.length) {
    throw new InputError(`--k is ${options.k}, maar er zijn maar ${items.length} teksten.`);
  }
  progress(`${items.length} teksten gelezen uit ${options.input === '-' ? 'stdin' : options.input}.`);

  const result = clusterTexts(
    items.map((item) => ({ id: String(item.id), text: item.text })),
    { k: options.k, seed: options.seed, onProgress: progressReporter() },
  );
  await writeOutput(resolvePath(options.output), options.output, outputLines(items, result));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const sizes = new Map<number, number>();
  for (const a of result.assignments) sizes.set(a.cluster, (sizes.get(a.cluster) ?? 0) + 1);
  progress(
    `${result.k} ${result.k === 1 ? 'cluster' : 'clusters'} in ${seconds} s${options.output === '-' ? '' : `, geschreven naar ${options.output}`}:`,
  );
  for (const cluster of result.clusters) {
    progress(`  ${cluster.index}  ${cluster.label} (${sizes.get(cluster.index) ?? 0})`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nZie ./inbreng cluster --help.\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Fout: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

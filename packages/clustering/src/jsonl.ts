// Reads the CLI's JSONL input one line at a time, so 10,000 lines never sit in memory as one string,
// and turns every problem into a Dutch message that names the line.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';

/** An id as the input gave it: the output writes it back unchanged (a number stays a number). */
export type InputId = string | number;

export type InputItem = { id: InputId; text: string; line: number };

/** A problem in the input; `line` is 1-based, absent when the problem is not on one line. */
export class InputError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `Regel ${line}: ${message}`);
    this.name = 'InputError';
    this.line = line;
  }
}

/** Opens a file (or stdin for "-") and fails in Dutch, naming it as the person wrote it, when it cannot be read. */
export async function openInput(path: string, shownAs = path): Promise<Readable> {
  if (path === '-') return process.stdin;
  const stream = fs.createReadStream(path, { encoding: 'utf8' });
  // Wait for the open, so a missing or unreadable file is one clear message, not a stream error later.
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => {
      reject(new InputError(`Kan invoerbestand ${shownAs} niet lezen (${describeFsError(error)})`));
    });
  });
  return stream;
}

/** Every non-blank line parsed as JSON, with its line number. */
export async function* readJsonLines(input: Readable): AsyncGenerator<{ line: number; value: unknown }> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    // A byte-order mark on the first line is an editor's habit, not part of the JSON.
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`geen geldige JSON (${(error as Error).message})`, line);
    }
    yield { line, value };
  }
}

/** The items of a JSONL input: each line an object with an id and a non-empty text; ids unique. */
export async function readTextItems(input: Readable): Promise<InputItem[]> {
  const items: InputItem[] = [];
  // Keyed on the id as text: the clustering package works with string ids, so 7 and "7" would collide.
  const seen = new Map<string, number>();
  for await (const { line, value } of readJsonLines(input)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError('verwacht een JSON-object, zoals {"id": 1, "text": "…"}', line);
    }
    const record = value as Record<string, unknown>;
    const id = record.id;
    if (id === undefined || id === null || id === '') throw new InputError('"id" ontbreekt', line);
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      throw new InputError('"id" moet een tekst of een getal zijn', line);
    }
    const text = record.text;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new InputError('"text" ontbreekt of is leeg', line);
    }
    const key = String(id);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`"id" ${JSON.stringify(id)} komt al voor op regel ${first}`, line);
    }
    seen.set(key, line);
    items.push({ id, text, line });
  }
  return items;
}

export function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'bestand of map bestaat niet';
    case 'EACCES':
    case 'EPERM':
      return 'geen toegang';
    case 'EISDIR':
      return 'dit is een map';
    default:
      return error.code ?? error.message;
  }
}

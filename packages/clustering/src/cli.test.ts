// Runs the real CLI as a child process on temporary files, as a person at the terminal would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = path.join(import.meta.dirname, 'cli.ts');
const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'dev-set-a.jsonl');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbreng-cluster-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], stdin?: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? dir,
    env: { ...process.env, INBRENG_CWD: undefined, ...options.env },
    encoding: 'utf8',
    input: stdin,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, lines: string[]) {
  fs.writeFileSync(path.join(dir, name), lines.map((line) => `${line}\n`).join(''));
  return name;
}

function readOutput(name: string) {
  return fs
    .readFileSync(path.join(dir, name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string | number; cluster: number; label: string });
}

/** Real Dutch input from the development set, with ids turned into numbers and strings by turns. */
function fixtureLines(count: number) {
  return fs
    .readFileSync(fixture, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, count)
    .map((line, i) => {
      const { text, topic } = JSON.parse(line) as { text: string; topic: string };
      return JSON.stringify({ id: i % 2 === 0 ? i + 1 : `kaart-${i + 1}`, text, topic });
    });
}

describe('cluster CLI', () => {
  it('writes one line per text, in input order, with a cluster number and a label', () => {
    const lines = fixtureLines(40);
    // A blank line in the middle is skipped, not an error.
    const input = write('happy.jsonl', [...lines.slice(0, 20), '', ...lines.slice(20)]);
    const result = run(['--input', input, '--output', 'happy.out.jsonl', '--k', '4']);
    expect(result.stderr).not.toMatch(/^Regel|Fout/m);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const output = readOutput('happy.out.jsonl');
    expect(output.map((o) => o.id)).toEqual(lines.map((line) => JSON.parse(line).id));
    for (const o of output) {
      expect(Object.keys(o).sort()).toEqual(['cluster', 'id', 'label']);
      expect(Number.isInteger(o.cluster) && o.cluster >= 0 && o.cluster < 4).toBe(true);
      expect(typeof o.label).toBe('string');
      expect(o.label.trim()).not.toBe('');
    }
    // One label per cluster.
    const labels = new Map<number, Set<string>>();
    for (const o of output) labels.set(o.cluster, (labels.get(o.cluster) ?? new Set()).add(o.label));
    for (const set of labels.values()) expect(set.size).toBe(1);
  });

  it('keeps numeric ids numeric and string ids strings', () => {
    const input = write('ids.jsonl', [
      '{"id": 7, "text": "De wachttijd voor de ambulance op het platteland is te lang."}',
      '{"id": "7b", "text": "Meer ambulanceposten in de Krimpenerwaard graag."}',
    ]);
    expect(run(['--input', input, '--output', 'ids.out.jsonl']).status).toBe(0);
    expect(readOutput('ids.out.jsonl').map((o) => o.id)).toEqual([7, '7b']);
  });

  it('writes to stdout with --output - and reports progress on stderr', () => {
    const input = write('stdout.jsonl', fixtureLines(12));
    const result = run(['--input', input, '--output', '-', '--k', '2']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(12);
    expect(result.stderr).toContain('12 teksten gelezen');
  });

  it('reads stdin with --input -', () => {
    const result = run(['--input', '-', '--output', '-', '--k', '2'], fixtureLines(6).join('\n'));
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(6);
  });

  it('takes relative paths from where ./inbreng was called (INBRENG_CWD), not from the repository root', () => {
    const input = write('elsewhere.jsonl', fixtureLines(4));
    const result = run(['--input', input, '--output', 'elsewhere.out.jsonl', '--k', '2'], undefined, {
      cwd: os.tmpdir(),
      env: { INBRENG_CWD: dir },
    });
    expect(result.status).toBe(0);
    expect(readOutput('elsewhere.out.jsonl')).toHaveLength(4);
  });

  it('gives the same clusters for the same seed', () => {
    const input = write('seed.jsonl', fixtureLines(60));
    expect(run(['-i', input, '-o', 'seed-1.jsonl', '--seed', '7']).status).toBe(0);
    expect(run(['-i', input, '-o', 'seed-2.jsonl', '--seed', '7']).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'seed-2.jsonl'), 'utf8')).toBe(
      fs.readFileSync(path.join(dir, 'seed-1.jsonl'), 'utf8'),
    );
  });
});

describe('cluster CLI on bad input', () => {
  const good = (id: number) =>
    JSON.stringify({ id, text: `Tekst nummer ${id} over de jeugdgezondheidszorg.` });

  function expectInputError(lines: string[], message: string) {
    const input = write('bad.jsonl', lines);
    const result = run(['--input', input, '--output', 'bad.out.jsonl']);
    expect(result.stderr).toContain(message);
    expect(result.status).toBe(1);
    // A failed run leaves no output file behind, not even half of one.
    expect(fs.existsSync(path.join(dir, 'bad.out.jsonl'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }

  it('names the line with broken JSON', () => {
    expectInputError([good(1), good(2), '{"id": 3, "text": "half af'], 'Regel 3: geen geldige JSON');
  });

  it('counts blank lines in the line number', () => {
    expectInputError(
      [good(1), '', '{"id": 3, text: "zonder aanhalingstekens"}'],
      'Regel 3: geen geldige JSON',
    );
  });

  it('names the line without a text', () => {
    expectInputError(
      [good(1), good(2), good(3), good(4), '{"id": 5}'],
      'Regel 5: "text" ontbreekt of is leeg',
    );
  });

  it('names the line with an empty text', () => {
    expectInputError([good(1), '{"id": 2, "text": "   "}'], 'Regel 2: "text" ontbreekt of is leeg');
  });

  it('names the line without an id', () => {
    const lines = [1, 2, 3, 4, 5, 6].map(good);
    expectInputError([...lines, '{"text": "Geen id hier."}'], 'Regel 7: "id" ontbreekt');
  });

  it('names the line whose id came before, and where', () => {
    expectInputError([good(1), good(2), good(1)], 'Regel 3: "id" 1 komt al voor op regel 1');
  });

  it('refuses a line that is not an object', () => {
    expectInputError([good(1), '["id", "text"]'], 'Regel 2: verwacht een JSON-object');
  });

  it('refuses an id that is neither text nor number', () => {
    expectInputError(
      ['{"id": {"a": 1}, "text": "Tekst."}'],
      'Regel 1: "id" moet een tekst of een getal zijn',
    );
  });

  it('refuses input without any text', () => {
    expectInputError(['', '  '], 'bevat geen teksten');
  });

  it('refuses more clusters than texts', () => {
    const input = write('few.jsonl', [good(1), good(2)]);
    const result = run(['--input', input, '--output', 'few.out.jsonl', '--k', '3']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--k is 3, maar er zijn maar 2 teksten');
  });

  it('says so when the input file cannot be read', () => {
    const result = run(['--input', 'bestaat-niet.jsonl', '--output', 'x.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Kan invoerbestand bestaat-niet.jsonl niet lezen');
  });

  it('says so when the output file cannot be written', () => {
    const input = write('ok.jsonl', [good(1), good(2)]);
    const result = run(['--input', input, '--output', path.join('geen-map', 'uit.jsonl')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Kan uitvoerbestand');
  });
});

describe('cluster CLI command line', () => {
  it.each([
    [['--output', 'x.jsonl'], '--input ontbreekt'],
    [['--input', 'in.jsonl'], '--output ontbreekt'],
    [['--input', 'in.jsonl', '--output', 'x.jsonl', '--snel'], 'Onbekende optie --snel'],
    [['--input', 'in.jsonl', '--output', 'x.jsonl', 'extra'], 'Onverwacht argument extra'],
    [['--input', 'in.jsonl', '--output', 'x.jsonl', '--k', '0'], '--k moet een positief geheel getal zijn'],
    [
      ['--input', 'in.jsonl', '--output', 'x.jsonl', '--k', 'drie'],
      '--k moet een positief geheel getal zijn',
    ],
    [['--input', 'in.jsonl', '--output', 'x.jsonl', '--k', '2.5'], '--k moet een positief geheel getal zijn'],
    [['--input', 'in.jsonl', '--output', 'x.jsonl', '--k'], '--k mist een waarde'],
    [['--input', 'in.jsonl', '--output', 'x.jsonl', '--seed', 'abc'], '--seed moet een geheel getal'],
  ])('exits 2 on %j', (args, message) => {
    const result = run(args);
    expect(result.stderr).toContain(message);
    expect(result.status).toBe(2);
  });

  it('explains itself with --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Gebruik: ./inbreng cluster');
  });
});

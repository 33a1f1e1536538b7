// The labelled development set and what the clustering bench builds from it: seeded random numbers,
// and larger synthetic inputs for the scale runs.
import fs from 'node:fs';
import path from 'node:path';

export type LabelledItem = {
  id: string;
  text: string;
  topic: string;
  secondary: string | null;
  group?: string;
  organisation?: string;
};

const fixtures = path.join(import.meta.dirname, '..', 'packages', 'clustering', 'fixtures');

export function loadDevSet(name: 'a' | 'b'): LabelledItem[] {
  return loadLabelled(path.join(fixtures, `dev-set-${name}.jsonl`));
}

/** Any labelled JSONL file with at least id, text and topic per line (secondary optional). */
export function loadLabelled(file: string): LabelledItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const item = JSON.parse(line) as LabelledItem;
      return { ...item, id: String(item.id), secondary: item.secondary ?? null };
    });
}

/** mulberry32: small, fast and the same on every machine, so a seed means the same run everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9"'‘“(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * `size` new texts from the development set: each joins two or three sentences of one topic, picked
 * and ordered at random, so the texts read like real input but are not copies of it. Only sentences of
 * items whose single topic is the primary one are used, so the labels stay true.
 */
export function synthesize(
  items: readonly LabelledItem[],
  size: number,
  seed: number,
): Array<{ id: string; text: string; topic: string }> {
  const next = random(seed);
  const pools = [...groupBy(items, (item) => item.topic)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, members]) => ({
      topic,
      sentences: members.filter((m) => !m.secondary).flatMap((m) => sentences(m.text)),
    }));
  const width = String(size).length;
  return Array.from({ length: size }, (_, i) => {
    const pool = pools[i % pools.length] as (typeof pools)[number];
    const count = 2 + Math.floor(next() * 2);
    const picked = new Set<number>();
    while (picked.size < Math.min(count, pool.sentences.length)) {
      picked.add(Math.floor(next() * pool.sentences.length));
    }
    return {
      id: `s${String(i + 1).padStart(width, '0')}`,
      text: [...picked].map((p) => pool.sentences[p]).join(' '),
      topic: pool.topic,
    };
  });
}

// Near-duplicate groups: character 5-gram shingles of the normalised text, MinHash signatures and
// locality-sensitive hashing (bands), then an exact Jaccard check on the candidate pairs. Linear in the
// number of texts, so 10,000 texts cost no n² comparisons.
import { normaliseText } from './dutch/tokens.ts';
import { hashString } from './random.ts';

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;

function shingles(text: string): Uint32Array {
  const norm = normaliseText(text);
  const set = new Set<number>();
  if (norm.length < 5) {
    if (norm.length > 0) set.add(hashString(norm));
  } else for (let i = 0; i + 5 <= norm.length; i++) set.add(hashString(norm.slice(i, i + 5)));
  return Uint32Array.from([...set].sort((a, b) => a - b));
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/** Groups (indices, ascending) of texts whose shingle sets overlap at least `threshold` (Jaccard). */
export function nearDuplicateGroups(texts: string[], threshold = 0.6): number[][] {
  const n = texts.length;
  const sets = texts.map(shingles);
  // Multipliers/offsets for the 64 hash functions: fixed, so the result never depends on a seed.
  const mul = Uint32Array.from({ length: HASHES }, (_, h) => (hashString(`m${h}`) | 1) >>> 0);
  const add = Uint32Array.from({ length: HASHES }, (_, h) => hashString(`a${h}`));
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const buckets = new Map<string, number[]>();
  const signature = new Uint32Array(HASHES);
  for (let d = 0; d < n; d++) {
    const s = sets[d]!;
    if (s.length === 0) continue;
    signature.fill(0xffffffff);
    for (const x of s) {
      for (let h = 0; h < HASHES; h++) {
        const v = (Math.imul(x ^ add[h]!, mul[h]!) ^ (x >>> 13)) >>> 0;
        if (v < signature[h]!) signature[h] = v;
      }
    }
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.prototype.join.call(signature.subarray(b * ROWS, b * ROWS + ROWS), ',')}`;
      const list = buckets.get(key);
      if (list) list.push(d);
      else buckets.set(key, [d]);
    }
  }
  const checked = new Set<number>();
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    // Large buckets (the same boilerplate many times) are compared against their first member only.
    const pairs: Array<[number, number]> = list.length > 50 ? list.slice(1).map((x) => [list[0]!, x]) : [];
    if (list.length <= 50)
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) pairs.push([list[i]!, list[j]!]);
    for (const [x, y] of pairs) {
      const key = x * n + y;
      if (checked.has(key)) continue;
      checked.add(key);
      if (find(x) === find(y)) continue;
      if (jaccard(sets[x]!, sets[y]!) >= threshold)
        parent[Math.max(find(x), find(y))] = Math.min(find(x), find(y));
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1).sort((a, b) => a[0]! - b[0]!);
}

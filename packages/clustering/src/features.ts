// From texts to vectors: word stems (sublinear TF-IDF), character n-grams inside words (compound-aware:
// "jeugdgezondheidszorg" shares "jeugd", "zorg" with its parts), and lexicon concepts, directly and
// propagated through the words that co-occur with them in this corpus. Reduced with LSA and concatenated.
import { CONCEPTS, createConceptMatcher, type ConceptMatcher } from './dutch/lexicon.ts';
import { tokenize, type Token } from './dutch/tokens.ts';
import { normaliseRows, randomizedSvdRows, toCsr, type Csr, type SparseRow } from './linalg.ts';
import { createRandom, hashString } from './random.ts';

export type FeatureWeights = {
  lsa: number;
  concepts: number;
  propagated: number;
  chars: number;
  rank: number;
};

export const DEFAULT_WEIGHTS: FeatureWeights = {
  lsa: 1,
  concepts: 1.5,
  propagated: 0.6,
  chars: 0.6,
  rank: 60,
};

export type Corpus = {
  tokens: Token[][];
  /** stem → column; and per column the stem and its surface forms with counts. */
  vocabulary: Map<string, number>;
  stems: string[];
  surfaces: Array<Map<string, number>>;
  /** Word stems, sublinear TF-IDF, L2-normalised rows. */
  words: Csr;
  idf: Float64Array;
  /** Lexicon concepts per text, TF-IDF, L2-normalised (n × concepts, dense). */
  concepts: Float32Array;
  conceptCount: number;
};

let sharedMatcher: ConceptMatcher | null = null;
function matcher(): ConceptMatcher {
  sharedMatcher ??= createConceptMatcher(CONCEPTS);
  return sharedMatcher;
}

/** Content tokens: not a stop word, three letters or more. */
export function isContent(token: Token): boolean {
  return !token.stop && token.folded.length >= 3;
}

export function conceptCounts(tokens: Token[], m: ConceptMatcher = matcher()): Map<number, number> {
  const counts = new Map<number, number>();
  const bump = (list: readonly number[]): void => {
    for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isContent(t) || t.surface.toUpperCase() === t.surface) bump(m.word(t.folded));
    if (m.phrases.size > 0 && i + 1 < tokens.length) {
      const two = t.folded + tokens[i + 1]!.folded;
      const p2 = m.phrases.get(two);
      if (p2) bump(p2);
      if (i + 2 < tokens.length) {
        const p3 = m.phrases.get(two + tokens[i + 2]!.folded);
        if (p3) bump(p3);
      }
    }
  }
  return counts;
}

export function buildCorpus(texts: string[]): Corpus {
  const n = texts.length;
  const tokens = texts.map((t) => tokenize(t));
  const vocabulary = new Map<string, number>();
  const stems: string[] = [];
  const surfaces: Array<Map<string, number>> = [];
  const df: number[] = [];
  const rows: SparseRow[] = tokens.map((list) => {
    const row: SparseRow = new Map();
    for (const t of list) {
      if (!isContent(t)) continue;
      let col = vocabulary.get(t.stem);
      if (col === undefined) {
        col = stems.length;
        vocabulary.set(t.stem, col);
        stems.push(t.stem);
        surfaces.push(new Map());
        df.push(0);
      }
      const s = surfaces[col]!;
      s.set(t.surface, (s.get(t.surface) ?? 0) + 1);
      row.set(col, (row.get(col) ?? 0) + 1);
    }
    for (const col of row.keys()) df[col]!++;
    return row;
  });
  const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  for (const row of rows) weightRow(row, idf);
  const words = toCsr(rows, stems.length);

  const m = matcher();
  const conceptCount = m.count;
  const concepts = new Float32Array(n * conceptCount);
  const cdf = new Float64Array(conceptCount);
  const counts = tokens.map((list) => conceptCounts(list, m));
  for (const cs of counts) for (const c of cs.keys()) cdf[c]!++;
  counts.forEach((cs, i) => {
    for (const [c, count] of cs)
      concepts[i * conceptCount + c] = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + cdf[c]!)) + 1);
  });
  normaliseRows(concepts, conceptCount);
  return { tokens, vocabulary, stems, surfaces, words, idf, concepts, conceptCount };
}

/** Sublinear TF times IDF, then unit length. */
export function weightRow(row: SparseRow, idf: ArrayLike<number>): void {
  let norm = 0;
  for (const [col, tf] of row) {
    const w = (1 + Math.log(tf)) * (idf[col] ?? 1);
    row.set(col, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [col, w] of row) row.set(col, w / norm);
}

/** Character 3–5-grams inside content words, hashed; columns compacted to those that occur. */
export function charNgramRows(tokens: Token[][]): { rows: SparseRow[]; cols: number } {
  const compact = new Map<number, number>();
  const df: number[] = [];
  const rows = tokens.map((list) => {
    const row: SparseRow = new Map();
    for (const t of list) {
      if (!isContent(t)) continue;
      const w = `<${t.folded}>`;
      for (let size = 4; size <= 5; size++) {
        for (let i = 0; i + size <= w.length; i++) {
          const h = hashString(w.slice(i, i + size));
          let col = compact.get(h);
          if (col === undefined) {
            col = df.length;
            compact.set(h, col);
            df.push(0);
          }
          row.set(col, (row.get(col) ?? 0) + 1);
        }
      }
    }
    for (const col of row.keys()) df[col]!++;
    return row;
  });
  const n = tokens.length;
  const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  for (const row of rows) weightRow(row, idf);
  return { rows, cols: df.length };
}

/**
 * Concepts carried over to words: each word gets the average concept profile of the texts it occurs in,
 * and each text the weighted average over its words. Texts without a lexicon word still get a profile.
 */
export function propagateConcepts(corpus: Corpus): Float32Array {
  const { words, concepts, conceptCount: m } = corpus;
  const n = words.rows;
  const wordConcepts = new Float64Array(words.cols * m);
  for (let r = 0; r < n; r++) {
    for (let p = words.ptr[r]!; p < words.ptr[r + 1]!; p++) {
      const v = words.val[p]!;
      const o = words.idx[p]! * m;
      for (let c = 0; c < m; c++) wordConcepts[o + c]! += v * concepts[r * m + c]!;
    }
  }
  for (let w = 0; w < words.cols; w++) {
    let s = 0;
    for (let c = 0; c < m; c++) s += wordConcepts[w * m + c]! ** 2;
    if (s > 0) for (let c = 0; c < m; c++) wordConcepts[w * m + c]! /= Math.sqrt(s);
  }
  const out = new Float32Array(n * m);
  for (let r = 0; r < n; r++) {
    for (let p = words.ptr[r]!; p < words.ptr[r + 1]!; p++) {
      const v = words.val[p]!;
      const o = words.idx[p]! * m;
      for (let c = 0; c < m; c++) out[r * m + c]! += v * wordConcepts[o + c]!;
    }
  }
  normaliseRows(out, m);
  return out;
}

/** The dense representation clustered on: [LSA(words ⊕ chars), concepts, propagated concepts], unit rows. */
export function embed(
  corpus: Corpus,
  seed: number,
  weights: FeatureWeights = DEFAULT_WEIGHTS,
): { data: Float32Array; dim: number } {
  const n = corpus.words.rows;
  const random = createRandom(seed * 7919 + 17);
  const blocks: Array<{ data: Float32Array; dim: number; weight: number }> = [];
  // LSA needs at least a few texts and one content word; without them the other blocks carry the meaning.
  if (weights.lsa > 0 && n > 2 && corpus.words.cols > 1) {
    // Words and character n-grams side by side in one sparse matrix, then LSA.
    const rows: SparseRow[] = [];
    let cols = corpus.words.cols;
    const chars = weights.chars > 0 ? charNgramRows(corpus.tokens) : null;
    for (let r = 0; r < n; r++) {
      const row: SparseRow = new Map();
      for (let p = corpus.words.ptr[r]!; p < corpus.words.ptr[r + 1]!; p++)
        row.set(corpus.words.idx[p]!, corpus.words.val[p]!);
      if (chars) for (const [col, v] of chars.rows[r]!) row.set(cols + col, v * weights.chars);
      rows.push(row);
    }
    if (chars) cols += chars.cols;
    // Large inputs: a smaller rank and one power iteration keep 10,000 texts within seconds.
    const rank = n > 2000 ? Math.min(weights.rank, 40) : weights.rank;
    const lsa = randomizedSvdRows(toCsr(rows, cols), rank, random, n > 2000 ? 1 : 2);
    normaliseRows(lsa.rows, lsa.rank);
    blocks.push({ data: lsa.rows, dim: lsa.rank, weight: weights.lsa });
  }
  if (weights.concepts > 0)
    blocks.push({ data: corpus.concepts, dim: corpus.conceptCount, weight: weights.concepts });
  if (weights.propagated > 0)
    blocks.push({ data: propagateConcepts(corpus), dim: corpus.conceptCount, weight: weights.propagated });
  const dim = blocks.reduce((s, b) => s + b.dim, 0);
  const data = new Float32Array(n * dim);
  for (let r = 0; r < n; r++) {
    let o = r * dim;
    for (const b of blocks) {
      for (let c = 0; c < b.dim; c++) data[o + c] = b.data[r * b.dim + c]! * b.weight;
      o += b.dim;
    }
  }
  normaliseRows(data, dim);
  return { data, dim };
}

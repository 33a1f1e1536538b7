// suggestPlacements: learn from the team. The cards people placed by hand define each cluster; every
// unsorted card is represented the same way as in clusterTexts (words, character n-grams, LSA, lexicon
// concepts) and goes to the nearest cluster centroid. A few rounds of self-training let confident
// suggestions sharpen the centroids (placed cards always weigh more). Confidence is a softmax over the
// cosines, so a clear winner reads close to 1 and a toss-up close to 1/number of clusters.
import { buildCorpus, embed, isContent, DEFAULT_WEIGHTS, type FeatureWeights } from './features.ts';
import { isTellingTerm, surfaceOf } from './names.ts';
import type { Placement, Suggestion, SuggestOptions, TextItem } from './types.ts';

const TEMPERATURE = 0.15;
const SELF_TRAINING_ROUNDS = 10;
const UNSORTED_WEIGHT = 1;

export type SuggestParams = {
  weights: FeatureWeights;
  rounds: number;
  unsortedWeight: number;
  temperature: number;
};

export const DEFAULT_SUGGEST: SuggestParams = {
  // Less weight on LSA than for clustering: with labelled cards the lexicon concepts separate better.
  weights: { ...DEFAULT_WEIGHTS, lsa: 0.6 },
  rounds: SELF_TRAINING_ROUNDS,
  unsortedWeight: UNSORTED_WEIGHT,
  temperature: TEMPERATURE,
};

export function suggestPlacements(
  placed: Placement[],
  unsorted: TextItem[],
  options: SuggestOptions = {},
): Suggestion[] {
  return suggestWith(placed, unsorted, options, DEFAULT_SUGGEST);
}

/** The same with its parameters open, for measurement; not part of the public API. */
export function suggestWith(
  placed: Placement[],
  unsorted: TextItem[],
  options: SuggestOptions,
  params: SuggestParams,
): Suggestion[] {
  const progress = options.onProgress ?? (() => {});
  const minConfidence = options.minConfidence ?? 0;
  progress(0, 'Teksten voorbereiden');
  const clusterIds = [...new Set(placed.map((p) => p.cluster))];
  if (clusterIds.length === 0 || unsorted.length === 0) {
    progress(1, 'Klaar');
    return [];
  }
  const texts = [...placed.map((p) => p.text ?? ''), ...unsorted.map((u) => u.text ?? '')];
  const corpus = buildCorpus(texts);
  progress(0.3, 'Kenmerken berekenen');
  const embedded = embed(corpus, 1, params.weights);
  const dim = embedded.dim;
  const data = embedded.data;
  const k = clusterIds.length;
  const p = placed.length;
  const u = unsorted.length;
  const clusterOf = new Int32Array(p);
  placed.forEach((item, i) => (clusterOf[i] = clusterIds.indexOf(item.cluster)));
  progress(0.6, 'Voorstellen berekenen');

  const centroids = new Float64Array(k * dim);
  const sims = new Float64Array(u * k);
  let assigned = new Int32Array(u).fill(-1);
  for (let round = 0; round <= params.rounds; round++) {
    centroids.fill(0);
    for (let i = 0; i < p; i++) addRow(centroids, clusterOf[i]!, data, i, dim, 1);
    if (round > 0)
      for (let j = 0; j < u; j++)
        if (assigned[j]! >= 0) addRow(centroids, assigned[j]!, data, p + j, dim, params.unsortedWeight);
    for (let c = 0; c < k; c++) normalise(centroids, c, dim);
    const next = new Int32Array(u);
    for (let j = 0; j < u; j++) {
      let best = 0;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < dim; d++) s += data[(p + j) * dim + d]! * centroids[c * dim + d]!;
        sims[j * k + c] = s;
        if (s > sims[j * k + best]!) best = c;
      }
      next[j] = best;
    }
    assigned = next;
  }
  progress(0.85, 'Uitleg verzamelen');

  // Stems per cluster from the placed cards, to name the terms an unsorted card shares with it.
  const clusterStems = Array.from({ length: k }, () => new Map<number, number>());
  for (let i = 0; i < p; i++) {
    for (const t of corpus.tokens[i]!) {
      if (!isContent(t)) continue;
      const col = corpus.vocabulary.get(t.stem)!;
      const m = clusterStems[clusterOf[i]!]!;
      m.set(col, (m.get(col) ?? 0) + 1);
    }
  }
  const out: Suggestion[] = [];
  for (let j = 0; j < u; j++) {
    const best = assigned[j]!;
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, sims[j * k + c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp((sims[j * k + c]! - max) / params.temperature);
    const confidence =
      Math.round((Math.exp((sims[j * k + best]! - max) / params.temperature) / sum) * 1000) / 1000;
    if (confidence < minConfidence) continue;
    const shared: Array<[number, number]> = [];
    const seen = new Set<number>();
    for (const t of corpus.tokens[p + j]!) {
      if (!isContent(t)) continue;
      const col = corpus.vocabulary.get(t.stem)!;
      if (seen.has(col)) continue;
      seen.add(col);
      const inCluster = clusterStems[best]!.get(col);
      if (inCluster && isTellingTerm(corpus, col)) shared.push([col, inCluster * corpus.idf[col]!]);
    }
    shared.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    out.push({
      id: unsorted[j]!.id,
      cluster: clusterIds[best]!,
      confidence,
      terms: shared.slice(0, 5).map(([col]) => surfaceOf(corpus, col)),
    });
  }
  progress(1, 'Klaar');
  return out;
}

function addRow(
  target: Float64Array,
  c: number,
  data: Float32Array,
  row: number,
  dim: number,
  weight: number,
): void {
  for (let d = 0; d < dim; d++) target[c * dim + d]! += weight * data[row * dim + d]!;
}

function normalise(target: Float64Array, c: number, dim: number): void {
  let s = 0;
  for (let d = 0; d < dim; d++) s += target[c * dim + d]! ** 2;
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let d = 0; d < dim; d++) target[c * dim + d]! *= inv;
}

// clusterTexts: Dutch short texts → clusters with a name, quotes, member scores, near-duplicates and an
// explanation. Pipeline: tokens (stop words out, Snowball stems) → word TF-IDF ⊕ character n-grams → LSA
// (randomized SVD), next to lexicon concepts and their propagation → spherical k-means (k-means++,
// restarts), k chosen by silhouette on a sample → c-TF-IDF names. Deterministic for a seed.
import { nearDuplicateGroups } from './duplicates.ts';
import { buildCorpus, embed, DEFAULT_WEIGHTS, type FeatureWeights } from './features.ts';
import { cosineToCentroid, sphericalKMeans, type KMeansResult } from './kmeans.ts';
import { classTerms, makeLabel } from './names.ts';
import { createRandom, type Random } from './random.ts';
import type { Cluster, ClusterOptions, ClusterResult, TextItem } from './types.ts';

/** Above this many texts, k is chosen on a sample and fewer restarts are run. */
const SAMPLE_FOR_K = 800;

export function clusterTexts(items: TextItem[], options: ClusterOptions = {}): ClusterResult {
  return clusterWith(items, options, DEFAULT_WEIGHTS);
}

/** The same, with feature weights open for measurement (the bench of ideas); not part of the public API. */
export function clusterWith(
  items: TextItem[],
  options: ClusterOptions,
  weights: FeatureWeights,
): ClusterResult {
  const progress = options.onProgress ?? (() => {});
  const seed = options.seed ?? 1;
  const n = items.length;
  progress(0, 'Teksten voorbereiden');
  if (n === 0) {
    progress(1, 'Klaar');
    return {
      k: 0,
      clusters: [],
      assignments: [],
      duplicates: [],
      explanation: { method: METHOD, kCandidates: [] },
    };
  }
  const seeds = (options.seeds ?? []).filter((s) => `${s.name} ${s.text}`.trim().length > 0);
  // Seed themes join the corpus (their words shape IDF and concepts) and start centroids; they are not output.
  const texts = [...items.map((i) => i.text ?? ''), ...seeds.map((s) => `${s.name}. ${s.name}. ${s.text}`)];
  const corpus = buildCorpus(texts);
  progress(0.15, 'Kenmerken berekenen');
  const { data: all, dim } = embed(corpus, seed, weights);
  const data = all.subarray(0, n * dim);
  const random = createRandom(seed);
  progress(0.35, 'Aantal clusters kiezen');

  let k: number;
  let kCandidates: Array<{ k: number; score: number }> = [];
  if (options.k !== undefined) k = Math.max(1, Math.min(Math.floor(options.k), n));
  else if (seeds.length > 0) k = Math.min(seeds.length, n);
  else {
    const chosen = chooseK(data, dim, n, random, (f) => progress(0.35 + 0.3 * f, 'Aantal clusters kiezen'));
    k = chosen.k;
    kCandidates = chosen.candidates;
  }
  progress(0.65, 'Clusteren');
  let initial: Float32Array | undefined;
  if (seeds.length > 0 && k === seeds.length) initial = all.slice(n * dim, (n + seeds.length) * dim);
  const result = sphericalKMeans(data, dim, k, random, {
    restarts: n > 3000 ? 2 : n > 1000 ? 4 : 8,
    maxIter: n > 3000 ? 25 : 40,
    initial,
  });
  const ordered = orderClusters(result, n);
  progress(0.8, 'Namen en citaten kiezen');

  const itemCorpusLabels = new Int32Array(texts.length);
  itemCorpusLabels.set(ordered.labels);
  // Seed texts count towards no cluster's name: give them a separate class k.
  for (let i = n; i < texts.length; i++) itemCorpusLabels[i] = k;
  const terms = classTerms(corpus, itemCorpusLabels, k + (texts.length > n ? 1 : 0));
  progress(0.9, 'Dubbelingen zoeken');
  const duplicatesIdx = nearDuplicateGroups(items.map((i) => i.text ?? ''));

  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++)
    scores[i] = clamp01(cosineToCentroid(data, dim, i, ordered.centroids, ordered.labels[i]!));
  const duplicateOf = new Map<number, number>();
  for (const g of duplicatesIdx) for (const i of g.slice(1)) duplicateOf.set(i, g[0]!);

  const taken = new Set<string>();
  const clusters: Cluster[] = [];
  for (let c = 0; c < k; c++) {
    const memberIdx: number[] = [];
    for (let i = 0; i < n; i++) if (ordered.labels[i] === c) memberIdx.push(i);
    memberIdx.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const clusterTerms = terms[c] ?? [];
    const label = makeLabel(clusterTerms, taken);
    taken.add(label.toLowerCase());
    // Quotes: the best-fitting members, one per group of near-duplicates, readable length first.
    const quotes: TextItem[] = [];
    const usedGroups = new Set<number>();
    const readable = memberIdx.filter((i) => (items[i]!.text ?? '').length <= 400);
    for (const i of [...readable, ...memberIdx.filter((i) => !readable.includes(i))]) {
      const group = duplicateOf.get(i) ?? i;
      if (usedGroups.has(group)) continue;
      usedGroups.add(group);
      quotes.push({ id: items[i]!.id, text: items[i]!.text });
      if (quotes.length === 3) break;
    }
    clusters.push({
      index: c,
      label,
      terms: clusterTerms.map((t) => ({ term: t.term, weight: t.weight })),
      quotes,
      members: memberIdx.map((i) => ({ id: items[i]!.id, score: round(scores[i]!) })),
    });
  }
  progress(1, 'Klaar');
  return {
    k,
    clusters,
    assignments: items.map((item, i) => ({
      id: item.id,
      cluster: ordered.labels[i]!,
      score: round(scores[i]!),
    })),
    duplicates: duplicatesIdx.map((g) => g.map((i) => items[i]!.id)),
    explanation: { method: METHOD, kCandidates },
  };
}

const METHOD =
  'Woorden (Snowball-stammen, TF-IDF) en lettergroepen binnen woorden, LSA via gerandomiseerde SVD, ' +
  'naast begrippen uit een Nederlands domeinlexicon (publieke gezondheid, veiligheid, zorg); ' +
  'sferische k-means met k-means++; namen via c-TF-IDF.';

/** Largest cluster first, ties by first member: a stable order for the same input and seed. */
function orderClusters(result: KMeansResult, n: number): { labels: Int32Array; centroids: Float32Array } {
  const k = result.k;
  const dim = result.centroids.length / k;
  const size = new Int32Array(k);
  const first = new Int32Array(k).fill(n);
  for (let i = 0; i < n; i++) {
    const c = result.labels[i]!;
    size[c]!++;
    if (first[c] === n) first[c] = i;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => size[b]! - size[a]! || first[a]! - first[b]!,
  );
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  const labels = result.labels.map((c) => rank[c]!);
  const centroids = new Float32Array(result.centroids.length);
  order.forEach((c, r) => centroids.set(result.centroids.subarray(c * dim, c * dim + dim), r * dim));
  return { labels, centroids };
}

/**
 * k by the mean silhouette (cosine distance) over a range, on a sample when the input is large. A small
 * penalty per extra cluster keeps the choice from drifting to many tiny clusters on flat curves.
 */
export function chooseK(
  data: Float32Array,
  dim: number,
  n: number,
  random: Random,
  onStep: (fraction: number) => void = () => {},
): { k: number; candidates: Array<{ k: number; score: number }> } {
  if (n <= 3) return { k: 1, candidates: [] };
  const kMin = n >= 60 ? 4 : 2;
  const kMax = Math.max(kMin, Math.min(30, Math.floor(n / 6)));
  // Sample (deterministic): partial Fisher–Yates over indices.
  const m = Math.min(n, SAMPLE_FOR_K);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + random.int(n - i);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const sample = idx.slice(0, m).sort();
  const sub = new Float32Array(m * dim);
  sample.forEach((s, r) => sub.set(data.subarray(s * dim, s * dim + dim), r * dim));
  const sim = new Float32Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += sub[i * dim + d]! * sub[j * dim + d]!;
      sim[i * m + j] = s;
      sim[j * m + i] = s;
    }
  }
  const candidates: Array<{ k: number; score: number }> = [];
  let best = { k: kMin, score: -Infinity };
  // Every k up to 16, then every second, then every third: the curve is flat there and time counts.
  const ks: number[] = [];
  for (let k = kMin; k <= kMax; k += k < 16 ? 1 : k < 24 ? 2 : 3) ks.push(k);
  for (const [step, k] of ks.entries()) {
    const res = sphericalKMeans(sub, dim, k, random, { restarts: m > 400 ? 2 : 4, maxIter: 25 });
    const sil = silhouette(sim, res.labels, m, k);
    const score = sil - TUNING.penalty * (k - kMin);
    candidates.push({ k, score: round(score) });
    if (score > best.score) best = { k, score };
    onStep((step + 1) / ks.length);
  }
  return { k: best.k, candidates };
}

/** Silhouette penalty per cluster above the smallest k; open for measurement (bench of ideas). */
export const TUNING = { penalty: 0.002 };

function silhouette(sim: Float32Array, labels: Int32Array, m: number, k: number): number {
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < m; i++) counts[labels[i]!]!++;
  let total = 0;
  for (let i = 0; i < m; i++) {
    sums.fill(0);
    for (let j = 0; j < m; j++) if (j !== i) sums[labels[j]!]! += 1 - sim[i * m + j]!;
    const own = labels[i]!;
    if (counts[own]! <= 1) continue;
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / m;
}

function clamp01(x: number): number {
  if (!Number.isFinite(x) || x < 0) return 0;
  return x > 1 ? 1 : x;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

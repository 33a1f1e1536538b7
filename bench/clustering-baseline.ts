// The plain baseline the clustering is measured against: lowercase word tokens (no stemming, no stop
// words), TF-IDF as scikit-learn computes it by default, L2-normalised, and spherical k-means seeded
// with k-means++. Written here, apart from the package, so it stays the same while the package improves.
import { random } from './clustering-data.ts';

type SparseVector = { indices: Int32Array; values: Float64Array };

function tokens(text: string): string[] {
  // Two or more letters or digits: scikit-learn's default token pattern, Unicode-aware.
  return text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
}

/** TF-IDF vectors with smooth idf = ln((1 + n) / (1 + df)) + 1, each scaled to length 1. */
export function tfidfVectors(texts: readonly string[]): { vectors: SparseVector[]; dimensions: number } {
  const vocabulary = new Map<string, number>();
  const counts = texts.map((text) => {
    const tf = new Map<number, number>();
    for (const token of tokens(text)) {
      let index = vocabulary.get(token);
      if (index === undefined) {
        index = vocabulary.size;
        vocabulary.set(token, index);
      }
      tf.set(index, (tf.get(index) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Float64Array(vocabulary.size);
  for (const tf of counts) for (const index of tf.keys()) df[index]! += 1;
  const n = texts.length;
  const vectors = counts.map((tf) => {
    const indices = Int32Array.from(tf.keys());
    const values = Float64Array.from(
      indices,
      (index) => (tf.get(index) as number) * (Math.log((1 + n) / (1 + df[index]!)) + 1),
    );
    const norm = Math.hypot(...values) || 1;
    for (let i = 0; i < values.length; i++) values[i]! /= norm;
    return { indices, values };
  });
  return { vectors, dimensions: vocabulary.size };
}

function dot(vector: SparseVector, centroid: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.indices.length; i++) sum += vector.values[i]! * centroid[vector.indices[i]!]!;
  return sum;
}

function normalise(centroid: Float64Array) {
  let norm = 0;
  for (let i = 0; i < centroid.length; i++) norm += centroid[i]! * centroid[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < centroid.length; i++) centroid[i]! /= norm;
}

function densify(vector: SparseVector, dimensions: number): Float64Array {
  const dense = new Float64Array(dimensions);
  vector.indices.forEach((index, i) => (dense[index] = vector.values[i]!));
  return dense;
}

/** k-means++ on cosine distance: each next centre drawn with probability ∝ squared distance. */
function kMeansPlusPlus(vectors: SparseVector[], dimensions: number, k: number, next: () => number) {
  const centroids = [densify(vectors[Math.floor(next() * vectors.length)]!, dimensions)];
  const distance = vectors.map((v) => Math.max(0, 1 - dot(v, centroids[0]!)) ** 2);
  while (centroids.length < k) {
    const total = distance.reduce((a, b) => a + b, 0);
    let target = next() * total;
    let chosen = 0;
    while (chosen < vectors.length - 1 && target >= distance[chosen]!) target -= distance[chosen++]!;
    const centroid = densify(vectors[chosen]!, dimensions);
    centroids.push(centroid);
    vectors.forEach((v, i) => (distance[i] = Math.min(distance[i]!, Math.max(0, 1 - dot(v, centroid)) ** 2)));
  }
  return centroids;
}

function spherical(vectors: SparseVector[], dimensions: number, k: number, next: () => number) {
  const centroids = kMeansPlusPlus(vectors, dimensions, k, next);
  const labels = new Int32Array(vectors.length).fill(-1);
  const similarity = new Float64Array(vectors.length);
  for (let iteration = 0; iteration < 100; iteration++) {
    let changed = 0;
    vectors.forEach((v, i) => {
      let best = 0;
      let bestSimilarity = -Infinity;
      centroids.forEach((c, j) => {
        const s = dot(v, c);
        if (s > bestSimilarity) [best, bestSimilarity] = [j, s];
      });
      if (labels[i] !== best) changed++;
      labels[i] = best;
      similarity[i] = bestSimilarity;
    });
    if (changed === 0) break;
    for (const c of centroids) c.fill(0);
    const sizes = new Int32Array(k);
    vectors.forEach((v, i) => {
      const c = centroids[labels[i]!]!;
      sizes[labels[i]!]!++;
      v.indices.forEach((index, j) => (c[index]! += v.values[j]!));
    });
    centroids.forEach((c, j) => {
      // An empty cluster takes the text that fits its own cluster worst, so k stays k.
      if (sizes[j] === 0) {
        let worst = 0;
        similarity.forEach((s, i) => (s < similarity[worst]! ? (worst = i) : undefined));
        c.set(densify(vectors[worst]!, dimensions));
        similarity[worst] = Infinity;
      }
      normalise(c);
    });
  }
  const objective = similarity.reduce((a, b) => a + (Number.isFinite(b) ? b : 1), 0);
  return { labels: [...labels], objective };
}

/** Cluster labels 0 … k-1 per text; the best of `restarts` seeded runs by total similarity. */
export function tfidfKMeans(texts: readonly string[], k: number, seed = 1, restarts = 3): number[] {
  const { vectors, dimensions } = tfidfVectors(texts);
  const next = random(seed);
  let best: { labels: number[]; objective: number } | undefined;
  for (let r = 0; r < restarts; r++) {
    const run = spherical(vectors, dimensions, Math.min(k, vectors.length), next);
    if (!best || run.objective > best.objective) best = run;
  }
  return best?.labels ?? [];
}

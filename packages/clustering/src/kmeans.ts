// Spherical k-means (cosine) with k-means++ seeding and restarts, on dense unit rows. Short texts sit on
// the unit sphere after L2 normalisation, where the cosine is the natural similarity.
import type { Random } from './random.ts';

export type KMeansResult = { labels: Int32Array; centroids: Float32Array; k: number; objective: number };

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s = 0;
  for (let c = 0; c < dim; c++) s += a[ao + c]! * b[bo + c]!;
  return s;
}

function seedPlusPlus(data: Float32Array, n: number, dim: number, k: number, random: Random): Float32Array {
  const centroids = new Float32Array(k * dim);
  const first = random.int(n);
  centroids.set(data.subarray(first * dim, first * dim + dim), 0);
  const dist = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(data, i * dim, centroids, (c - 1) * dim, dim));
      if (d < dist[i]!) dist[i] = d;
      total += dist[i]!;
    }
    let pick = n - 1;
    if (total > 0) {
      let target = random.next() * total;
      for (let i = 0; i < n; i++) {
        target -= dist[i]!;
        if (target <= 0) {
          pick = i;
          break;
        }
      }
    } else pick = random.int(n);
    centroids.set(data.subarray(pick * dim, pick * dim + dim), c * dim);
  }
  return centroids;
}

function run(
  data: Float32Array,
  n: number,
  dim: number,
  k: number,
  centroids: Float32Array,
  maxIter: number,
): KMeansResult {
  const labels = new Int32Array(n).fill(-1);
  let objective = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    let changed = 0;
    objective = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(data, i * dim, centroids, c * dim, dim);
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      objective += bestSim;
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    const sums = new Float64Array(k * dim);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let d = 0; d < dim; d++) sums[c * dim + d]! += data[i * dim + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += sums[c * dim + d]! ** 2;
      if (counts[c] === 0 || norm === 0) {
        // An empty cluster takes the point that fits its own cluster worst.
        let worst = 0;
        let worstSim = Infinity;
        for (let i = 0; i < n; i++) {
          const s = dot(data, i * dim, centroids, labels[i]! * dim, dim);
          if (s < worstSim && counts[labels[i]!]! > 1) {
            worstSim = s;
            worst = i;
          }
        }
        counts[labels[worst]!]!--;
        labels[worst] = c;
        counts[c] = 1;
        centroids.set(data.subarray(worst * dim, worst * dim + dim), c * dim);
        changed++;
        continue;
      }
      norm = Math.sqrt(norm);
      for (let d = 0; d < dim; d++) centroids[c * dim + d] = sums[c * dim + d]! / norm;
    }
    if (changed === 0) break;
  }
  return { labels, centroids, k, objective };
}

/** Best of `restarts` runs by total cosine to the centroids. */
export function sphericalKMeans(
  data: Float32Array,
  dim: number,
  k: number,
  random: Random,
  options: { restarts?: number; maxIter?: number; initial?: Float32Array } = {},
): KMeansResult {
  const n = data.length / dim;
  const kk = Math.max(1, Math.min(k, n));
  let best: KMeansResult | null = null;
  const restarts = options.initial ? 1 : (options.restarts ?? 5);
  for (let r = 0; r < restarts; r++) {
    const init = options.initial
      ? Float32Array.from(options.initial)
      : seedPlusPlus(data, n, dim, kk, random);
    const result = run(data, n, dim, kk, init, options.maxIter ?? 40);
    if (!best || result.objective > best.objective) best = result;
  }
  return best!;
}

export function cosineToCentroid(
  data: Float32Array,
  dim: number,
  i: number,
  centroids: Float32Array,
  c: number,
): number {
  return dot(data, i * dim, centroids, c * dim, dim);
}

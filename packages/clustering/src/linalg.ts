// Sparse rows and a randomized SVD (Halko, Martinsson & Tropp 2011) for LSA, in Float32Array/Float64Array
// so 10,000 texts fit in memory and time. Only what the clustering needs.
import type { Random } from './random.ts';

/** Compressed sparse rows. */
export type Csr = { rows: number; cols: number; ptr: Int32Array; idx: Int32Array; val: Float32Array };

export type SparseRow = Map<number, number>;

export function toCsr(rows: SparseRow[], cols: number): Csr {
  let nnz = 0;
  for (const row of rows) nnz += row.size;
  const ptr = new Int32Array(rows.length + 1);
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let at = 0;
  rows.forEach((row, r) => {
    // Sorted columns: the same input gives the same floating-point sums in the same order.
    const keys = [...row.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      idx[at] = key;
      val[at] = row.get(key)!;
      at++;
    }
    ptr[r + 1] = at;
  });
  return { rows: rows.length, cols, ptr, idx, val };
}

/** Y (rows×l) = X · W (cols×l), dense row-major. */
function multiply(x: Csr, w: Float64Array, l: number): Float64Array {
  const y = new Float64Array(x.rows * l);
  for (let r = 0; r < x.rows; r++) {
    const yo = r * l;
    for (let p = x.ptr[r]!; p < x.ptr[r + 1]!; p++) {
      const v = x.val[p]!;
      const wo = x.idx[p]! * l;
      for (let c = 0; c < l; c++) y[yo + c]! += v * w[wo + c]!;
    }
  }
  return y;
}

/** Z (cols×l) = Xᵀ · Y (rows×l). */
function multiplyT(x: Csr, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(x.cols * l);
  for (let r = 0; r < x.rows; r++) {
    const yo = r * l;
    for (let p = x.ptr[r]!; p < x.ptr[r + 1]!; p++) {
      const v = x.val[p]!;
      const zo = x.idx[p]! * l;
      for (let c = 0; c < l; c++) z[zo + c]! += v * y[yo + c]!;
    }
  }
  return z;
}

/** Orthonormalise the l columns of a (n×l) in place (modified Gram–Schmidt, twice for stability). */
function orthonormalise(a: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < l; c++) {
      for (let prev = 0; prev < c; prev++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += a[r * l + c]! * a[r * l + prev]!;
        for (let r = 0; r < n; r++) a[r * l + c]! -= dot * a[r * l + prev]!;
      }
      let norm = 0;
      for (let r = 0; r < n; r++) norm += a[r * l + c]! ** 2;
      norm = Math.sqrt(norm);
      if (norm < 1e-12) {
        for (let r = 0; r < n; r++) a[r * l + c] = 0;
        continue;
      }
      for (let r = 0; r < n; r++) a[r * l + c]! /= norm;
    }
  }
}

/** Eigen-decomposition of a symmetric m×m matrix (cyclic Jacobi). Returns values descending and vectors as columns. */
export function symmetricEigen(
  input: Float64Array,
  m: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) off += a[i * m + j]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * m + q]! - a[p * m + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p]!;
          const akq = a[k * m + q]!;
          a[k * m + p] = cs * akp - sn * akq;
          a[k * m + q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k]!;
          const aqk = a[q * m + k]!;
          a[p * m + k] = cs * apk - sn * aqk;
          a[q * m + k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p]!;
          const vkq = v[k * m + q]!;
          v[k * m + p] = cs * vkp - sn * vkq;
          v[k * m + q] = sn * vkp + cs * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => a[y * m + y]! - a[x * m + x]! || x - y);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  order.forEach((from, to) => {
    values[to] = a[from * m + from]!;
    for (let k = 0; k < m; k++) vectors[k * m + to] = v[k * m + from]!;
  });
  return { values, vectors };
}

/**
 * LSA: the rows of X projected on its top `rank` singular directions, scaled by the singular values
 * (U·Σ), as a dense rows×rank Float32Array. Randomized range finder with `powerIterations` passes.
 */
export function randomizedSvdRows(
  x: Csr,
  rank: number,
  random: Random,
  powerIterations = 2,
): { rows: Float32Array; rank: number } {
  const r = Math.max(1, Math.min(rank, x.rows - 1, x.cols - 1));
  const l = Math.max(1, Math.min(r + 10, x.rows, x.cols));
  const omega = new Float64Array(x.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random.gauss();
  let y = multiply(x, omega, l);
  for (let q = 0; q < powerIterations; q++) {
    orthonormalise(y, x.rows, l);
    const z = multiplyT(x, y, l);
    orthonormalise(z, x.cols, l);
    y = multiply(x, z, l);
  }
  orthonormalise(y, x.rows, l);
  // B = Qᵀ X; B Bᵀ = Zᵀ Z with Z = Xᵀ Q. Its eigenvectors rotate Q onto the left singular vectors.
  const z = multiplyT(x, y, l);
  const gram = new Float64Array(l * l);
  for (let row = 0; row < x.cols; row++) {
    const o = row * l;
    for (let i = 0; i < l; i++) {
      const zi = z[o + i]!;
      if (zi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j]! += zi * z[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i]!;
  const { values, vectors } = symmetricEigen(gram, l);
  const out = new Float32Array(x.rows * r);
  for (let row = 0; row < x.rows; row++) {
    for (let c = 0; c < r; c++) {
      let s = 0;
      for (let k = 0; k < l; k++) s += y[row * l + k]! * vectors[k * l + c]!;
      // U·Σ: Σ = sqrt(eigenvalue of B Bᵀ).
      out[row * r + c] = s * Math.sqrt(Math.max(values[c]!, 0));
    }
  }
  return { rows: out, rank: r };
}

export function normaliseRows(data: Float32Array, dim: number): void {
  const n = data.length / dim;
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let c = 0; c < dim; c++) s += data[r * dim + c]! ** 2;
    if (s <= 0) continue;
    const inv = 1 / Math.sqrt(s);
    for (let c = 0; c < dim; c++) data[r * dim + c]! *= inv;
  }
}

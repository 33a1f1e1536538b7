import { describe, expect, it } from 'vitest';
import { ari, nmi } from './metrics.ts';

// Expected values worked out by hand; the same examples appear in scikit-learn's documentation.
describe('nmi', () => {
  it('is 1 for the same partition', () => {
    expect(nmi([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBeCloseTo(1, 12);
  });

  it('is 1 when only the cluster names differ', () => {
    expect(nmi(['zorg', 'zorg', 'werk', 'werk', 'data'], [2, 2, 0, 0, 1])).toBeCloseTo(1, 12);
  });

  it('is 0 when the prediction says nothing about the labels', () => {
    expect(nmi([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(nmi([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
  });

  it('normalises by the mean of the two entropies', () => {
    // MI = 2/3·ln 2, H(true) = ln 2, H(pred) = ln 3 → NMI = (4/3·ln 2) / (ln 2 + ln 3) ≈ 0.5158.
    const expected = ((4 / 3) * Math.log(2)) / (Math.log(2) + Math.log(3));
    expect(nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.5158, 4);
  });

  it('is symmetric', () => {
    const a = [0, 0, 1, 1, 1, 2, 2, 0];
    const b = [1, 1, 1, 0, 0, 2, 2, 2];
    expect(nmi(a, b)).toBeCloseTo(nmi(b, a), 12);
  });

  it('is 1 when both put everything in one cluster', () => {
    expect(nmi(['a', 'a', 'a'], [5, 5, 5])).toBe(1);
  });

  it('stays near 0 for a random assignment', () => {
    const { truth, random } = randomLabelings(2000, 10);
    expect(nmi(truth, random)).toBeLessThan(0.03);
  });

  it('keeps the label 1 and the label "1" apart', () => {
    expect(nmi([1, 1, '1', '1'], [0, 0, 1, 1])).toBeCloseTo(1, 12);
  });

  it('refuses labelings of different lengths', () => {
    expect(() => nmi([0, 1], [0])).toThrow();
  });
});

describe('ari', () => {
  it('is 1 for the same partition, whatever the names', () => {
    expect(ari([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(ari(['zorg', 'zorg', 'werk', 'werk', 'data'], [2, 2, 0, 0, 1])).toBe(1);
  });

  it('gives 4/7 when one true cluster is split in two', () => {
    expect(ari([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 12);
    expect(ari([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
  });

  it('gives 0.8 / 3.3 for the documentation example', () => {
    expect(ari([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
  });

  it('is 0 when everything is one cluster on one side and singletons on the other', () => {
    expect(ari([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('goes below 0 for a worse than chance split', () => {
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it('is 1 when both sides are all singletons or all one cluster', () => {
    expect(ari([0, 1, 2], ['a', 'b', 'c'])).toBe(1);
    expect(ari([0, 0, 0], [1, 1, 1])).toBe(1);
  });

  it('stays near 0 for a random assignment', () => {
    const { truth, random } = randomLabelings(2000, 10);
    expect(Math.abs(ari(truth, random))).toBeLessThan(0.01);
  });
});

/** Ten topics in blocks and an independent seeded assignment, for the chance-level checks. */
function randomLabelings(n: number, k: number) {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const truth = Array.from({ length: n }, (_, i) => i % k);
  const random = Array.from({ length: n }, () => Math.floor(next() * k));
  return { truth, random };
}

// How well a clustering matches known labels, computed as scikit-learn does, so our figures can be
// compared with published ones: NMI (arithmetic-mean normalisation) and the adjusted Rand index.

type Label = string | number;

/** The contingency table of two labelings: counts per (true, predicted) pair and the row and column sums. */
function contingency(labelsTrue: readonly Label[], labelsPred: readonly Label[]) {
  if (labelsTrue.length !== labelsPred.length) {
    throw new Error(`labelsTrue has ${labelsTrue.length} labels, labelsPred ${labelsPred.length}`);
  }
  const rows = new Map<Label, number>();
  const columns = new Map<Label, number>();
  const cells = new Map<string, { t: Label; p: Label; count: number }>();
  labelsTrue.forEach((t, i) => {
    const p = labelsPred[i] as Label;
    rows.set(t, (rows.get(t) ?? 0) + 1);
    columns.set(p, (columns.get(p) ?? 0) + 1);
    // JSON keeps 1 and "1" apart, as they are different labels.
    const key = JSON.stringify([t, p]);
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { t, p, count: 1 });
  });
  return { n: labelsTrue.length, rows, columns, cells: [...cells.values()] };
}

function entropy(counts: number[], n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** Normalised mutual information: 1 for the same partition (whatever the label names), about 0 for chance. */
export function nmi(labelsTrue: readonly Label[], labelsPred: readonly Label[]): number {
  const { n, rows, columns, cells } = contingency(labelsTrue, labelsPred);
  // Both all in one cluster (or both empty): the same partition, as scikit-learn defines it.
  if (rows.size === columns.size && rows.size <= 1) return 1;
  let mi = 0;
  for (const { t, p, count } of cells) {
    mi += (count / n) * Math.log((n * count) / ((rows.get(t) as number) * (columns.get(p) as number)));
  }
  if (mi <= 0) return 0;
  const mean = (entropy([...rows.values()], n) + entropy([...columns.values()], n)) / 2;
  return Math.min(1, mi / mean);
}

const pairs = (c: number) => (c * (c - 1)) / 2;

/** Adjusted Rand index: 1 for the same partition, about 0 for chance, negative when worse than chance. */
export function ari(labelsTrue: readonly Label[], labelsPred: readonly Label[]): number {
  const { n, rows, columns, cells } = contingency(labelsTrue, labelsPred);
  const together = cells.reduce((sum, c) => sum + pairs(c.count), 0);
  const sameTrue = [...rows.values()].reduce((sum, c) => sum + pairs(c), 0);
  const samePred = [...columns.values()].reduce((sum, c) => sum + pairs(c), 0);
  const expected = (sameTrue * samePred) / Math.max(pairs(n), 1);
  const maximum = (sameTrue + samePred) / 2;
  // No pair on which the two disagree (includes the degenerate all-singletons and all-one cases).
  if (maximum === expected) return 1;
  return (together - expected) / (maximum - expected);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, BlockKind } from './anchors.ts';
import { diffBlocks, diffWords, type WordDiffPart } from './diff.ts';

function oldSide(parts: WordDiffPart[]): string {
  return parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
}

function newSide(parts: WordDiffPart[]): string {
  return parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');
}

describe('word diff between two revisions', () => {
  it('shows a changed word as deleted and inserted, and keeps the rest equal', () => {
    const parts = diffWords(
      'Wij versterken de samenwerking met gemeenten.',
      'Wij verbeteren de samenwerking met alle gemeenten.',
    );
    expect(parts).toEqual([
      { op: 'equal', text: 'Wij ' },
      { op: 'delete', text: 'versterken' },
      { op: 'insert', text: 'verbeteren' },
      { op: 'equal', text: ' de samenwerking met ' },
      { op: 'insert', text: 'alle ' },
      { op: 'equal', text: 'gemeenten.' },
    ]);
  });

  it('treats words with diacritics as whole words', () => {
    const parts = diffWords('betere coördinatie van zorg', 'betere coördinatie en financiën van zorg');
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: 'en financiën ' }]);
  });

  it('gives one equal part for an unchanged text and nothing for two empty texts', () => {
    expect(diffWords('Stip op de horizon', 'Stip op de horizon')).toEqual([
      { op: 'equal', text: 'Stip op de horizon' },
    ]);
    expect(diffWords('', '')).toEqual([]);
  });
});

const p = (id: string, text: string, kind: BlockKind = 'paragraph'): Block => ({ id, kind, text });

describe('block diff between two revisions', () => {
  const before = [
    p('kop', 'Stip op de horizon', 'heading'),
    p('a', 'In 2030 staat gezondheid centraal.'),
    p('b', 'De GGD en de RAV delen gegevens.'),
    p('c', 'Gemeenten zien waar de druk het grootst is.'),
  ];

  it('marks each block added, removed, changed or unchanged, in the new order', () => {
    const after = [
      p('kop', 'Stip op de horizon', 'heading'),
      p('a', 'In 2030 staat gezondheid echt centraal.'),
      p('d', 'Inwoners krijgen sneller de juiste hulp.'),
      p('c', 'Gemeenten zien waar de druk het grootst is.'),
    ];
    const diff = diffBlocks(before, after);
    expect(diff.map((d) => [d.status, d.id])).toEqual([
      ['unchanged', 'kop'],
      ['changed', 'a'],
      ['removed', 'b'],
      ['added', 'd'],
      ['unchanged', 'c'],
    ]);
    const changed = diff[1];
    expect(changed?.status === 'changed' && changed.parts).toContainEqual({
      op: 'insert',
      text: 'echt ',
    });
  });

  it('marks a block that was moved up, and a paragraph that became a heading', () => {
    const after = [before[0], before[3], p('a', before[1]?.text ?? '', 'heading'), before[2]];
    const diff = diffBlocks(before, after as Block[]);
    expect(diff.find((d) => d.id === 'c')).toMatchObject({ status: 'unchanged', moved: true });
    expect(diff.find((d) => d.id === 'a')).toMatchObject({
      status: 'changed',
      moved: false,
      parts: [{ op: 'equal', text: 'In 2030 staat gezondheid centraal.' }],
    });
  });
});

// ── properties ────────────────────────────────────────────────────────────

const words = ['de', 'zorg', 'gemeente', 'coördinatie', 'GGD', '🚑', ',', '.', ' ', '  ', '\n', '-'];
const dutchText = fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((ws) => ws.join(''));
const anyText = fc.oneof(dutchText, fc.string({ unit: 'binary', maxLength: 40 }));

describe('diffs lose nothing (property)', () => {
  it('joining the parts gives back the old and the new text', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const parts = diffWords(before, after);
        expect(oldSide(parts)).toBe(before);
        expect(newSide(parts)).toBe(after);
        expect(parts.every((part) => part.text !== '')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('lists every block of both revisions once, the new ones in the new order', () => {
    const revision = fc
      .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 })
      .chain((ids) =>
        fc.tuple(...ids.map((id) => dutchText.map((text) => p(id, text)))).map((bs) => bs as Block[]),
      );
    fc.assert(
      fc.property(revision, revision, (before, after) => {
        const diff = diffBlocks(before, after);
        expect(diff.filter((d) => d.status !== 'removed').map((d) => d.id)).toEqual(after.map((b) => b.id));
        const fromBefore = diff.filter((d) => d.status !== 'added').map((d) => d.id);
        expect(fromBefore.toSorted()).toEqual(before.map((b) => b.id).toSorted());
        for (const d of diff) {
          if (d.status === 'changed') {
            expect(oldSide(d.parts)).toBe(d.previous.text);
            expect(newSide(d.parts)).toBe(d.block.text);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

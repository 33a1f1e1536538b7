import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AnchorError,
  FUZZY_THRESHOLD,
  createAnchor,
  reanchor,
  type Anchor,
  type Block,
  type BlockKind,
} from './anchors.ts';

const intro =
  'In 2030 staat gezondheid centraal in plaats van zorg. Wij versterken de samenwerking tussen ' +
  'gemeenten en zorgaanbieders in Hollands Midden, zodat inwoners sneller de juiste hulp krijgen.';
const steps =
  'De GGD en de RAV delen hun gegevens over acute zorg. Zo zien gemeenten waar de druk het grootst is.';
const passage = 'Wij versterken de samenwerking tussen gemeenten en zorgaanbieders';

const plan: Block[] = [
  { id: 'kop', kind: 'heading', text: 'Stip op de horizon' },
  { id: 'intro', kind: 'paragraph', text: intro },
  { id: 'stappen', kind: 'paragraph', text: steps },
];

function anchorOn(blocks: Block[], blockId: string, exact: string, occurrence = 0): Anchor {
  const text = blocks.find((b) => b.id === blockId)?.text ?? '';
  let start = text.indexOf(exact);
  for (let n = 0; n < occurrence; n += 1) start = text.indexOf(exact, start + 1);
  return createAnchor(blocks, blockId, start, start + exact.length);
}

function withText(blocks: Block[], blockId: string, text: string): Block[] {
  return blocks.map((b) => (b.id === blockId ? { ...b, text } : b));
}

function textAt(blocks: readonly Block[], blockId: string, start: number, end: number): string {
  return blocks.find((b) => b.id === blockId)?.text.slice(start, end) ?? '';
}

describe('anchoring a comment', () => {
  it('keeps the selected passage with up to 32 characters of context on each side', () => {
    const anchor = anchorOn(plan, 'intro', passage);
    expect(anchor).toEqual({
      blockId: 'intro',
      quote: {
        exact: passage,
        prefix: 'id centraal in plaats van zorg. ',
        suffix: ' in Hollands Midden, zodat inwon',
      },
      position: { start: 54, end: 54 + passage.length },
    });
  });

  it('anchors a comment on a whole paragraph from its first to its last character', () => {
    const anchor = createAnchor(plan, 'stappen', 0, steps.length);
    expect(anchor.quote).toEqual({ exact: steps, prefix: '', suffix: '' });
  });

  it.each([
    ['a paragraph that is not in this revision', 'weg', 0, 3, 'BLOCK_NOT_FOUND', /bestaat niet/],
    ['a selection past the end of the paragraph', 'kop', 0, 99, 'INVALID_RANGE', /buiten de alinea/],
    ['a selection starting before the paragraph', 'kop', -1, 4, 'INVALID_RANGE', /buiten/],
    ['an empty selection', 'kop', 4, 4, 'EMPTY_SELECTION', /ten minste één teken/],
    ['a selection of only a space', 'kop', 4, 5, 'EMPTY_SELECTION', /witruimte/],
  ])('refuses %s with a Dutch message', (_, blockId, start, end, code, message) => {
    const attempt = () => createAnchor(plan, blockId, start, end);
    expect(attempt).toThrow(AnchorError);
    expect(attempt).toThrow(message);
    expect(() => attempt()).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a selection that cuts a character such as an emoji in half', () => {
    const blocks: Block[] = [{ id: 'p', kind: 'paragraph', text: 'Ambulance 🚑 onderweg' }];
    expect(() => createAnchor(blocks, 'p', 11, 15)).toThrow(/midden in een teken/);
    expect(createAnchor(blocks, 'p', 10, 12).quote.exact).toBe('🚑');
  });

  it('never cuts an emoji in half in the context it stores', () => {
    const text = '🚑'.repeat(20) + 'spoed' + '🚑'.repeat(20);
    // 32 code units before 41 and after 44 would each end inside an emoji.
    const anchor = createAnchor([{ id: 'p', kind: 'paragraph', text }], 'p', 41, 44);
    expect(anchor.quote).toEqual({
      exact: 'poe',
      prefix: '🚑'.repeat(16) + 's',
      suffix: 'd' + '🚑'.repeat(16),
    });
  });
});

describe('re-anchoring a comment on a new revision', () => {
  it('finds the passage at the same place when the paragraph is unchanged', () => {
    const anchor = anchorOn(plan, 'intro', passage);
    const result = reanchor(anchor, plan);
    expect(result).toMatchObject({ status: 'exact', blockId: 'intro', start: 54, similarity: 1 });
    expect(result.original).toBe(anchor);
  });

  it('follows the passage when a sentence is inserted before it', () => {
    const anchor = anchorOn(plan, 'intro', passage);
    const inserted = 'Dat vraagt om keuzes. ';
    const next = withText(plan, 'intro', intro.replace('Wij ', inserted + 'Wij '));
    const result = reanchor(anchor, next);
    expect(result).toMatchObject({ status: 'moved', blockId: 'intro', start: 54 + inserted.length });
    expect(textAt(next, result.blockId, result.start, result.end)).toBe(passage);
  });

  it('follows the passage when it is moved to another paragraph', () => {
    const anchor = anchorOn(plan, 'intro', passage);
    const next = withText(
      withText(plan, 'intro', intro.replace(passage + ' in Hollands Midden, zodat', 'Zo')),
      'stappen',
      `${steps} ${passage} in de hele regio.`,
    );
    const result = reanchor(anchor, next);
    expect(result).toMatchObject({ status: 'moved', blockId: 'stappen' });
    expect(textAt(next, 'stappen', result.start, result.end)).toBe(passage);
  });

  it('stays with the passage when a word inside it is changed, marked as fuzzy', () => {
    const anchor = anchorOn(plan, 'intro', passage);
    const next = withText(plan, 'intro', intro.replace('versterken', 'verbeteren'));
    const result = reanchor(anchor, next);
    expect(result.status).toBe('fuzzy');
    expect(textAt(next, result.blockId, result.start, result.end)).toBe(
      'Wij verbeteren de samenwerking tussen gemeenten en zorgaanbieders',
    );
    expect(result.similarity).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(result.original.quote.exact).toBe(passage);
  });

  it('keeps a comment on a whole paragraph on that paragraph after a small correction', () => {
    const anchor = createAnchor(plan, 'stappen', 0, steps.length);
    const corrected = steps.replace('hun gegevens', 'hun cijfers');
    const result = reanchor(anchor, withText(plan, 'stappen', corrected));
    expect(result).toMatchObject({ status: 'fuzzy', blockId: 'stappen', start: 0 });
    expect(result.end).toBeGreaterThan(corrected.length - 3);
  });

  it('keeps a comment whose paragraph was deleted as orphaned, with its original quote', () => {
    const anchor = anchorOn(plan, 'stappen', 'Zo zien gemeenten waar de druk het grootst is.');
    const result = reanchor(
      anchor,
      plan.filter((b) => b.id !== 'stappen'),
    );
    expect(result).toEqual({
      status: 'orphaned',
      blockId: 'stappen',
      start: anchor.position.start,
      end: anchor.position.end,
      similarity: 0,
      original: anchor,
    });
    expect('anchor' in result).toBe(false);
  });

  it('orphans a comment whose passage was rewritten beyond recognition', () => {
    const anchor = anchorOn(plan, 'intro', passage);
    const next = withText(plan, 'intro', 'In 2030 staat gezondheid centraal. Hoe, dat bepalen we samen.');
    expect(reanchor(anchor, next).status).toBe('orphaned');
  });

  it('tells a repeated phrase apart by its context when another copy slides into its place', () => {
    const text =
      'In de jeugdzorg korten we de wachttijd in. In de ouderenzorg korten we de wachttijd ook in.';
    const blocks: Block[] = [{ id: 'p', kind: 'paragraph', text }];
    const second = anchorOn(blocks, 'p', 'de wachttijd', 1);
    // 45 characters: exactly the distance between the two copies, so the first lands on the old offsets.
    const inserted = 'Samen met alle huisartsen pakken we dit aan. ';
    expect(inserted.length).toBe(second.position.start - text.indexOf('de wachttijd'));
    const next: Block[] = [{ id: 'p', kind: 'paragraph', text: inserted + text }];
    expect(next[0]?.text.slice(second.position.start, second.position.end)).toBe('de wachttijd');

    const result = reanchor(second, next);
    expect(result.status).toBe('moved');
    expect(result.start).toBe(inserted.length + second.position.start);
    expect(next[0]?.text.slice(result.end)).toBe(' ook in.');
  });

  it('prefers the copy of a phrase in the same paragraph over one elsewhere', () => {
    const blocks: Block[] = [
      { id: 'a', kind: 'paragraph', text: 'Wij investeren in sterke teams.' },
      { id: 'b', kind: 'listItem', text: 'Wij investeren in sterke teams.' },
    ];
    const anchor = anchorOn(blocks, 'b', 'sterke teams');
    const next = withText(blocks, 'b', 'Vanaf 2027 investeren wij in sterke teams.');
    expect(reanchor(anchor, next)).toMatchObject({ status: 'moved', blockId: 'b' });
  });

  it('follows a passage across several revisions using the anchor of each new revision', () => {
    const second = withText(plan, 'intro', `Nieuw: ${intro}`);
    const step = reanchor(anchorOn(plan, 'intro', passage), second);
    if (step.status === 'orphaned') throw new Error('lost after one revision');

    const third = withText(second, 'intro', `Nieuw: ${intro.replace('zorgaanbieders', 'zorgpartners')}`);
    const result = reanchor(step.anchor, third.toReversed());
    expect(result).toMatchObject({ status: 'fuzzy', blockId: 'intro', start: step.start });
    expect(result.original.quote.exact).toBe(passage);
  });
});

// ── property: random redrafts never lose a comment ─────────────────────────

const words = (
  'de het een gemeente gemeenten zorg jeugdzorg wachttijd samen regio GGD RAV veilig gezond teams en ' +
  'van in wij ambulance preventie coördinatie financiën inwoners 🚑 Hollands Midden weerbaar'
).split(' ');
const sentence = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 })
  .map((ws) => `${ws.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
const kind = fc.constantFrom<BlockKind>('heading', 'paragraph', 'listItem');
const blockList = fc
  .array(fc.tuple(kind, paragraph), { minLength: 1, maxLength: 6 })
  .map((list) => list.map(([k, text], i): Block => ({ id: `b${i}`, kind: k, text })));

const editKinds = [
  'insert',
  'delete',
  'split',
  'merge',
  'move',
  'newBlock',
  'editInside',
  'deleteBlock',
  'deletePassageBlock',
] as const;
type Edit = { kind: (typeof editKinds)[number]; a: number; b: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...editKinds),
  a: fc.nat(),
  b: fc.nat(),
  text: paragraph,
});

/** The test's own model of where the passage is, so the property can say when it must be found. */
type Passage = { blockId: string; start: number; end: number };
type Draft = { blocks: Block[]; passage: Passage | null; editsInside: number; nextId: number };

function isSurrogateSplit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** A cut point in the block that is not inside the passage and not inside an emoji. */
function cutPoint(draft: Draft, block: Block, n: number): number {
  let p = n % (block.text.length + 1);
  const { passage } = draft;
  if (passage?.blockId === block.id && p > passage.start && p < passage.end) p = passage.end;
  if (isSurrogateSplit(block.text, p)) p += 1;
  return p;
}

function applyEdit(draft: Draft, e: Edit): Draft {
  const { blocks, passage } = draft;
  const i = e.a % Math.max(1, blocks.length);
  const block = blocks[i];
  const replace = (list: Block[], p: Passage | null, more: Partial<Draft> = {}): Draft => ({
    ...draft,
    blocks: list,
    passage: p,
    ...more,
  });
  const inBlock = (b: Block | undefined) => b !== undefined && passage?.blockId === b.id;

  switch (e.kind) {
    case 'insert': {
      if (!block) return draft;
      const p = cutPoint(draft, block, e.b);
      const added = ` ${e.text} `;
      const text = block.text.slice(0, p) + added + block.text.slice(p);
      const shift = inBlock(block) && passage && p <= passage.start ? added.length : 0;
      const moved =
        passage && shift ? { ...passage, start: passage.start + shift, end: passage.end + shift } : passage;
      return replace(blocks.with(i, { ...block, text }), moved);
    }
    case 'delete': {
      if (!block) return draft;
      const from = cutPoint(draft, block, e.b);
      let to = Math.min(block.text.length, from + 1 + (e.a % 20));
      if (isSurrogateSplit(block.text, to)) to += 1;
      if (inBlock(block) && passage && from < passage.end && to > passage.start) return draft;
      const text = block.text.slice(0, from) + block.text.slice(to);
      const shift = inBlock(block) && passage && to <= passage.start ? to - from : 0;
      const moved =
        passage && shift ? { ...passage, start: passage.start - shift, end: passage.end - shift } : passage;
      return replace(blocks.with(i, { ...block, text }), moved);
    }
    case 'split': {
      if (!block) return draft;
      const p = cutPoint(draft, block, e.b);
      const id = `n${draft.nextId}`;
      const head = { ...block, text: block.text.slice(0, p) };
      const tail: Block = { id, kind: 'paragraph', text: block.text.slice(p) };
      const moved =
        inBlock(block) && passage && p <= passage.start
          ? { blockId: id, start: passage.start - p, end: passage.end - p }
          : passage;
      return replace(blocks.toSpliced(i, 1, head, tail), moved, { nextId: draft.nextId + 1 });
    }
    case 'merge': {
      const next = blocks[i + 1];
      if (!block || !next) return draft;
      const joined = { ...block, text: `${block.text} ${next.text}` };
      const shift = block.text.length + 1;
      const moved =
        inBlock(next) && passage
          ? { blockId: block.id, start: passage.start + shift, end: passage.end + shift }
          : passage;
      return replace(blocks.toSpliced(i, 2, joined), moved);
    }
    case 'move': {
      if (!block) return draft;
      const rest = blocks.toSpliced(i, 1);
      return replace(rest.toSpliced(e.b % (rest.length + 1), 0, block), passage);
    }
    case 'newBlock': {
      const added: Block = { id: `n${draft.nextId}`, kind: 'paragraph', text: e.text };
      return replace(blocks.toSpliced(e.b % (blocks.length + 1), 0, added), passage, {
        nextId: draft.nextId + 1,
      });
    }
    case 'editInside': {
      const at = blocks.findIndex((b) => b.id === passage?.blockId);
      const target = blocks[at];
      if (!passage || !target || passage.end - passage.start < 2) return draft;
      const p = passage.start + (e.b % (passage.end - passage.start));
      const code = target.text.charCodeAt(p);
      if (code >= 0xd800 && code <= 0xdfff) return draft;
      // Even b: replace one character; odd b: delete it. Either costs at most one edit.
      const removing = e.b % 2 === 1;
      const text = target.text.slice(0, p) + (removing ? '' : 'x') + target.text.slice(p + 1);
      const end = removing ? passage.end - 1 : passage.end;
      const more = { editsInside: draft.editsInside + 1 };
      return replace(blocks.with(at, { ...target, text }), { ...passage, end }, more);
    }
    case 'deleteBlock':
      if (!block) return draft;
      return replace(blocks.toSpliced(i, 1), inBlock(block) ? null : passage);
    case 'deletePassageBlock':
      return replace(
        blocks.filter((b) => b.id !== passage?.blockId),
        null,
      );
  }
}

/** Edits between two strings, written out here so the property does not trust the code it tests. */
function levenshtein(a: string, b: string): number {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitution));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

const scenario = fc
  .record({
    blocks: blockList,
    pick: fc.nat(),
    from: fc.nat(),
    length: fc.nat({ max: 80 }),
    edits: fc.array(edit, { maxLength: 8 }),
  })
  .map(({ blocks, pick, from, length, edits }) => {
    const block = blocks[pick % blocks.length] as Block;
    let start = from % block.text.length;
    let end = Math.min(block.text.length, start + 1 + length);
    if (isSurrogateSplit(block.text, start)) start -= 1;
    if (isSurrogateSplit(block.text, end)) end += 1;
    return { blocks, blockId: block.id, start, end, edits };
  })
  .filter(({ blocks, blockId, start, end }) => textAt(blocks, blockId, start, end).trim() !== '');

describe('re-anchoring after random redrafts (property)', () => {
  it('never throws and never loses a comment', () => {
    fc.assert(
      fc.property(scenario, ({ blocks, blockId, start, end, edits }) => {
        const anchor = createAnchor(blocks, blockId, start, end);
        const kept = structuredClone(anchor);
        const draft = edits.reduce(applyEdit, {
          blocks,
          passage: { blockId, start, end },
          editsInside: 0,
          nextId: 0,
        } as Draft);

        const result = reanchor(anchor, draft.blocks);
        const { exact } = kept.quote;

        expect(result.original).toEqual(kept);
        if (result.status === 'orphaned') {
          expect(result).toMatchObject({ blockId, start, end });
        } else {
          const found = textAt(draft.blocks, result.blockId, result.start, result.end);
          const { quote } = result.anchor;
          expect([quote.exact, quote.prefix, quote.suffix].every((t) => t.isWellFormed())).toBe(true);
          expect(result.anchor.quote.exact).toBe(found);
          expect(result.anchor.position).toEqual({ start: result.start, end: result.end });
          if (result.status === 'fuzzy') {
            expect(1 - levenshtein(exact, found) / exact.length).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
          } else {
            expect(found).toBe(exact);
          }
        }

        // Untouched text anywhere must be found as it is.
        if (draft.blocks.some((b) => b.text.includes(exact))) {
          expect(['exact', 'moved']).toContain(result.status);
        }
        // A passage that is still there, lightly edited, must still be found.
        if (draft.passage && draft.editsInside <= Math.floor(exact.length * (1 - FUZZY_THRESHOLD))) {
          expect(result.status).not.toBe('orphaned');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

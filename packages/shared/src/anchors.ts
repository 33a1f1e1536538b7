// Comments anchored to passages of a section, as W3C Web Annotation selectors (TextQuoteSelector +
// TextPositionSelector per block), and finding those passages again in a later revision so that a
// comment is never lost by a redraft. Pure code: the browser and the API both use it.
import { z } from 'zod';

export const BlockKind = z.enum(['heading', 'paragraph', 'listItem']);
export type BlockKind = z.infer<typeof BlockKind>;

/** One heading, paragraph or list item of a section, with an id that stays the same across revisions. */
export const Block = z.object({ id: z.string().min(1), kind: BlockKind, text: z.string() });
export type Block = z.infer<typeof Block>;

/** TextQuoteSelector: the passage itself and the text right around it within its block. */
export const TextQuote = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });
export type TextQuote = z.infer<typeof TextQuote>;

/** TextPositionSelector: offsets in UTF-16 code units within the block's text, end exclusive. */
export const TextPosition = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type TextPosition = z.infer<typeof TextPosition>;

export const Anchor = z.object({ blockId: z.string().min(1), quote: TextQuote, position: TextPosition });
export type Anchor = z.infer<typeof Anchor>;

/** Characters of context kept on either side of a passage to tell repeated phrases apart. */
export const ANCHOR_CONTEXT_LENGTH = 32;

/**
 * How much of a passage must survive for a lightly changed passage to keep its comment: at most a
 * quarter of its characters may have been edited. Below this the comment is shown as "tekst gewijzigd".
 */
export const FUZZY_THRESHOLD = 0.75;

export type AnchorErrorCode = 'BLOCK_NOT_FOUND' | 'INVALID_RANGE' | 'EMPTY_SELECTION';

/** A selection that cannot be anchored; `message` is Dutch and can be shown as is. */
export class AnchorError extends Error {
  readonly code: AnchorErrorCode;

  constructor(code: AnchorErrorCode, message: string) {
    super(message);
    this.name = 'AnchorError';
    this.code = code;
  }
}

/** Anchors the passage [start, end) of a block. A comment on a whole paragraph uses 0 and its length. */
export function createAnchor(blocks: readonly Block[], blockId: string, start: number, end: number): Anchor {
  const block = blocks.find((b) => b.id === blockId);
  if (!block) {
    throw new AnchorError('BLOCK_NOT_FOUND', 'Deze alinea bestaat niet (meer) in deze versie van de tekst.');
  }
  const { text } = block;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new AnchorError('INVALID_RANGE', 'De geselecteerde tekst valt buiten de alinea.');
  }
  if (start >= end) {
    throw new AnchorError('EMPTY_SELECTION', 'Selecteer ten minste één teken om op te reageren.');
  }
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new AnchorError(
      'INVALID_RANGE',
      'De selectie begint of eindigt midden in een teken. Selecteer opnieuw.',
    );
  }
  if (text.slice(start, end).trim() === '') {
    throw new AnchorError('EMPTY_SELECTION', 'Selecteer tekst, niet alleen witruimte.');
  }
  return anchorAt(block, start, end);
}

export type ReanchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

type Located = {
  /** exact: same block and offsets; moved: same text elsewhere; fuzzy: lightly changed text. */
  status: 'exact' | 'moved' | 'fuzzy';
  blockId: string;
  start: number;
  end: number;
  /** 1 for exact and moved; for fuzzy at least FUZZY_THRESHOLD. */
  similarity: number;
  /** The anchor in the new revision, to store for re-anchoring against the next one. */
  anchor: Anchor;
  original: Anchor;
};

type Orphaned = {
  /** The passage is gone: show the comment as "tekst gewijzigd" with `original.quote.exact`. */
  status: 'orphaned';
  blockId: string;
  start: number;
  end: number;
  similarity: 0;
  original: Anchor;
};

export type Reanchored = Located | Orphaned;

/**
 * Finds an anchored passage in a new revision: the same block and offsets, else the exact quote
 * elsewhere (its own block first, then the best by context and position), else the closest lightly
 * changed passage, else orphaned. Never throws, whatever the anchor; the original anchor is always
 * returned.
 */
export function reanchor(original: Anchor, newBlocks: readonly Block[]): Reanchored {
  const { blockId, quote, position } = original;
  const orphaned: Orphaned = {
    status: 'orphaned',
    blockId,
    start: position.start,
    end: position.end,
    similarity: 0,
    original,
  };
  if (quote.exact === '') return orphaned;

  const same = newBlocks.find((b) => b.id === blockId);
  if (same && same.text.slice(position.start, position.end) === quote.exact) {
    const here = anchorAt(same, position.start, position.end);
    // Unchanged surroundings settle it at once; otherwise a repeated phrase may have shifted into
    // the old offsets, so this spot competes with the other occurrences on context below.
    if (here.quote.prefix === quote.prefix && here.quote.suffix === quote.suffix) {
      return located('exact', here, 1, original);
    }
  }

  const exact = best(original, exactCandidates(quote.exact, newBlocks));
  if (exact) {
    const unmoved =
      exact.block.id === blockId && exact.start === position.start && exact.end === position.end;
    return located(unmoved ? 'exact' : 'moved', anchorAt(exact.block, exact.start, exact.end), 1, original);
  }

  // A match in the comment's own block outscores any other, so the costly search elsewhere waits.
  const others = newBlocks.filter((b) => b !== same);
  const fuzzy =
    best(original, fuzzyCandidates(quote.exact, same ? [same] : [])) ??
    best(original, fuzzyCandidates(quote.exact, others));
  if (fuzzy) {
    return located('fuzzy', anchorAt(fuzzy.block, fuzzy.start, fuzzy.end), fuzzy.similarity, original);
  }
  return orphaned;
}

/** 1 minus the share of the quote's characters that were edited (Levenshtein), never below 0. */
function quoteSimilarity(quote: string, found: string): number {
  if (quote.length === 0) return found.length === 0 ? 1 : 0;
  return Math.max(0, 1 - levenshtein(quote, found) / quote.length);
}

// ── internals ────────────────────────────────────────────────────────────

type Candidate = { block: Block; start: number; end: number; similarity: number };

function located(status: Located['status'], anchor: Anchor, similarity: number, original: Anchor): Located {
  const { start, end } = anchor.position;
  return { status, blockId: anchor.blockId, start, end, similarity, anchor, original };
}

function anchorAt(block: Block, start: number, end: number): Anchor {
  const { text } = block;
  let from = Math.max(0, start - ANCHOR_CONTEXT_LENGTH);
  let to = Math.min(text.length, end + ANCHOR_CONTEXT_LENGTH);
  // Half a surrogate pair cannot be stored (PostgreSQL rejects it in jsonb), so widen the context.
  if (splitsPair(text, from)) from -= 1;
  if (splitsPair(text, to)) to += 1;
  return {
    blockId: block.id,
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, to),
    },
    position: { start, end },
  };
}

/** True when offset i falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function exactCandidates(exact: string, blocks: readonly Block[]): Candidate[] {
  const found: Candidate[] = [];
  for (const block of blocks) {
    for (let i = block.text.indexOf(exact); i !== -1; i = block.text.indexOf(exact, i + 1)) {
      found.push({ block, start: i, end: i + exact.length, similarity: 1 });
    }
  }
  return found;
}

function fuzzyCandidates(exact: string, blocks: readonly Block[]): Candidate[] {
  const maxErrors = Math.floor(exact.length * (1 - FUZZY_THRESHOLD));
  if (maxErrors === 0) return [];
  const found: Candidate[] = [];
  for (const block of blocks) {
    if (block.text.length < exact.length - maxErrors) continue;
    for (const match of approximateMatches(exact, block.text, maxErrors)) {
      let { start, end } = match;
      if (splitsPair(block.text, start)) start -= 1;
      if (splitsPair(block.text, end)) end += 1;
      const text = block.text.slice(start, end);
      // Widening to whole characters may cost an edit; only then is it worth recounting.
      const similarity =
        start === match.start && end === match.end
          ? 1 - match.errors / exact.length
          : quoteSimilarity(exact, text);
      // A passage of only whitespace is nothing to comment on.
      if (similarity >= FUZZY_THRESHOLD && text.trim() !== '') {
        found.push({ block, start, end, similarity });
      }
    }
  }
  return found;
}

// A copy in the comment's own block always wins (a comment stays on its paragraph where it can);
// then, with weights after the Hypothesis annotation client, the quote itself counts most, then its
// context, then being near the old offsets. Ties go to the first in the text.
function best(original: Anchor, candidates: Candidate[]): Candidate | undefined {
  let winner: Candidate | undefined;
  let top = -Infinity;
  for (const c of candidates) {
    const score = 50 * c.similarity + contextScore(original, c) + placeScore(original, c);
    if (score > top) {
      top = score;
      winner = c;
    }
  }
  return winner;
}

function contextScore({ quote }: Anchor, { block, start, end }: Candidate): number {
  const before = block.text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = block.text.slice(end, end + quote.suffix.length);
  const prefix =
    quote.prefix === ''
      ? Number(start === 0)
      : commonSuffixLength(quote.prefix, before) / quote.prefix.length;
  const suffix =
    quote.suffix === ''
      ? Number(end === block.text.length)
      : commonPrefixLength(quote.suffix, after) / quote.suffix.length;
  return 20 * prefix + 20 * suffix;
}

function placeScore({ blockId, position }: Anchor, { block, start }: Candidate): number {
  if (block.id !== blockId) return 0;
  const distance = Math.abs(start - position.start) / Math.max(1, block.text.length);
  return 100 + 2 * (1 - Math.min(1, distance));
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

type Match = { start: number; end: number; errors: number };

/**
 * The substrings of text within maxErrors edits of pattern, one per local minimum of the edit count
 * (Sellers' dynamic programming with Ukkonen's cut-off, so roughly maxErrors × text length steps).
 * Each cell also carries where its best alignment started, which gives the start of a match.
 */
function approximateMatches(pattern: string, text: string, maxErrors: number): Match[] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) prev[i] = i;
  // The deepest pattern row whose distance is still within maxErrors; rows below it cannot match.
  let active = Math.min(m, maxErrors);
  const matches: Match[] = [];
  let pending: Match | undefined;
  let previousErrors = Infinity;

  for (let j = 1; j <= text.length; j += 1) {
    cur[0] = 0;
    curStart[0] = j;
    const rows = Math.min(m, active + 1);
    const ch = text[j - 1];
    for (let i = 1; i <= rows; i += 1) {
      // prev[i] below the previous active row is stale: treat it as out of reach.
      const left = i <= active ? (prev[i] as number) + 1 : maxErrors + 2;
      const diag = (prev[i - 1] as number) + (pattern[i - 1] === ch ? 0 : 1);
      const up = (cur[i - 1] as number) + 1;
      if (diag <= left && diag <= up) {
        cur[i] = diag;
        curStart[i] = prevStart[i - 1] as number;
      } else if (left <= up) {
        cur[i] = left;
        curStart[i] = prevStart[i] as number;
      } else {
        cur[i] = up;
        curStart[i] = curStart[i - 1] as number;
      }
    }
    active = rows;
    while ((cur[active] as number) > maxErrors) active -= 1;

    // Keep the first end of each valley of the edit count: one candidate per place in the text.
    const errors = active === m ? (cur[m] as number) : Infinity;
    if (errors < previousErrors) {
      pending = { start: curStart[m] as number, end: j, errors };
    } else if (errors > previousErrors && pending) {
      matches.push(pending);
      pending = undefined;
    }
    previousErrors = errors;
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  if (pending) matches.push(pending);
  return matches;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost));
    }
    row = next;
  }
  return row[b.length] as number;
}

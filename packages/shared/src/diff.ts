// Word-level differences between two revisions of a section, per block, for reading on screen.
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Block } from './anchors.ts';

export type WordDiffOp = 'equal' | 'insert' | 'delete';

/** Equal and delete parts joined give the old text; equal and insert parts give the new text. */
export type WordDiffPart = { op: WordDiffOp; text: string };

/** Differences word by word; whitespace and punctuation are parts of their own, so nothing is lost. */
export function diffWords(oldText: string, newText: string): WordDiffPart[] {
  return diffWordsWithSpace(oldText, newText).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}

export type BlockDiff =
  | { status: 'added'; id: string; block: Block }
  | { status: 'removed'; id: string; previous: Block }
  | {
      status: 'changed';
      id: string;
      block: Block;
      previous: Block;
      /** The block now sits elsewhere relative to the blocks both revisions share. */
      moved: boolean;
      /** All equal when only the kind changed (e.g. a paragraph became a heading). */
      parts: WordDiffPart[];
    }
  | { status: 'unchanged'; id: string; block: Block; previous: Block; moved: boolean };

/**
 * Every block of both revisions, in the new order; a removed block stands where it stood among
 * the blocks that remain, so a reader sees it in place.
 */
export function diffBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): BlockDiff[] {
  const before = new Map(oldBlocks.map((b) => [b.id, b]));
  const after = new Map(newBlocks.map((b) => [b.id, b]));
  const result: BlockDiff[] = [];
  // The longest run of ids kept in order; a shared id outside it was moved and shows where it is now.
  const order = diffArrays(
    oldBlocks.map((b) => b.id),
    newBlocks.map((b) => b.id),
  );
  for (const change of order) {
    for (const id of change.value) {
      const previous = before.get(id);
      const block = after.get(id);
      if (change.removed) {
        if (previous && !block) result.push({ status: 'removed', id, previous });
      } else if (block && !previous) {
        result.push({ status: 'added', id, block });
      } else if (block && previous) {
        result.push(compare(previous, block, change.added));
      }
    }
  }
  return result;
}

function compare(previous: Block, block: Block, moved: boolean): BlockDiff {
  const { id } = block;
  if (previous.text === block.text && previous.kind === block.kind) {
    return { status: 'unchanged', id, block, previous, moved };
  }
  return { status: 'changed', id, block, previous, moved, parts: diffWords(previous.text, block.text) };
}

// What the section pages share in the browser and on the server: the labels of slots, states,
// resolutions and anchor statuses in the reader's language, and a block's text cut into pieces so that
// links and commented passages (<mark>) can be drawn over the same characters.
import type {
  AnchorStatus,
  BlockKind,
  Resolution,
  SectionBlock,
  SectionSlot,
  SectionState,
} from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';

export const slotLabel = (slot: SectionSlot): string =>
  ({
    horizon: m.section_slot_horizon,
    steps: m.section_slot_steps,
    roles: m.section_slot_roles,
    actions: m.section_slot_actions,
  })[slot]();

export const stateLabel = (state: SectionState): string =>
  ({
    concept: m.section_state_concept,
    in_consultatie: m.section_state_in_consultatie,
    herzien: m.section_state_herzien,
    vastgesteld: m.section_state_vastgesteld,
  })[state]();

/** The button that moves a section into this state. */
export const transitionLabel = (state: SectionState): string =>
  ({
    concept: m.section_state_concept,
    in_consultatie: m.section_to_in_consultatie,
    herzien: m.section_to_herzien,
    vastgesteld: m.section_to_vastgesteld,
  })[state]();

export const resolutionLabel = (resolution: Resolution): string =>
  ({
    verwerkt: m.comment_resolution_verwerkt,
    niet_overgenomen: m.comment_resolution_niet_overgenomen,
    beantwoord: m.comment_resolution_beantwoord,
  })[resolution]();

export const anchorLabel = (status: AnchorStatus): string =>
  ({
    exact: m.comment_anchor_exact,
    moved: m.comment_anchor_moved,
    fuzzy: m.comment_anchor_fuzzy,
    orphaned: m.comment_anchor_orphaned,
  })[status]();

export const blockKindLabel = (kind: BlockKind): string =>
  ({
    heading: m.section_block_heading,
    paragraph: m.section_block_paragraph,
    listItem: m.section_block_list_item,
  })[kind]();

export type Piece = { text: string; href?: string | undefined; marked: boolean };

/**
 * The block's text in pieces at every edge of a link or a marked passage: each piece knows its link
 * (if any) and whether a comment covers it. Out-of-range offsets are clipped, never thrown on.
 */
export function pieces(
  block: Pick<SectionBlock, 'text' | 'links'>,
  marks: ReadonlyArray<readonly [number, number]>,
): Piece[] {
  const length = block.text.length;
  const clip = (n: number) => Math.max(0, Math.min(length, n));
  const edges = new Set<number>([0, length]);
  for (const l of block.links) edges.add(clip(l.start)).add(clip(l.end));
  for (const [s, e] of marks) edges.add(clip(s)).add(clip(e));
  const sorted = [...edges].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end <= start) continue;
    const link = block.links.find((l) => l.start <= start && l.end >= end);
    const marked = marks.some(([s, e]) => s <= start && e >= end && e > s);
    out.push({ text: block.text.slice(start, end), href: link?.href, marked });
  }
  return out;
}

/** Consecutive list items form one list; every other block stands alone. */
export function groupBlocks<T extends { kind: BlockKind }>(
  blocks: readonly T[],
): Array<{ list: boolean; items: T[] }> {
  const groups: Array<{ list: boolean; items: T[] }> = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'listItem' && last?.list) last.items.push(block);
    else groups.push({ list: block.kind === 'listItem', items: [block] });
  }
  return groups;
}

const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

/**
 * The editor writes a link as [words](https://…) in the block's text, so a plain text box is enough:
 * this turns a block into that form, and `parseLinks` turns it back into text with link offsets.
 */
export function withLinkMarkup(block: Pick<SectionBlock, 'text' | 'links'>): string {
  const links = [...block.links].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const l of links) {
    if (l.start < at || l.end > block.text.length) continue;
    out += `${block.text.slice(at, l.start)}[${block.text.slice(l.start, l.end)}](${l.href})`;
    at = l.end;
  }
  return out + block.text.slice(at);
}

export function parseLinks(markup: string): {
  text: string;
  links: Array<{ start: number; end: number; href: string }>;
} {
  const links: Array<{ start: number; end: number; href: string }> = [];
  let text = '';
  let at = 0;
  for (const match of markup.matchAll(LINK)) {
    text += markup.slice(at, match.index);
    const start = text.length;
    text += match[1]!;
    links.push({ start, end: text.length, href: match[2]! });
    at = match.index + match[0].length;
  }
  return { text: text + markup.slice(at), links };
}

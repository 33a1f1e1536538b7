import {
  anchorStatusLabels,
  resolutionLabels,
  sectionSlotLabels,
  sectionStateLabels,
  type AnchorStatus,
  type Resolution,
  type SectionSlot,
  type SectionState,
} from '@inbreng/shared';
import { describe, expect, it } from 'vitest';
import {
  anchorLabel,
  groupBlocks,
  parseLinks,
  pieces,
  resolutionLabel,
  slotLabel,
  stateLabel,
  withLinkMarkup,
} from './sections.ts';

const each = <K extends string>(labels: Record<K, string>, label: (key: K) => string) =>
  Object.fromEntries(Object.keys(labels).map((key) => [key, label(key as K)]));

describe('section labels in Dutch', () => {
  it('read as the shared contract names slots, states, resolutions and anchor statuses', () => {
    expect(each(sectionSlotLabels, (k: SectionSlot) => slotLabel(k))).toEqual(sectionSlotLabels);
    expect(each(sectionStateLabels, (k: SectionState) => stateLabel(k))).toEqual(sectionStateLabels);
    expect(each(resolutionLabels, (k: Resolution) => resolutionLabel(k))).toEqual(resolutionLabels);
    expect(each(anchorStatusLabels, (k: AnchorStatus) => anchorLabel(k))).toEqual(anchorStatusLabels);
  });
});

describe('pieces', () => {
  const block = {
    text: 'Lees de nota van Hecht over gezondheid.',
    links: [{ start: 8, end: 12, href: 'https://hecht.nl/nota' }],
  };

  it('cuts at every edge of links and marks, and the pieces give back the text', () => {
    const out = pieces(block, [[5, 16]]);
    expect(out.map((p) => p.text).join('')).toBe(block.text);
    expect(out).toEqual([
      { text: 'Lees ', href: undefined, marked: false },
      { text: 'de ', href: undefined, marked: true },
      { text: 'nota', href: 'https://hecht.nl/nota', marked: true },
      { text: ' van', href: undefined, marked: true },
      { text: ' Hecht over gezondheid.', href: undefined, marked: false },
    ]);
  });

  it('clips offsets outside the text instead of failing', () => {
    expect(pieces({ text: 'kort', links: [] }, [[2, 99]]).map((p) => [p.text, p.marked])).toEqual([
      ['ko', false],
      ['rt', true],
    ]);
  });
});

describe('links as [words](address) in the editor', () => {
  it('round-trip through the editor text', () => {
    const block = {
      text: 'Zie de nota en het plan.',
      links: [
        { start: 7, end: 11, href: 'https://hecht.nl/nota' },
        { start: 19, end: 23, href: 'https://hecht.nl/plan' },
      ],
    };
    const markup = withLinkMarkup(block);
    expect(markup).toBe('Zie de [nota](https://hecht.nl/nota) en het [plan](https://hecht.nl/plan).');
    expect(parseLinks(markup)).toEqual(block);
  });

  it('leaves other brackets and non-web addresses as plain text', () => {
    expect(parseLinks('[a](javascript:alert(1)) en [b]')).toEqual({
      text: '[a](javascript:alert(1)) en [b]',
      links: [],
    });
  });
});

describe('groupBlocks', () => {
  it('puts consecutive list items in one list', () => {
    const kinds = ['heading', 'listItem', 'listItem', 'paragraph', 'listItem'] as const;
    const groups = groupBlocks(kinds.map((kind) => ({ kind })));
    expect(groups.map((g) => [g.list, g.items.length])).toEqual([
      [false, 1],
      [true, 2],
      [false, 1],
      [true, 1],
    ]);
  });
});

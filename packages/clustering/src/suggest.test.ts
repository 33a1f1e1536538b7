import { describe, expect, it } from 'vitest';
import { suggestPlacements } from './suggest.ts';
import type { Placement, TextItem } from './types.ts';

const placed: Placement[] = [
  {
    id: 'p1',
    cluster: 'ambu',
    text: 'De ambulance doet er op het platteland te lang over; de aanrijtijden moeten omlaag.',
  },
  { id: 'p2', cluster: 'ambu', text: 'Meer standplaatsen voor ambulances zodat de normtijd gehaald wordt.' },
  { id: 'p3', cluster: 'ambu', text: 'De meldkamer moet de dichtstbijzijnde ambulance sturen.' },
  {
    id: 'p4',
    cluster: 'jeugd',
    text: 'Het consultatiebureau en de jeugdverpleegkundige zijn belangrijk voor jonge ouders.',
  },
  { id: 'p5', cluster: 'jeugd', text: 'De JGZ moet kinderen op school blijven zien.' },
  { id: 'p6', cluster: 'jeugd', text: 'Ouders van baby’s hebben vragen over voeding en slaap.' },
  { id: 'p7', cluster: 'werk', text: 'De werkdruk van collega’s is hoog, het rooster zit vol.' },
  { id: 'p8', cluster: 'werk', text: 'We hebben te weinig personeel en veel vacatures blijven open.' },
  { id: 'p9', cluster: 'werk', text: 'Verzuim door overbelasting; zorg voor meer formatie.' },
];

const unsorted: TextItem[] = [
  { id: 'u1', text: 'In de dorpen wachten mensen te lang op een ambulance.' },
  { id: 'u2', text: 'De jeugdarts op het consultatiebureau ziet ouders met hun kinderen.' },
  { id: 'u3', text: 'Het rooster is krap en collega’s melden zich ziek van de werkdruk.' },
  { id: 'u4', text: 'Aanrijtijden van ambulances in de regio halen de norm niet.' },
  { id: 'u5', text: 'Vacatures voor personeel blijven lang open; de werkdruk stijgt.' },
  { id: 'u6', text: 'Kinderen en ouders komen graag naar het consultatiebureau.' },
];

const expected: Record<string, string> = {
  u1: 'ambu',
  u2: 'jeugd',
  u3: 'werk',
  u4: 'ambu',
  u5: 'werk',
  u6: 'jeugd',
};

describe('suggestPlacements', () => {
  it('suggests the right cluster for clear cases, with confidence and terms', () => {
    const suggestions = suggestPlacements(placed, unsorted);
    expect(suggestions).toHaveLength(unsorted.length);
    for (const s of suggestions) {
      expect(s.cluster).toBe(expected[s.id]);
      expect(s.confidence).toBeGreaterThan(1 / 3);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(s.terms)).toBe(true);
    }
    const u4 = suggestions.find((s) => s.id === 'u4')!;
    expect(u4.terms.map((t) => t.toLowerCase())).toContain('ambulances');
  });

  it('is deterministic and leaves out suggestions below minConfidence', () => {
    expect(suggestPlacements(placed, unsorted)).toEqual(suggestPlacements(placed, unsorted));
    const all = suggestPlacements(placed, unsorted);
    const some = suggestPlacements(placed, unsorted, { minConfidence: 0.99 });
    expect(some.length).toBeLessThanOrEqual(all.length);
    for (const s of some) expect(s.confidence).toBeGreaterThanOrEqual(0.99);
  });

  it('handles nothing placed or nothing to sort, and reports progress', () => {
    expect(suggestPlacements([], unsorted)).toEqual([]);
    expect(suggestPlacements(placed, [])).toEqual([]);
    const stages: string[] = [];
    suggestPlacements(placed, unsorted.slice(0, 2), { onProgress: (_f, s) => stages.push(s) });
    expect(stages[0]).toBe('Teksten voorbereiden');
    expect(stages.at(-1)).toBe('Klaar');
  });
});

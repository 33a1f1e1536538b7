import { describe, expect, it } from 'vitest';
import { clusterTexts } from './cluster.ts';
import { DUTCH_STOP_WORDS } from './dutch/stopwords.ts';
import { fold } from './dutch/tokens.ts';
import type { TextItem } from './types.ts';

// A small hand-written Dutch set over three themes, written for these tests.
const THEMES: Record<string, string[]> = {
  ambulance: [
    'De aanrijtijden van de ambulance op het platteland zijn te lang, de normtijd van vijftien minuten wordt vaak niet gehaald.',
    'Meer standplaatsen voor ambulances in de dorpen zou de aanrijtijd flink verkorten.',
    'De meldkamer stuurt soms een ambulance van ver weg terwijl er een dichterbij staat.',
    'Burgerhulpverleners met een AED zijn er eerder dan de ambulance, investeer daarin.',
    'Ambulanceverpleegkundigen rijden veel ritten die geen spoed zijn; dat kan anders.',
    'Een rapid responder op de motor is sneller ter plaatse dan een ambulance in de spits.',
  ],
  jeugd: [
    'Het consultatiebureau is voor jonge ouders een vertrouwde plek, houd de jeugdverpleegkundige dichtbij.',
    'De JGZ ziet kinderen tot achttien jaar; de overgang naar de middelbare school is een kwetsbaar moment.',
    'Ouders van baby’s willen vragen over borstvoeding en slaap ook via de app kunnen stellen.',
    'Kinderen met overgewicht moeten vroeg gezien worden door de jeugdarts, samen met de ouders.',
    'Het vaccinatieprogramma voor kinderen verdient betere uitleg aan twijfelende ouders.',
    'Jeugdgezondheidszorg op school bereikt ook de kinderen die niet naar het consultatiebureau komen.',
  ],
  hitte: [
    'Tijdens een hittegolf zijn eenzame ouderen in bovenwoningen het kwetsbaarst, bel ze op.',
    'Het hitteplan van de gemeente moet eerder in werking treden, al bij dertig graden.',
    'Meer bomen en schaduw in versteende wijken helpt tegen hitte en houdt de stad koel.',
    'Koele plekken in buurthuizen en bibliotheken tijdens de hitte, en laat mensen dat weten.',
    'Klimaatverandering brengt meer hitte, droogte en teken; de GGD moet inwoners voorlichten.',
    'Drinkwater en koelte in de zomer voor daklozen en voor ouderen zonder airco.',
  ],
};

const items: TextItem[] = Object.entries(THEMES).flatMap(([theme, texts]) =>
  texts.map((text, i) => ({ id: `${theme}-${i}`, text })),
);

describe('clusterTexts', () => {
  it('is deterministic for a seed', () => {
    const a = clusterTexts(items, { seed: 7 });
    const b = clusterTexts(items, { seed: 7 });
    expect(b).toEqual(a);
  });

  it('respects a given k and returns every item once, in input order', () => {
    const result = clusterTexts(items, { k: 3, seed: 1 });
    expect(result.k).toBe(3);
    expect(result.clusters).toHaveLength(3);
    expect(result.assignments.map((a) => a.id)).toEqual(items.map((i) => i.id));
    const members = result.clusters.flatMap((c) => c.members.map((m) => m.id)).sort();
    expect(members).toEqual(items.map((i) => i.id).sort());
    for (const a of result.assignments) {
      expect(a.cluster).toBeGreaterThanOrEqual(0);
      expect(a.cluster).toBeLessThan(3);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
  });

  it('separates three clear Dutch themes when k is given', () => {
    const result = clusterTexts(items, { k: 3, seed: 1 });
    const byTheme = new Map<string, Set<number>>();
    for (const a of result.assignments) {
      const theme = a.id.split('-')[0]!;
      byTheme.set(theme, (byTheme.get(theme) ?? new Set()).add(a.cluster));
    }
    // Each theme lands (almost) wholly in one cluster: at most two clusters per theme.
    for (const set of byTheme.values()) expect(set.size).toBeLessThanOrEqual(2);
  });

  it('names clusters with two to four real words from the texts, capitalised, without stop words', () => {
    const result = clusterTexts(items, { k: 3, seed: 1 });
    const corpus = fold(items.map((i) => i.text).join(' '));
    for (const cluster of result.clusters) {
      const words = cluster.label.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(words.length).toBeLessThanOrEqual(4);
      expect(cluster.label[0]).toBe(cluster.label[0]!.toUpperCase());
      expect(new Set(words.map(fold)).size).toBe(words.length);
      for (const word of words) {
        expect(DUTCH_STOP_WORDS.has(fold(word))).toBe(false);
        // A surface form (a word as written), not a stem.
        expect(corpus).toMatch(new RegExp(`(^|[^\\p{L}])${fold(word)}([^\\p{L}]|$)`, 'u'));
      }
      expect(cluster.terms.length).toBeGreaterThan(0);
      expect(cluster.terms[0]!.weight).toBeGreaterThan(0);
    }
  });

  it('quotes members only, up to three', () => {
    const result = clusterTexts(items, { k: 3, seed: 1 });
    for (const cluster of result.clusters) {
      const ids = new Set(cluster.members.map((m) => m.id));
      expect(cluster.quotes.length).toBeGreaterThan(0);
      expect(cluster.quotes.length).toBeLessThanOrEqual(3);
      for (const q of cluster.quotes) expect(ids.has(q.id)).toBe(true);
      const scores = cluster.members.map((m) => m.score);
      expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    }
  });

  it('chooses k itself and reports the candidates', () => {
    const result = clusterTexts(items, { seed: 1 });
    expect(result.k).toBeGreaterThanOrEqual(2);
    expect(result.explanation.kCandidates.length).toBeGreaterThan(0);
    expect(result.explanation.kCandidates.map((c) => c.k)).toContain(result.k);
  });

  it('finds a near-copy as a duplicate', () => {
    const copy = { id: 'copy', text: `${items[0]!.text.replace('te lang', 'veel te lang')}!` };
    const result = clusterTexts([...items, copy], { k: 3, seed: 1 });
    expect(result.duplicates).toContainEqual([items[0]!.id, 'copy']);
    expect(result.duplicates.flat()).not.toContain(items[6]!.id);
  });

  it('handles empty, one-item and empty-text input', () => {
    expect(clusterTexts([]).clusters).toEqual([]);
    const one = clusterTexts([{ id: 'x', text: 'Meer schaduw in de wijk tijdens hitte.' }]);
    expect(one.k).toBe(1);
    expect(one.assignments).toEqual([{ id: 'x', cluster: 0, score: expect.any(Number) }]);
    expect(one.clusters[0]!.label.split(' ').length).toBeGreaterThanOrEqual(2);
    const blanks = clusterTexts([
      { id: 'a', text: '' },
      { id: 'b', text: 'ok' },
      { id: 'c', text: 'Ambulance te laat.' },
    ]);
    expect(blanks.assignments).toHaveLength(3);
    // Only words without content: every score is still a number 0…1, and names stay distinct.
    const empty = clusterTexts(
      ['ok', 'ja', '', 'nee', 'top', 'ok!'].map((text, i) => ({ id: `e${i}`, text })),
      { k: 2 },
    );
    for (const a of empty.assignments) expect(Number.isFinite(a.score)).toBe(true);
    expect(new Set(empty.clusters.map((c) => c.label)).size).toBe(2);
  });

  it('reports progress from 0 to 1 with Dutch stage names', () => {
    const calls: Array<[number, string]> = [];
    clusterTexts(items, { seed: 1, onProgress: (f, s) => calls.push([f, s]) });
    expect(calls[0]).toEqual([0, 'Teksten voorbereiden']);
    expect(calls.at(-1)).toEqual([1, 'Klaar']);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });

  it('starts from seed themes when given', () => {
    const seeds = [
      { name: 'Ambulancezorg', text: 'Aanrijtijden, meldkamer en standplaatsen van de ambulance.' },
      { name: 'Jeugdgezondheidszorg', text: 'Consultatiebureau, jeugdarts en ouders van jonge kinderen.' },
      { name: 'Hitte en klimaat', text: 'Hittegolf, schaduw, koelte en ouderen in de zomer.' },
    ];
    const result = clusterTexts(items, { seed: 1, seeds });
    expect(result.k).toBe(3);
    expect(result.assignments).toHaveLength(items.length);
  });
});

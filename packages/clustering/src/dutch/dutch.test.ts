import { describe, expect, it } from 'vitest';
import { conceptCounts } from '../features.ts';
import { CONCEPTS, createConceptMatcher } from './lexicon.ts';
import { stemDutch } from './stemmer.ts';
import { isStopWord } from './stopwords.ts';
import { tokenize } from './tokens.ts';

describe('Dutch pipeline', () => {
  it('stems as the Snowball Dutch stemmer does', () => {
    // Pairs from the Snowball reference vocabulary (snowballstem.org, Dutch).
    const pairs: Array<[string, string]> = [
      ['lichamelijk', 'licham'],
      ['lichamelijke', 'licham'],
      ['opheffen', 'opheff'],
      ['gezondheid', 'gezond'],
      ['kinderen', 'kinder'],
      ['aanrijtijden', 'aanrijtijd'],
      ['ambulances', 'ambulances'],
      ['vaccinaties', 'vaccinaties'],
      ['werkdruk', 'werkdruk'],
      ['mogelijkheden', 'mogelijk'],
    ];
    for (const [word, stem] of pairs) expect(stemDutch(word)).toBe(stem);
  });

  it('folds diacritics for matching, keeps surface forms, drops URLs and numbers', () => {
    const tokens = tokenize('Financiële zorgen bij JGZ-ouders, zie https://example.nl/x en 15 minuten.');
    expect(tokens.map((t) => t.surface)).toEqual([
      'Financiële',
      'zorgen',
      'bij',
      'JGZ',
      'ouders',
      'zie',
      'en',
      'minuten',
    ]);
    expect(tokens[0]!.folded).toBe('financiele');
    expect(tokens.find((t) => t.surface === 'bij')!.stop).toBe(true);
  });

  it('knows Snowball stop words and consultation filler', () => {
    for (const w of ['de', 'het', 'een', 'graag', 'echt', 'eigenlijk', 'vind', 'zou', 'moeten'])
      expect(isStopWord(w)).toBe(true);
    expect(isStopWord('ambulance')).toBe(false);
  });

  it('maps compounds, abbreviations and phrases to concepts', () => {
    const matcher = createConceptMatcher();
    const id = (word: string): string[] => matcher.word(word).map((i) => CONCEPTS[i]!.id);
    expect(id('jeugdgezondheidszorg')).toContain('jeugd');
    expect(id('jgz')).toContain('jeugd');
    expect(id('aanrijtijden')).toContain('ambulance');
    expect(id('hittegolf')).toContain('klimaat');
    expect(id('transport')).not.toContain('leefstijl');
    const counts = conceptCounts(tokenize('Werken met Positieve Gezondheid en het spinnenweb'));
    const pg = CONCEPTS.findIndex((c) => c.id === 'positieve_gezondheid');
    expect(counts.get(pg)).toBe(2);
  });
});

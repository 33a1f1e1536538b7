// Names and explanations: class-based TF-IDF (c-TF-IDF, as in BERTopic) over word stems, shown as the
// surface form people wrote most often. A name is two to four of the strongest terms, first one capitalised.
import { CONCEPTS, createConceptMatcher } from './dutch/lexicon.ts';
import { fold } from './dutch/tokens.ts';
import type { Corpus } from './features.ts';
import { isContent } from './features.ts';

export type TermWeight = { stem: string; term: string; weight: number; proper?: boolean };

// Real words that make a poor name: generic verbs, adjectives and nouns of any consultation, and the
// organisations' own names. They stay in the explanation, but a name is built from the words after them.
const NAME_AVOID = new Set(
  `mis kop praten dure duur mooi mooie hangen vast nauwelijks kennen helpen helpt delen ervaren lees lezen plaats eerlijk
  idee ideeen werkt werken werk extra kost kosten plek groep deel korte kort jaarlijkse jaarlijks thuis zorg ggd hecht
  aandacht probleem problemen oplossing oplossingen vraag vragen tijd snel sneller langer minder vaker hard nieuwe
  organisatie organisaties mensen collega collegas team teams goed slim handig duidelijk duidelijke
  samen elkaar plan plannen mogelijk mogelijkheid kans kansen rol rollen taak taken deelnemen regio regionale
  zaak zaken manier vorm gebied beeld aanpak regel regels stap stappen vorig vorige volgend volgende huidig huidige
  hoeveel wij jullie gewoon graag echt jaar maand week dag uur keer weinig veel grote groot klein kleine
  ziet zien zegt zeggen komt komen gaat gaan maakt maken geeft geven blijft blijven vinden vindt krijgen krijgt`
    .split(/\s+/)
    .filter(Boolean),
);

let conceptWord: ((folded: string) => number[]) | null = null;
function isConceptWord(word: string): boolean {
  conceptWord ??= createConceptMatcher(CONCEPTS).word;
  return conceptWord(fold(word)).length > 0;
}

/** Per cluster: terms by c-TF-IDF weight, strongest first (at most `top`). */
export function classTerms(corpus: Corpus, labels: Int32Array, k: number, top = 12): TermWeight[][] {
  const v = corpus.stems.length;
  const tf = new Float64Array(k * v);
  const docFreq = new Float64Array(k * v);
  const totals = new Float64Array(k);
  const sizes = new Int32Array(k);
  corpus.tokens.forEach((tokens, d) => {
    const c = labels[d]!;
    sizes[c]!++;
    const seen = new Set<number>();
    for (const t of tokens) {
      if (!isContent(t)) continue;
      const col = corpus.vocabulary.get(t.stem);
      if (col === undefined) continue;
      tf[c * v + col]!++;
      totals[c]!++;
      seen.add(col);
    }
    for (const col of seen) docFreq[c * v + col]!++;
  });
  const freq = new Float64Array(v);
  for (let c = 0; c < k; c++) for (let t = 0; t < v; t++) freq[t]! += tf[c * v + t]!;
  const average = totals.reduce((s, x) => s + x, 0) / Math.max(1, k);
  const result: TermWeight[][] = [];
  for (let c = 0; c < k; c++) {
    const minDf = sizes[c]! >= 4 ? 2 : 1;
    const scored: Array<[number, number]> = [];
    for (let t = 0; t < v; t++) {
      const count = tf[c * v + t]!;
      if (count === 0 || docFreq[c * v + t]! < minDf) continue;
      const w = (count / Math.max(1, totals[c]!)) * Math.log(1 + average / freq[t]!);
      scored.push([t, w]);
    }
    scored.sort((a, b) => b[1] - a[1] || (corpus.stems[a[0]]! < corpus.stems[b[0]]! ? -1 : 1));
    result.push(
      scored.slice(0, top).map(([t, w]) => ({
        stem: corpus.stems[t]!,
        term: surfaceOf(corpus, t),
        weight: round(w),
        proper: isProperNoun(corpus, t),
      })),
    );
  }
  return result;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The most frequent way a stem was written; lower case unless it is an abbreviation (JGZ, GHOR). */
export function surfaceOf(corpus: Corpus, col: number): string {
  let best = corpus.stems[col]!;
  let bestCount = -1;
  const lowered = new Map<string, number>();
  for (const [surface, count] of corpus.surfaces[col]!) {
    const key = isAbbreviation(surface) ? surface : surface.toLowerCase();
    lowered.set(key, (lowered.get(key) ?? 0) + count);
  }
  for (const [surface, count] of [...lowered].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count > bestCount) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

/** A term worth showing as a reason: not generic (NAME_AVOID) and not a place or organisation name. */
export function isTellingTerm(corpus: Corpus, col: number): boolean {
  return !NAME_AVOID.has(fold(surfaceOf(corpus, col))) && !isProperNoun(corpus, col);
}

/**
 * Mostly written with a capital but not in capitals throughout: a place or organisation name ("Leiden",
 * "Hecht"). Sentence-initial words are capitalised too, but not most of the time.
 */
function isProperNoun(corpus: Corpus, col: number): boolean {
  let capital = 0;
  let total = 0;
  for (const [surface, count] of corpus.surfaces[col]!) {
    total += count;
    if (/^\p{Lu}/u.test(surface) && !isAbbreviation(surface)) capital += count;
  }
  return total >= 2 && capital / total >= 0.8;
}

function isAbbreviation(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
}

/** Two to four words from the strongest terms, no repeats; the first capitalised. Avoids `taken` names. */
export function makeLabel(allTerms: TermWeight[], taken: Set<string>): string {
  // Words from the lexicon of the field name a theme better than incidental words: a gentle preference.
  const fit = (t: TermWeight): number =>
    NAME_AVOID.has(fold(t.term)) || t.proper ? 0 : t.weight * (isConceptWord(t.term) ? 1.5 : 1);
  const preferred = allTerms.filter((t) => fit(t) > 0).sort((a, b) => fit(b) - fit(a));
  const terms = preferred.length >= 2 ? preferred : allTerms;
  const words: string[] = [];
  const folded: string[] = [];
  for (const t of terms) {
    const f = t.term.toLowerCase();
    // Skip a word that repeats or contains a word already in the name ("zorg" next to "jeugdzorg").
    if (folded.some((x) => x === f || x.includes(f) || f.includes(x))) continue;
    words.push(t.term);
    folded.push(f);
    if (words.length === 3) break;
  }
  if (words.length < 2) return fallbackLabel(words, taken);
  let label = capitalise(words.join(' '));
  if (taken.has(label.toLowerCase())) {
    for (const t of terms) {
      const f = t.term.toLowerCase();
      if (folded.some((x) => x === f || x.includes(f) || f.includes(x))) continue;
      words.push(t.term);
      label = capitalise(words.join(' '));
      break;
    }
  }
  return label;
}

const FALLBACK_LABELS = [
  'Overige reacties',
  'Korte reacties',
  'Losse opmerkingen',
  'Diverse reacties',
  'Overige opmerkingen',
];

function fallbackLabel(words: string[], taken: Set<string>): string {
  // Too little text to name: still two real words, and not a name already in use where avoidable.
  if (words.length === 1) return capitalise(`${words[0]} overig`);
  return FALLBACK_LABELS.find((l) => !taken.has(l.toLowerCase())) ?? FALLBACK_LABELS[0]!;
}

function capitalise(label: string): string {
  const first = label[0];
  if (!first) return label;
  return first.toUpperCase() + label.slice(1);
}

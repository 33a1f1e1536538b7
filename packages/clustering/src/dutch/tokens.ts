// Normalisation and tokens. Matching uses a lower-case, diacritics-folded form ("financiële" → "financiele"),
// while the surface form is kept so a cluster can be named in the words people wrote.
import { stemDutch } from './stemmer.ts';
import { isStopWord } from './stopwords.ts';

export type Token = {
  /** As written (case kept), e.g. "JGZ", "Wachttijden". */
  surface: string;
  /** Lower case, diacritics folded: the key for lexicon and stop words. */
  folded: string;
  /** Snowball stem of the folded form: the key for word features and names. */
  stem: string;
  stop: boolean;
};

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/gu;
// Letters and digits with inner hyphens/apostrophes kept together ("zorg-en-veiligheidshuis", "auto's").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Lower case, diacritics folded, URLs and e-mail addresses out, whitespace collapsed: the form for shingles. */
export function normaliseText(text: string): string {
  return fold(text.replace(URL, ' ').replace(EMAIL, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const stemCache = new Map<string, string>();
function cachedStem(folded: string): string {
  let stem = stemCache.get(folded);
  if (stem === undefined) {
    stem = stemDutch(folded);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(folded, stem);
  }
  return stem;
}

/** Tokens of a text. Numbers and one-letter words are dropped; hyphenated words yield the parts too. */
export function tokenize(text: string): Token[] {
  const cleaned = text.replace(URL, ' ').replace(EMAIL, ' ');
  const out: Token[] = [];
  const push = (surface: string): void => {
    const folded = fold(surface)
      .replace(/['’]s$/u, '')
      .replace(/['’]/gu, '');
    if (folded.length < 2 || /^\d/u.test(folded)) return;
    const stop = isStopWord(folded);
    out.push({ surface, folded, stem: stop ? folded : cachedStem(folded), stop });
  };
  for (const match of cleaned.matchAll(WORD)) {
    const word = match[0];
    if (word.includes('-')) {
      // "zorg-en-veiligheidshuis" → the parts, and "zorg- en veiligheidshuis" works the same way.
      for (const part of word.split('-')) push(part);
    } else push(word);
  }
  return out;
}

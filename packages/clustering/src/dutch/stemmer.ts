// The Dutch Snowball stemmer (Porter/Kraaij–Pohlmann variant as published at snowballstem.org),
// written out here so the package has no dependency. Input: lower-case word.
// Steps follow the published algorithm: accents removed, y/i marked as consonants where they are,
// R1/R2 regions, step 1 (-heden, -en(e), -s(e)), step 2 (-e), step 3a (-heid), step 3b (-end, -ing, -ig,
// -lijk, -baar, -bar), step 4 (undouble vowel).

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'è']);
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

const ACCENTS: Record<string, string> = {
  ä: 'a',
  ë: 'e',
  ï: 'i',
  ö: 'o',
  ü: 'u',
  á: 'a',
  é: 'e',
  í: 'i',
  ó: 'o',
  ú: 'u',
};

export function stemDutch(input: string): string {
  let w = '';
  for (const ch of input) w += ACCENTS[ch] ?? ch;
  if (w.length < 3) return w;
  // Mark consonant y and i as Y and I.
  const chars = w.split('');
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === 'y' && isVowel(chars[i - 1])) chars[i] = 'Y';
    else if (chars[i] === 'i' && isVowel(chars[i - 1]) && i + 1 < chars.length && isVowel(chars[i + 1]))
      chars[i] = 'I';
  }
  w = chars.join('');
  // R1: after the first non-vowel following a vowel, at least 3 letters in; R2 likewise within R1.
  const regionAfter = (start: number): number => {
    for (let i = start + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
    return w.length;
  };
  let r1 = regionAfter(0);
  const r2 = regionAfter(r1);
  if (r1 < 3) r1 = 3;
  const inR1 = (suffixLen: number): boolean => w.length - suffixLen >= r1;
  const inR2 = (suffixLen: number): boolean => w.length - suffixLen >= r2;
  const undouble = (): void => {
    if (/(kk|dd|tt)$/.test(w)) w = w.slice(0, -1);
  };
  const validEn = (stemEnd: number): boolean => {
    const c = w[stemEnd - 1];
    return c !== undefined && !isVowel(c) && !w.slice(0, stemEnd).endsWith('gem');
  };
  const removeEn = (suffixLen: number): boolean => {
    const stemEnd = w.length - suffixLen;
    if (inR1(suffixLen) && validEn(stemEnd)) {
      w = w.slice(0, stemEnd);
      undouble();
      return true;
    }
    return false;
  };

  // Step 1
  if (w.endsWith('heden')) {
    if (inR1(5)) w = w.slice(0, -5) + 'heid';
  } else if (w.endsWith('ene')) removeEn(3);
  else if (w.endsWith('en')) removeEn(2);
  else if (w.endsWith('se') || w.endsWith('s')) {
    const len = w.endsWith('se') ? 2 : 1;
    const c = w[w.length - len - 1];
    if (inR1(len) && c !== undefined && !isVowel(c) && c !== 'j') w = w.slice(0, -len);
  }
  // Step 2
  let eFound = false;
  if (w.endsWith('e') && inR1(1) && !isVowel(w[w.length - 2]) && w.length >= 2) {
    w = w.slice(0, -1);
    eFound = true;
    undouble();
  }
  // Step 3a
  if (w.endsWith('heid') && inR2(4) && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (w.endsWith('en')) removeEn(2);
  }
  // Step 3b
  if (w.endsWith('end') || w.endsWith('ing')) {
    if (inR2(3)) {
      w = w.slice(0, -3);
      if (w.endsWith('ig') && inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
      else undouble();
    }
  } else if (w.endsWith('ig')) {
    if (inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
  } else if (w.endsWith('lijk')) {
    if (inR2(4)) {
      w = w.slice(0, -4);
      if (w.endsWith('e') && inR1(1) && !isVowel(w[w.length - 2])) {
        w = w.slice(0, -1);
        undouble();
      }
    }
  } else if (w.endsWith('baar')) {
    if (inR2(4)) w = w.slice(0, -4);
  } else if (w.endsWith('bar')) {
    if (inR2(3) && eFound) w = w.slice(0, -3);
  }
  // Step 4: undouble a vowel in a final consonant–double vowel–consonant (maan → man).
  if (w.length >= 4 && inR1(0)) {
    const n = w.length;
    const d = w[n - 1]!;
    const v1 = w[n - 2]!;
    const v2 = w[n - 3]!;
    const c = w[n - 4]!;
    if (!isVowel(d) && d !== 'I' && v1 === v2 && 'aeou'.includes(v1) && !isVowel(c))
      w = w.slice(0, n - 2) + d;
  }
  return w.replace(/Y/g, 'y').replace(/I/g, 'i');
}

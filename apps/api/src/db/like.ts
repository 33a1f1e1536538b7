// A search term as a LIKE/ILIKE pattern: what a person types is matched literally (a typed % or _ is
// not a wildcard).
const escape = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Anywhere in the text. */
export const containing = (term: string) => `%${escape(term)}%`;

/** At the start of the text. */
export const startingWith = (term: string) => `${escape(term)}%`;

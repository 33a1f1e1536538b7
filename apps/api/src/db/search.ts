// Dutch full-text search that also finds the other forms of a word. PostgreSQL's Dutch stemmer
// gives "huisarts" and "huisartsen" different stems (huisart, huisarts), so every stem of the
// search is matched as a prefix: "huisarts" then finds "huisartsen" and "huisartsenpost" too.
// The search keeps web-search syntax ("quotes", OR, -not).
import { sql, type RawBuilder } from 'kysely';

// A lexeme in the text form of a tsquery: quoted, with quotes inside doubled.
const LEXEME = "'((?:[^']|'')+)'";
const AS_PREFIX = "'\\1':*";

/** The tsquery for what a person typed. */
export function dutchQuery(q: string): RawBuilder<unknown> {
  return sql`regexp_replace(websearch_to_tsquery('dutch', ${q})::text, ${LEXEME}, ${AS_PREFIX}, 'g')::tsquery`;
}

/** `column @@ query` for a tsvector column (or expression). */
export function matchesDutch(vector: RawBuilder<unknown>, q: string): RawBuilder<boolean> {
  return sql<boolean>`${vector} @@ ${dutchQuery(q)}`;
}

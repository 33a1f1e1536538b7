// The raw input as CSV for Excel with Dutch settings, streamed in batches so a large export never sits
// in memory whole. An export leaves the programme team: every row is pseudonymised as an outsider sees it.
import { Readable } from 'node:stream';
import { organisationTypeLabels } from '@inbreng/shared';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { amsterdamToday } from '../../clock.ts';
import { neutralise } from '../../csv.ts';
import type { DB } from '../../db/schema.ts';
import * as q from './contributions.queries.ts';
import { disclosed, outsider } from './contributions.visibility.ts';

const BATCH = 500;

const header = [
  'id',
  'ronde',
  'thema',
  'bron',
  'datum',
  'groep',
  'organisatie',
  'naam',
  'zichtbaarheid',
  'tekst',
];

const visibilityWords = {
  name: 'met naam',
  organisation: 'alleen organisatie',
  anonymous: 'anoniem',
} as const;

// The same dialect as csv.ts's toCsv (semicolons, CRLF, formulas neutralised), one batch at a time.
function csvLines(rows: unknown[][]): string {
  return stringify(
    rows.map((row) => row.map(neutralise)),
    { delimiter: ';', record_delimiter: '\r\n' },
  );
}

/**
 * "Deelnemer 1, 2, …" for whoever is not named, stable within this export. Counted per author and
 * visibility: one pseudonym across someone's "organisation only" and anonymous rows would tell the
 * reader which organisation the anonymous ones came from. A contribution whose author was erased
 * gets a pseudonym of its own.
 */
function pseudonyms() {
  const seen = new Map<string, number>();
  return (row: q.ContributionRow) => {
    const key = row.author_id ? `${row.author_id}:${row.visibility}` : `contribution:${row.id}`;
    if (!seen.has(key)) seen.set(key, seen.size + 1);
    return `Deelnemer ${seen.get(key)}`;
  };
}

function toLine(row: q.ContributionRow, pseudonym: (row: q.ContributionRow) => string): unknown[] {
  const shown = disclosed(row, outsider);
  const meeting = row.source === 'meeting';
  return [
    row.id,
    row.round_title,
    row.theme_title,
    meeting ? `bijeenkomst: ${row.meeting_source ?? ''}` : 'formulier',
    meeting ? row.meeting_date : row.submitted_at && amsterdamToday(row.submitted_at),
    shown.group ? organisationTypeLabels[shown.group] : '',
    shown.organisationName ?? '',
    // Input heard in a meeting was said by a group; its recorder is not its author.
    shown.authorName ?? (meeting ? '' : pseudonym(row)),
    visibilityWords[row.visibility],
    row.body,
  ];
}

/** The submitted contributions matching `filter`, oldest first, as CSV text with a BOM. */
export function contributionsCsv(db: Kysely<DB>, filter: q.ContributionFilter): Readable {
  const pseudonym = pseudonyms();
  async function* chunks() {
    yield `\uFEFF${csvLines([header])}`;
    let cursor: q.ExportCursor | null = null;
    for (;;) {
      const batch = await q.exportBatch(db, filter, cursor, BATCH);
      if (batch.length > 0) yield csvLines(batch.map((row) => toLine(row, pseudonym)));
      if (batch.length < BATCH) return;
      const last = batch.at(-1)!;
      cursor = { at: last.cursor_at, id: last.id };
    }
  }
  return Readable.from(chunks());
}

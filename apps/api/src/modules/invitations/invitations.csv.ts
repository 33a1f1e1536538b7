// Reads the spreadsheet of people to invite: a header row, then one person per row. Accepts what
// Dutch Excel writes (semicolons, a BOM) as well as plain comma-separated files.
import { Email, PersonName, type Role, roleLabels, roles } from '@inbreng/shared';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../errors.ts';
import type { InvitationKey } from './invitations.queries.ts';

export const MAX_CSV_ROWS = 2000;

/** One data row as typed; `line` is the row number in the spreadsheet (the header is line 1). */
export type CsvInvitationRow = {
  line: number;
  email: string;
  name: string;
  organisation: string;
  role: string;
};

type Column = 'email' | 'name' | 'organisation' | 'role';

// Header cells are compared without case, spaces, hyphens and underscores: "E-mail adres" is "emailadres".
const columnNames: Record<Column, string[]> = {
  email: ['email', 'emailadres', 'emailaddress', 'mail', 'mailadres'],
  name: ['naam', 'name', 'volledigenaam', 'fullname'],
  organisation: ['organisatie', 'organisation', 'organization', 'organisatienaam'],
  role: ['rol', 'role'],
};
const requiredColumns: Column[] = ['email', 'organisation', 'role'];
const columnLabels: Record<Column, string> = {
  email: 'e-mail',
  name: 'naam',
  organisation: 'organisatie',
  role: 'rol',
};

const squash = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, '');

function invalid(message: string): AppError {
  return new AppError('VALIDATION', message, { csv: message });
}

/** The delimiter is whichever of `;`, `,` or tab occurs most in the header row (`,` when none does). */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

function parseRecords(text: string): string[][] {
  try {
    return parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // Records parsed before the broken one, header included, give the spreadsheet row it starts on.
    const line = (err as CsvError & { records?: number }).records;
    const where = typeof line === 'number' ? ` Controleer regel ${line + 1}.` : '';
    throw invalid(
      `Dit bestand kan Inbreng niet lezen als CSV.${where} Sla het in Excel op als ‘CSV (gescheiden door lijstscheidingsteken)’.`,
    );
  }
}

function columnIndexes(header: string[]): Record<Column, number> {
  const squashed = header.map(squash);
  const indexes = {} as Record<Column, number>;
  for (const column of Object.keys(columnNames) as Column[]) {
    indexes[column] = squashed.findIndex((cell) => columnNames[column].includes(cell));
  }
  const missing = requiredColumns.filter((column) => indexes[column] < 0).map((c) => `‘${columnLabels[c]}’`);
  if (missing.length > 0) {
    const which =
      missing.length === 1
        ? `De kolom ${missing[0]} ontbreekt`
        : `De kolommen ${missing.slice(0, -1).join(', ')} en ${missing.at(-1)} ontbreken`;
    throw invalid(
      `${which} in de eerste regel. Zet daar de kolomnamen e-mail, naam, organisatie en rol (naam mag leeg blijven).`,
    );
  }
  return indexes;
}

/** Reads the rows of a CSV; throws a 400 with a Dutch message on the `csv` field when the file as a whole is unusable. */
export function readInvitationCsv(csv: string): CsvInvitationRow[] {
  const text = csv.replace(/^\uFEFF/, '');
  const [header, ...records] = parseRecords(text);
  if (!header) throw invalid('Het bestand is leeg.');
  const at = columnIndexes(header);
  const cell = (record: string[], column: Column) => (at[column] < 0 ? '' : (record[at[column]] ?? ''));

  const rows: CsvInvitationRow[] = [];
  records.forEach((record, index) => {
    // Blank rows are skipped but still counted, so line numbers match the spreadsheet.
    if (record.every((value) => value === '')) return;
    rows.push({
      line: index + 2,
      email: cell(record, 'email'),
      name: cell(record, 'name'),
      organisation: cell(record, 'organisation'),
      role: cell(record, 'role'),
    });
  });
  if (rows.length === 0)
    throw invalid('Het bestand bevat geen uitnodigingen: onder de kopregel staat niemand.');
  if (rows.length > MAX_CSV_ROWS) {
    throw invalid(
      `Het bestand heeft ${rows.length.toLocaleString('nl-NL')} regels met uitnodigingen; hoogstens ${MAX_CSV_ROWS.toLocaleString('nl-NL')} tegelijk. Splits het bestand.`,
    );
  }
  return rows;
}

const roleByWord = new Map<string, Role>(
  roles.flatMap((role) => [
    [squash(role), role],
    [squash(roleLabels[role]), role],
  ]),
);

/** A role by its code (`gemeente_ambtenaar`) or its Dutch label (`Ambtenaar gemeente`), in any case. */
export function roleFromText(text: string): Role | undefined {
  return roleByWord.get(squash(text));
}

/** Finds organisations by name or slug, in any case and with any spacing. */
export function organisationFinder<O extends { slug: string; name: string }>(organisations: O[]) {
  const byWord = new Map<string, O>();
  for (const organisation of organisations) {
    byWord.set(organisation.slug, organisation);
    byWord.set(organisation.name.toLowerCase().replace(/\s+/g, ' '), organisation);
  }
  return (text: string) => byWord.get(text.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** Who is to be invited, for what: a checked row, or the form's input with its organisation looked up. */
export type InvitationTarget = InvitationKey & { name?: string | undefined; organisationName: string };

export type CheckedRow = { line: number; email: string; problems: string[]; target?: InvitationTarget };

type Lookups = {
  findOrganisation: (text: string) => { id: string; name: string } | undefined;
  /** Does the person with this address already hold this role here? */
  holds: (key: InvitationKey) => boolean;
  mayGrant: (role: Role) => boolean;
};

/** Every problem of every row, in Dutch; a row without problems carries what to invite. */
export function checkRows(
  rows: CsvInvitationRow[],
  { findOrganisation, holds, mayGrant }: Lookups,
): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return rows.map((row) => {
    const problems: string[] = [];
    const email = Email.safeParse(row.email);
    const name = row.name === '' ? undefined : PersonName.safeParse(row.name);
    const organisation = findOrganisation(row.organisation);
    const role = roleFromText(row.role);
    if (row.email === '') problems.push('e-mailadres ontbreekt');
    else if (!email.success) problems.push('ongeldig e-mailadres');
    if (name && !name.success) problems.push('naam is te lang (hoogstens 200 tekens)');
    if (row.organisation === '') problems.push('organisatie ontbreekt');
    else if (!organisation) problems.push(`onbekende organisatie ‘${row.organisation}’`);
    if (row.role === '') problems.push('rol ontbreekt');
    else if (!role) problems.push(`onbekende rol ‘${row.role}’`);
    else if (!mayGrant(role)) problems.push('alleen een beheerder kan iemand beheerder maken');

    if (!email.success || !organisation || !role)
      return { line: row.line, email: email.data ?? row.email, problems };
    const key = { email: email.data, organisationId: organisation.id, role };
    const seen = `${key.email}|${key.organisationId}|${key.role}`;
    const first = firstLineOf.get(seen);
    if (first === undefined) firstLineOf.set(seen, row.line);
    else problems.push(`dubbel in dit bestand (zie regel ${first})`);
    if (holds(key)) problems.push('heeft deze rol al');
    if (problems.length > 0) return { line: row.line, email: key.email, problems };
    return {
      line: row.line,
      email: key.email,
      problems,
      target: { ...key, name: name?.data, organisationName: organisation.name },
    };
  });
}

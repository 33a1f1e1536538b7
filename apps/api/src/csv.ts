// CSV for people who open it in Excel with Dutch settings: RFC 4180, semicolons, a BOM, and every cell
// that a spreadsheet would read as a formula neutralised (CSV injection).
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return (
    '\uFEFF' +
    stringify([header, ...rows.map((row) => row.map(neutralise))], {
      delimiter: ';',
      record_delimiter: '\r\n',
    })
  );
}

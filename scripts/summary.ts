// Totals every suite's report in .reports/ into one closing line: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

export const reportsDir = path.resolve(import.meta.dirname, '../.reports');

export type Row = { suite: string; passed: number; failed: number; skipped: number };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
export type Check = { name: string; ok: boolean };

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function collectRows(dir = reportsDir): Row[] {
  if (!fs.existsSync(dir)) return [];
  const rows: Row[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, file);
    if (file === 'checks.json') {
      for (const check of readJson<Check[]>(full)) {
        rows.push({ suite: check.name, passed: check.ok ? 1 : 0, failed: check.ok ? 0 : 1, skipped: 0 });
      }
    } else if (file.startsWith('vitest')) {
      const r = readJson<VitestReport>(full);
      rows.push({
        suite: file.replace(/\.json$/, ''),
        passed: r.numPassedTests,
        failed: r.numFailedTests,
        skipped: r.numPendingTests + r.numTodoTests,
      });
    } else if (file.startsWith('playwright')) {
      const { stats } = readJson<PlaywrightReport>(full);
      rows.push({
        suite: file.replace(/\.json$/, ''),
        passed: stats.expected + stats.flaky,
        failed: stats.unexpected,
        skipped: stats.skipped,
      });
    }
  }
  return rows;
}

export function printSummary(rows: Row[]): { passed: number; failed: number } {
  const total = rows.reduce(
    (sum, r) => ({
      passed: sum.passed + r.passed,
      failed: sum.failed + r.failed,
      skipped: sum.skipped + r.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  process.stdout.write('\nSamenvatting\n');
  for (const r of rows) {
    process.stdout.write(
      `  ${r.suite.padEnd(22)} ${String(r.passed).padStart(4)} geslaagd  ${String(r.failed).padStart(3)} mislukt` +
        (r.skipped ? `  ${r.skipped} overgeslagen` : '') +
        '\n',
    );
  }
  // CI reads only the very last line, in exactly this form; skipped tests get their own line above it.
  if (total.skipped) process.stdout.write(`(${total.skipped} overgeslagen)\n`);
  process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
  return total;
}

if (import.meta.main) {
  const { failed } = printSummary(collectRows());
  process.exit(failed > 0 ? 1 : 0);
}

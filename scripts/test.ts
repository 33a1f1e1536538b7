// `./inbreng test`: lint, typecheck, unit and API tests (embedded database, and the PostgreSQL server
// too when TEST_DATABASE_URL is set), build, end-to-end tests in Chromium; then one summary line.
// `./inbreng test unit e2e` runs only the named steps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Check, collectRows, printSummary, reportsDir } from './summary.ts';
import { buildWeb, root } from './web-build.ts';

type Step = { name: string; run: () => boolean };

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status === 0;
}

function vitest(report: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  return run(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=.reports/${report}.json`,
      ...args,
    ],
    env,
  );
}

const { TEST_DATABASE_URL, ...envWithoutServer } = process.env;

const steps: Step[] = [
  { name: 'lint', run: () => run('pnpm', ['run', 'lint']) },
  { name: 'typecheck', run: () => run('pnpm', ['run', 'typecheck']) },
  { name: 'unit', run: () => vitest('vitest-embedded', [], envWithoutServer) },
  {
    name: 'server',
    run: () => {
      if (!TEST_DATABASE_URL) {
        process.stdout.write('Geen TEST_DATABASE_URL: API-tests tegen een PostgreSQL-server overgeslagen.\n');
        return true;
      }
      return vitest('vitest-server', ['apps/api'], { ...process.env, TEST_DATABASE_URL });
    },
  },
  {
    name: 'build',
    run: () => {
      buildWeb();
      return true;
    },
  },
  {
    name: 'e2e',
    run: () => {
      if (!fs.existsSync(chromium)) {
        process.stderr.write(
          `Chromium ontbreekt (${chromium}). Installeer het met: apt-get install chromium ` +
            '(of zet CHROMIUM_PATH).\n',
        );
        return false;
      }
      return run('pnpm', ['--filter', '@inbreng/e2e', 'test']);
    },
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((s) => s.name === name));
if (unknown.length > 0) {
  process.stderr.write(
    `Onbekende stap: ${unknown.join(', ')}. Kies uit: ${steps.map((s) => s.name).join(', ')}.\n`,
  );
  process.exit(2);
}

fs.rmSync(reportsDir, { recursive: true, force: true });
fs.mkdirSync(reportsDir, { recursive: true });

const checks: Check[] = [];
for (const step of steps) {
  if (wanted.length > 0 && !wanted.includes(step.name)) continue;
  process.stdout.write(`\n━━ ${step.name} ━━\n`);
  const ok = step.run();
  // Test steps are counted test by test from their reports; a step that left no report counts as one failure.
  const report = { unit: 'vitest-embedded', server: 'vitest-server', e2e: 'playwright' }[step.name];
  if (!report || !fs.existsSync(path.join(reportsDir, `${report}.json`))) {
    if (report && ok) continue;
    checks.push({ name: step.name, ok });
  } else if (!ok && collectRows().every((row) => row.failed === 0)) {
    checks.push({ name: step.name, ok: false });
  }
}
fs.writeFileSync(path.join(reportsDir, 'checks.json'), JSON.stringify(checks));

const { failed } = printSummary(collectRows());
process.exit(failed > 0 ? 1 : 0);

// Builds the SvelteKit app when its sources are newer than the last build, so `start` stays quick.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'apps/web/build/.inbreng-built');
const inputs = [
  'apps/web/src',
  'apps/web/messages',
  'apps/web/static',
  'apps/web/project.inlang/settings.json',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/shared/src',
  'pnpm-lock.yaml',
];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    // Paraglide writes its compiled messages into src/lib/paraglide during every build.
    if (child === 'paraglide' || child === 'node_modules') continue;
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return inputs.some((input) => newestChange(path.join(root, input)) > built);
}

export function buildWeb(): void {
  process.stdout.write('inbreng: webapp bouwen…\n');
  const result = spawnSync('pnpm', ['--filter', '@inbreng/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('inbreng: het bouwen van de webapp is mislukt (zie hierboven).\n');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, new Date().toISOString());
}

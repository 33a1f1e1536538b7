// `./inbreng dev`: the API on PORT+1 restarting on change, and Vite on PORT with hot reload and /api
// forwarded to the API. Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { root } from './web-build.ts';

const port = Number(process.env.PORT ?? 3000);
const apiUrl = `http://127.0.0.1:${port + 1}`;
const env = { ...process.env, INBRENG_API_URL: apiUrl, NODE_ENV: 'development' };

const children: ChildProcess[] = [
  spawn(
    'node',
    [
      '--watch-path=apps/api/src',
      '--watch-path=packages/shared/src',
      '--watch-path=migrations',
      'apps/api/src/server.ts',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // Links in e-mails must open the Vite server, where people browse during development.
      env: {
        ...env,
        PORT: String(port + 1),
        INBRENG_WEB: '0',
        PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
      },
    },
  ),
  spawn('pnpm', ['--filter', '@inbreng/web', 'exec', 'vite', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, PORT: String(port) },
  }),
];
process.stdout.write(`inbreng: ontwikkelen op http://127.0.0.1:${port} (API op ${apiUrl})\n`);

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 9_000).unref();
  Promise.all(
    children.map(
      (c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve))),
    ),
  ).then(() => process.exit(code));
}
for (const child of children) child.once('exit', (code) => stop(code ?? 0));
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

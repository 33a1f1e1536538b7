// Configuration from the environment, validated once at start so a typo stops the start with a clear message.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', 'ja', 'nee'])
  .transform((v) => ['1', 'true', 'on', 'yes', 'ja'].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL moet beginnen met postgres:// of postgresql://')
    .optional(),
  INBRENG_DATA_DIR: z.string().min(1).default('.data'),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL moet beginnen met smtp:// of smtps://')
    .optional(),
  INBRENG_DEMO: flag.default(true),
  INBRENG_WEB: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Config = {
  port: number;
  host: string;
  /** Set: a PostgreSQL server. Unset: embedded PGlite in dataDir ("memory://" keeps it in memory). */
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  demo: boolean;
  /** Serve the built SvelteKit app from this process (off in `dev`, where Vite serves it). */
  web: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  prettyLogs: boolean;
  /** The clock the app reads; tests pin it. */
  now: () => Date;
};

export class ConfigError extends Error {}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`De configuratie klopt niet:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir:
      e.INBRENG_DATA_DIR === 'memory://' ? e.INBRENG_DATA_DIR : path.resolve(repoRoot, e.INBRENG_DATA_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    demo: e.INBRENG_DEMO,
    web: e.INBRENG_WEB,
    logLevel: e.LOG_LEVEL,
    prettyLogs: e.NODE_ENV === 'development',
    now: () => new Date(),
  };
}

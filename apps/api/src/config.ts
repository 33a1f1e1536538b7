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
  INBRENG_ADMIN_EMAIL: z.email('INBRENG_ADMIN_EMAIL moet een e-mailadres zijn').optional(),
  INBRENG_JOBS: flag.default(true),
  MAIL_FROM: z.string().min(3).default('Inbreng <inbreng@localhost>'),
  OIDC_ISSUER: z.url('OIDC_ISSUER moet een URL zijn').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).default('Inloggen met uw Hecht-account'),
  OIDC_ORGANISATION: z.string().min(1).default('ggd-hollands-midden'),
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
  /** Ensured at every start as a beheerder, so a production install without demo data can be entered. */
  adminEmail: string | undefined;
  /** Run the job worker in this process (mail, reminders). */
  jobs: boolean;
  mailFrom: string;
  /** OpenID Connect sign-in for Hecht staff; undefined when not configured. */
  oidc: OidcConfig | undefined;
  /** Serve the built SvelteKit app from this process (off in `dev`, where Vite serves it). */
  web: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  prettyLogs: boolean;
  /** The clock the app reads; tests pin it. */
  now: () => Date;
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  /** Slug of the organisation a first-time OIDC user joins as medewerker. */
  organisation: string;
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
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      'De configuratie klopt niet:\n  OIDC: zet OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET alle drie, of geen van drieën',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir:
      e.INBRENG_DATA_DIR === 'memory://' ? e.INBRENG_DATA_DIR : path.resolve(repoRoot, e.INBRENG_DATA_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    demo: e.INBRENG_DEMO,
    adminEmail: e.INBRENG_ADMIN_EMAIL?.toLowerCase(),
    jobs: e.INBRENG_JOBS,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            organisation: e.OIDC_ORGANISATION,
          }
        : undefined,
    web: e.INBRENG_WEB,
    logLevel: e.LOG_LEVEL,
    prettyLogs: e.NODE_ENV === 'development',
    now: () => new Date(),
  };
}

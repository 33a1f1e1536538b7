import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, repoRoot } from './config.ts';

describe('configuration from the environment', () => {
  it('starts on 127.0.0.1:3000 with the embedded database in .data and the demo on', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.join(repoRoot, '.data'),
      demo: true,
      web: true,
    });
  });

  it('reads every documented variable', () => {
    const config = configFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://inbreng@db:5432/inbreng',
      INBRENG_DATA_DIR: '/var/lib/inbreng',
      PUBLIC_URL: 'https://inbreng.hecht.nl/',
      SMTP_URL: 'smtp://mail.hecht.nl:587',
      INBRENG_DEMO: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://inbreng@db:5432/inbreng',
      dataDir: '/var/lib/inbreng',
      publicUrl: 'https://inbreng.hecht.nl',
      smtpUrl: 'smtp://mail.hecht.nl:587',
      demo: false,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(configFromEnv({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
    });
  });

  it('stops with a Dutch message naming each wrong variable', () => {
    expect(() => configFromEnv({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      configFromEnv({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('DATABASE_URL moet beginnen met postgres://');
    }
  });
});

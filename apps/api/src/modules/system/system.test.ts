import { ErrorBody, HealthReply, ReadyReply } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../db/database.ts';
import { createTestApp, testConfig } from '../../test/app.ts';
import { onServer } from '../../test/database.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('reports the process is up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(HealthReply.parse(response.json()).status).toBe('ok');
  });

  it('reports the database answers, and which kind it is', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.statusCode).toBe(200);
    expect(ReadyReply.parse(response.json()).database).toBe(onServer ? 'server' : 'embedded');
  });
});

describe('errors and request ids', () => {
  it('answers an unknown API address with 404 in the one error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(ErrorBody.parse(response.json()).error.code).toBe('NOT_FOUND');
  });

  it('gives every answer a request id, and keeps one a proxy sent along', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const forwarded = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'proxy-1234-abcd' },
    });
    expect(forwarded.headers['x-request-id']).toBe('proxy-1234-abcd');
  });

  it('puts the request id in an error so a person can quote it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(ErrorBody.parse(response.json()).error.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers 503 with a Dutch message while the database cannot be reached', async () => {
    // Port 1 refuses every connection: the same as a database server that is down.
    const unreachable = await openDatabase({
      databaseUrl: 'postgres://inbreng@127.0.0.1:1/inbreng',
      dataDir: '',
    });
    const app = await buildApp(testConfig(), { database: unreachable });
    const plans = await app.inject({ method: 'GET', url: '/api/plans' });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    await app.close();
    await unreachable.close();
    for (const response of [plans, ready]) {
      expect(response.statusCode).toBe(503);
      expect(ErrorBody.parse(response.json()).error).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        message: 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.',
      });
    }
  });
});

describe('OpenAPI document', () => {
  it('describes every API route, generated from the zod schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/ready', '/api/plans', '/api/plans/{plan}']),
    );
  });

  it('serves a browsable page at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

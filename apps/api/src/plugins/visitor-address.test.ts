// Which address a rate limit counts: the visitor, also when the web pages' server side makes the call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  // No https PUBLIC_URL: forwarded addresses are trusted only from this machine.
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
const signIn = (remoteAddress: string, forwardedFor: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: `bezoeker${++n}@voorbeeld.nl` },
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
  });

describe('visitor addresses', () => {
  it('counts the visitor named by the web server on this machine, not the web server itself', async () => {
    for (let i = 0; i < 30; i++) expect((await signIn('127.0.0.1', '192.0.2.1')).statusCode).toBe(202);
    expect((await signIn('127.0.0.1', '192.0.2.1')).statusCode).toBe(429);
    expect((await signIn('127.0.0.1', '192.0.2.2')).statusCode).toBe(202);
  });

  it('ignores a forwarded address sent from elsewhere', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await signIn('198.51.100.7', `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSetCookie, withQuery } from './api.ts';

describe('parseSetCookie', () => {
  it('reads the session cookie the API sets at sign-in', () => {
    const cookie = parseSetCookie(
      'inbreng_session=abc.def; Path=/; Expires=Wed, 23 Dec 2026 09:00:00 GMT; HttpOnly; SameSite=Lax',
      Date.parse('2026-11-23T09:00:00Z'),
    );
    expect(cookie?.name).toBe('inbreng_session');
    expect(cookie?.value).toBe('abc.def');
    expect(cookie?.expired).toBe(false);
    expect(cookie?.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
    expect(cookie?.options.expires?.toISOString()).toBe('2026-12-23T09:00:00.000Z');
  });

  it('sees the cookie the API clears at sign-out as expired', () => {
    const cleared = parseSetCookie(
      'inbreng_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
    );
    expect(cleared?.expired).toBe(true);
    expect(cleared?.options.secure).toBe(true);
  });

  it('ignores a header without a name', () => {
    expect(parseSetCookie('=value; Path=/')).toBeUndefined();
  });
});

describe('withQuery', () => {
  it('leaves out empty filters so the API applies its defaults', () => {
    expect(withQuery('/api/people', { page: 2, q: '', role: undefined, organisationId: null })).toBe(
      '/api/people?page=2',
    );
    expect(withQuery('/api/people')).toBe('/api/people');
  });
});

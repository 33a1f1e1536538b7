import { ErrorBody, Me, SessionList, SignedIn, SignInRequested } from '@inbreng/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { startSmtpServer } from '../../test/smtp.ts';

let clock = new Date(DEMO_NOW);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let ipCounter = 0;
/** Each test speaks from its own address, so per-IP limits of one test do not touch another. */
const freshIp = () => `10.0.0.${++ipCounter}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    config: { now: () => clock, smtpUrl: smtp.url, publicUrl: 'https://inbreng.test' },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const SANNE = 'sanne.devries@demo.inbreng.nl';

async function requestMail(email: string, ip = freshIp()) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email },
    remoteAddress: ip,
  });
  return response;
}

/** Asks for a sign-in mail and reads the link token and the code out of what the SMTP server got. */
async function signInMail(email: string) {
  const before = smtp.received.length;
  expect((await requestMail(email)).statusCode).toBe(202);
  await t.app.jobs.drain();
  await waitFor(() => smtp.received.length > before);
  const mail = smtp.received.at(-1)!;
  const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
  const token = /token=([a-z0-9]+)/.exec(mail.text)![1]!;
  return { mail, code, token };
}

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

function sessionCookie(response: { cookies: Array<{ name: string; value: string }> }) {
  const cookie = response.cookies.find((c) => c.name === 'inbreng_session');
  expect(cookie).toBeDefined();
  return `inbreng_session=${cookie!.value}`;
}

describe('signing in by e-mail', () => {
  // The per-address limit would otherwise carry over from one test to the next.
  beforeEach(async () => {
    await t.database.db.deleteFrom('rate_limit').execute();
  });

  it('sends one Dutch e-mail with a link and a six-digit code, as text and HTML', async () => {
    const { mail, code, token } = await signInMail(SANNE);
    expect(mail.to).toEqual([SANNE]);
    expect(mail.subject).toBe(`Uw inlogcode voor Inbreng: ${code}`);
    expect(mail.text).toContain('Beste Sanne de Vries,');
    expect(mail.text).toContain(`https://inbreng.test/inloggen/link?token=${token}`);
    expect(mail.html).toContain(code);
    expect(mail.html).toContain('Inloggen bij Inbreng');
  });

  it('gives the same answer for a known and an unknown address', async () => {
    const known = await requestMail(SANNE);
    const unknown = await requestMail('niemand@voorbeeld.nl');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(SignInRequested.parse(known.json())).toEqual(SignInRequested.parse(unknown.json()));
  });

  it('signs in with the code, and the session cookie is HttpOnly, Secure and SameSite=Lax', async () => {
    const { code } = await signInMail(SANNE);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/code',
      payload: { email: SANNE, code },
      remoteAddress: freshIp(),
    });
    expect(response.statusCode).toBe(200);
    expect(SignedIn.parse(response.json()).me.roles).toEqual(['programmateam']);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: sessionCookie(response) },
    });
    expect(Me.parse(me.json()).email).toBe(SANNE);
  });

  it('signs in with the link, once: the same link a second time is refused', async () => {
    const { token } = await signInMail(SANNE);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/link',
      payload: { token },
      remoteAddress: freshIp(),
    });
    expect(first.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/link',
      payload: { token },
      remoteAddress: freshIp(),
    });
    expect(again.statusCode).toBe(400);
    expect(ErrorBody.parse(again.json()).error.message).toMatch(/al gebruikt of verlopen/);
  });

  it('refuses a code that was already used', async () => {
    const { code } = await signInMail(SANNE);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/code',
      payload: { email: SANNE, code },
      remoteAddress: freshIp(),
    });
    expect(ok.statusCode).toBe(200);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/auth/code',
      payload: { email: SANNE, code },
      remoteAddress: freshIp(),
    });
    expect(reuse.statusCode).toBe(400);
    expect(ErrorBody.parse(reuse.json()).error.fields?.code).toMatch(/klopt niet of is verlopen/);
  });

  it('refuses a link and a code after fifteen minutes', async () => {
    const { code, token } = await signInMail(SANNE);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    try {
      const byLink = await t.app.inject({
        method: 'POST',
        url: '/api/auth/link',
        payload: { token },
        remoteAddress: freshIp(),
      });
      const byCode = await t.app.inject({
        method: 'POST',
        url: '/api/auth/code',
        payload: { email: SANNE, code },
        remoteAddress: freshIp(),
      });
      expect(byLink.statusCode).toBe(400);
      expect(byCode.statusCode).toBe(400);
    } finally {
      clock = new Date(DEMO_NOW);
    }
  });

  it('stops a code after five wrong tries, even when the right one follows', async () => {
    const { code } = await signInMail('ahmed.elamrani@demo.inbreng.nl');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/code',
        payload: { email: 'ahmed.elamrani@demo.inbreng.nl', code: wrong },
        remoteAddress: freshIp(),
      });
      expect(r.statusCode).toBe(400);
    }
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/code',
      payload: { email: 'ahmed.elamrani@demo.inbreng.nl', code },
      remoteAddress: freshIp(),
    });
    expect(right.statusCode).toBe(400);
  });

  it('answers 429 with Retry-After and a Dutch message after too many requests for one address', async () => {
    const email = 'marieke.jansen@demo.inbreng.nl';
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await requestMail(email);
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(ErrorBody.parse(last!.json()).error.message).toMatch(/te vaak geprobeerd/);
  });

  it('answers 429 after too many requests from one IP address, whatever the address asked for', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await requestMail(`iemand${i}@voorbeeld.nl`, ip)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('gives a Dutch message per field for a malformed address', async () => {
    const response = await requestMail('geen-adres');
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields?.email).toMatch(/geldig e-mailadres/);
  });
});

describe('sessions', () => {
  async function demoSession(account = 'medewerker') {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    expect(response.statusCode).toBe(200);
    return sessionCookie(response);
  }

  it('lists my sessions and marks the current one', async () => {
    const cookie = await demoSession();
    await demoSession();
    const response = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie } });
    const { items } = SessionList.parse(response.json());
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = await demoSession();
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(ErrorBody.parse(me.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('signs out everywhere: every session of that person ends', async () => {
    const first = await demoSession('ketenpartner');
    const second = await demoSession('ketenpartner');
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: first } });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: second } });
    expect(me.statusCode).toBe(401);
  });

  it('slides: a session used after half its life lasts another 30 days, and the cookie says so', async () => {
    const cookie = await demoSession();
    clock = new Date(clock.getTime() + 20 * 24 * 3600_000);
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(response.statusCode).toBe(200);
      const renewed = response.cookies.find((c) => c.name === 'inbreng_session');
      expect(renewed?.expires?.getTime()).toBe(clock.getTime() + 30 * 24 * 3600_000);
    } finally {
      clock = new Date(DEMO_NOW);
    }
  });

  it('ends a session that was not used for 30 days', async () => {
    const cookie = await demoSession();
    clock = new Date(clock.getTime() + 31 * 24 * 3600_000);
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
        401,
      );
    } finally {
      clock = new Date(DEMO_NOW);
    }
  });

  it('refuses a forged cookie', async () => {
    const cookie = await demoSession();
    const forged = cookie.replace(/\.[a-z0-9]+$/, '.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: forged } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a state-changing request from another website (CSRF)', async () => {
    const cookie = await demoSession();
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://kwaadwillend.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(ErrorBody.parse(crossSite.json()).error.message).toMatch(/andere website/);
    const originOnly = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://kwaadwillend.example' },
    });
    expect(originOnly.statusCode).toBe(403);
    const sameSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://inbreng.test', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends HSTS, nosniff, a strict referrer policy and a closed CSP with every API answer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('refuses a sign-in body larger than a person would ever send', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: `${'a'.repeat(10_000)}@voorbeeld.nl` },
    });
    expect(response.statusCode).toBe(413);
    expect(ErrorBody.parse(response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

import { ErrorBody, Me } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { startOidcProvider, TEST_CLIENT } from '../../test/oidc-provider.ts';
import { safeReturnTo } from './oidc.service.ts';

const PUBLIC_URL = 'http://127.0.0.1:3999';
const AHMED = 'ahmed.elamrani@demo.inbreng.nl';

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUri: `${PUBLIC_URL}/api/auth/oidc/callback`,
    accounts: {
      'hecht-0001': { email: 'Lotte.Visser@Hecht.example', email_verified: true, name: 'Lotte Visser' },
      'hecht-0002': { email: AHMED, email_verified: true, name: 'A. el Amrani' },
      'hecht-0003': { email: 'joris.smit@hecht.example', email_verified: true, name: 'Joris Smit' },
      'hecht-0004': { name: 'Zonder Adres' },
    },
  });
  t = await createTestApp({
    config: {
      publicUrl: PUBLIC_URL,
      oidc: {
        issuer: provider.issuer,
        ...TEST_CLIENT,
        label: 'Inloggen met uw Hecht-account',
        organisation: 'ggd-hollands-midden',
      },
    },
  });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** Starts at Inbreng, signs in at the provider as `accountId`, and returns what comes back. */
async function startAndSignIn(accountId: string, options: { returnTo?: string; abort?: boolean } = {}) {
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const start = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start${query}` });
  expect(start.statusCode).toBe(302);
  const pending = start.cookies.find((c) => c.name === 'inbreng_oidc');
  expect(pending).toBeDefined();
  const back = await provider.signIn(start.headers.location as string, accountId, options);
  return { start, back, cookie: `inbreng_oidc=${pending!.value}` };
}

function callback(back: URL, cookie: string) {
  return t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie } });
}

async function meWith(response: { cookies: Array<{ name: string; value: string }> }) {
  const session = response.cookies.find((c) => c.name === 'inbreng_session');
  expect(session).toBeDefined();
  const me = await t.app.inject({
    method: 'GET',
    url: '/api/me',
    headers: { cookie: `inbreng_session=${session!.value}` },
  });
  expect(me.statusCode).toBe(200);
  return Me.parse(me.json());
}

async function lastFailure() {
  const row = await t.database.db
    .selectFrom('audit_event')
    .select(['actor_id', 'details'])
    .where('action', '=', 'sign_in.failed')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { actorId: row.actor_id, details: row.details as Record<string, unknown> };
}

describe('signing in with a Hecht account', () => {
  it('sends the browser to the provider with PKCE, state and nonce, and remembers them in a short-lived cookie', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/rondes' });
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: TEST_CLIENT.clientId,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`,
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('code_challenge')).toBeTruthy();
    const cookie = start.cookies.find((c) => c.name === 'inbreng_oidc')!;
    expect(cookie).toMatchObject({ path: '/api/auth/oidc', httpOnly: true, sameSite: 'Lax', maxAge: 600 });
  });

  it('lets a first-time staff member in as medewerker of GGD Hollands Midden, and back where they were', async () => {
    const { back, cookie } = await startAndSignIn('hecht-0001', { returnTo: '/rondes/2026?tab=open' });
    const response = await callback(back, cookie);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/rondes/2026?tab=open');
    const cleared = response.cookies.find((c) => c.name === 'inbreng_oidc');
    expect(cleared?.value).toBe('');

    const me = await meWith(response);
    expect(me).toMatchObject({
      name: 'Lotte Visser',
      email: 'lotte.visser@hecht.example',
      roles: ['medewerker'],
    });
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: 'GGD Hollands Midden', role: 'medewerker' }),
    ]);
    const person = await t.database.db
      .selectFrom('person')
      .select(['oidc_subject'])
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(person.oidc_subject).toBe('hecht-0001');
  });

  it('signs a returning staff member in as the same person', async () => {
    const first = await startAndSignIn('hecht-0003');
    const firstMe = await meWith(await callback(first.back, first.cookie));
    const again = await startAndSignIn('hecht-0003');
    const response = await callback(again.back, again.cookie);
    expect(response.headers.location).toBe('/');
    expect((await meWith(response)).id).toBe(firstMe.id);
  });

  it('links a person already known by the same e-mail address instead of making a second one', async () => {
    const before = await t.database.db
      .selectFrom('person')
      .select(['id', 'name'])
      .where('email', '=', AHMED)
      .executeTakeFirstOrThrow();
    const { back, cookie } = await startAndSignIn('hecht-0002');
    const me = await meWith(await callback(back, cookie));
    expect(me).toMatchObject({ id: before.id, name: before.name, email: AHMED });

    const people = await t.database.db
      .selectFrom('person')
      .select(['oidc_subject'])
      .where('email', '=', AHMED)
      .execute();
    expect(people).toEqual([{ oidc_subject: 'hecht-0002' }]);
  });

  it('refuses a tampered state: back to the sign-in page, no session, and the refusal is logged', async () => {
    const { back, cookie } = await startAndSignIn('hecht-0001');
    back.searchParams.set('state', 'door-iemand-anders-bedacht');
    const response = await callback(back, cookie);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/inloggen?fout=oidc');
    expect(response.cookies.find((c) => c.name === 'inbreng_session')).toBeUndefined();
    expect(await lastFailure()).toEqual({
      actorId: null,
      details: { method: 'oidc', reason: 'state_mismatch' },
    });
  });

  it('refuses a callback without the cookie from the start, so a link from someone else signs no one in', async () => {
    const { back } = await startAndSignIn('hecht-0001');
    const response = await callback(back, '');
    expect(response.headers.location).toBe('/inloggen?fout=oidc');
    expect(response.cookies.find((c) => c.name === 'inbreng_session')).toBeUndefined();
    expect((await lastFailure()).details).toEqual({ method: 'oidc', reason: 'no_pending_sign_in' });
  });

  it('sends someone who cancels at the provider back to the sign-in page', async () => {
    const { back, cookie } = await startAndSignIn('hecht-0001', { abort: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    const response = await callback(back, cookie);
    expect(response.headers.location).toBe('/inloggen?fout=oidc');
    expect((await lastFailure()).details).toEqual({
      method: 'oidc',
      reason: 'provider_error',
      error: 'access_denied',
    });
  });

  it('refuses an account without an e-mail address, and logs no personal data', async () => {
    const { back, cookie } = await startAndSignIn('hecht-0004');
    const response = await callback(back, cookie);
    expect(response.headers.location).toBe('/inloggen?fout=oidc');
    expect(await lastFailure()).toEqual({
      actorId: null,
      details: { method: 'oidc', reason: 'email_missing' },
    });
    const nameless = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('name', '=', 'Zonder Adres')
      .execute();
    expect(nameless).toEqual([]);
  });
});

describe('where to go after signing in', () => {
  it.each([
    ['/rondes/2026', '/rondes/2026'],
    [undefined, '/'],
    ['https://elders.example/', '/'],
    ['//elders.example/', '/'],
    ['/\\elders.example/', '/'],
    ['/\t/elders.example/', '/'],
    ['rondes', '/'],
  ])('returnTo %j leads to %j', (returnTo, expected) => {
    expect(safeReturnTo(returnTo)).toBe(expected);
  });
});

describe('without OpenID Connect configured', () => {
  it('answers 404 on start and callback, in the API error shape, with a Dutch message', async () => {
    const plain = await createTestApp({ demo: false });
    try {
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=abc&state=def']) {
        const response = await plain.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(ErrorBody.parse(response.json()).error).toMatchObject({
          code: 'NOT_FOUND',
          message: 'Inloggen met een Hecht-account is hier niet ingesteld.',
        });
      }
    } finally {
      await plain.close();
    }
  });
});

// The route × role matrix: every route in the OpenAPI document, called by every role and by nobody,
// must be allowed or refused exactly as the policy table says. A route missing from the table fails.
import { ErrorBody, roles, type DemoAccount, type Role } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { grants, routeRule, routeRules, type Action } from './policy.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let routes: Array<{ method: string; path: string; key: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({
        method: m.toUpperCase(),
        path,
        key: `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      })),
  );
});
afterAll(() => t.close());

const accountFor: Record<Role, DemoAccount> = {
  medewerker: 'medewerker',
  adviesraad_lid: 'adviesraad_lid',
  gemeente_ambtenaar: 'gemeente_gouda',
  ketenpartner: 'ketenpartner',
  programmateam: 'programmateam',
  beheerder: 'beheerder',
};

async function sessionOf(role: Role): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/demo',
    payload: { account: accountFor[role] },
  });
  const cookie = response.cookies.find((c) => c.name === 'inbreng_session')!;
  return `inbreng_session=${cookie.value}`;
}

// Parameters get ids that exist nowhere: an allowed call then ends in 400 or 404, never in 401/403.
const concrete = (path: string) => path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');

async function call(route: { method: string; path: string }, cookie?: string) {
  return t.app.inject({
    method: route.method as 'GET',
    url: concrete(route.path),
    headers: cookie ? { cookie } : {},
    ...(route.method === 'POST' || route.method === 'PATCH' ? { payload: {} } : {}),
  });
}

function expected(rule: ReturnType<typeof routeRule>, role: Role | 'anonymous'): 'allow' | 401 | 403 {
  if (rule === 'public') return 'allow';
  if (role === 'anonymous') return 401;
  if (rule === 'signed_in') return 'allow';
  const allowed: Partial<Record<Role, string>> = grants[rule as Action];
  return allowed[role] ? 'allow' : 403;
}

describe('access control', () => {
  it('has a rule for every route in the OpenAPI document, and no rule for a route that does not exist', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !routeRule(k.split(' ')[0]!, k.split(' ')[1]!))).toEqual([]);
    expect(Object.keys(routeRules).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('allows and refuses every route for every role exactly as the policy table says', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const rule = routeRule(route.method, route.key.split(' ')[1]!);
      for (const role of ['anonymous', ...roles] as const) {
        const cookie = role === 'anonymous' ? undefined : await sessionOf(role);
        const response = await call(route, cookie);
        const want = expected(rule, role);
        const got = response.statusCode;
        const ok = want === 'allow' ? got !== 401 && got !== 403 : got === want;
        if (!ok) mismatches.push(`${route.key} as ${role}: expected ${want}, got ${got}`);
        if (got === 401 || got === 403) {
          // Refusals are in the one error shape, with a Dutch message.
          expect(ErrorBody.safeParse(response.json()).success).toBe(true);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses everyone, even a beheerder, on a route that is missing from the table (default deny)', async () => {
    const other = await createTestApp();
    try {
      other.app.get('/api/not-in-the-table', async () => ({ secret: true }));
      const cookie = `inbreng_session=${
        (
          await other.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'beheerder' } })
        ).cookies.find((c) => c.name === 'inbreng_session')!.value
      }`;
      const response = await other.app.inject({
        method: 'GET',
        url: '/api/not-in-the-table',
        headers: { cookie },
      });
      expect(response.statusCode).toBe(403);
      expect(ErrorBody.parse(response.json()).error.code).toBe('FORBIDDEN');
    } finally {
      await other.close();
    }
  });
});

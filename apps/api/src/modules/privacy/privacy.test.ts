import { ErrorBody, MyData, Page, PrivacyRequest } from '@inbreng/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signIn(account: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
  return `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
}

/** Every table and text-like column in the database, and where a value occurs in any of them. */
async function tablesContaining(value: string): Promise<string[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`.execute(
    t.database.db,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table_name)}
      WHERE ${sql.ref(column_name)}::text ILIKE ${'%' + value + '%'}`.execute(t.database.db);
    if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

describe('own data and erasure', () => {
  it('lets a person download everything stored about them, and records that', async () => {
    const cookie = await signIn('medewerker');
    const response = await t.app.inject({ method: 'GET', url: '/api/me/data', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const data = MyData.parse(response.json());
    expect(data.person).toMatchObject({ name: 'Ahmed el Amrani', email: 'ahmed.elamrani@demo.inbreng.nl' });
    expect(data.memberships.map((m) => m.role)).toEqual(['medewerker']);
    expect(data.auditEvents.some((e) => e.action === 'sign_in.succeeded')).toBe(true);
  });

  it('erases a person on request: no table keeps their name or e-mail address afterwards', async () => {
    const email = 'fatima.yilmaz@demo.inbreng.nl';
    const name = 'Fatima Yilmaz';
    const cookie = await signIn('gemeente_leiden');
    // Leave traces everywhere personal data can be: a sign-in mail, a rate-limit counter, an invitation.
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email } });
    await t.app.jobs.drain();
    await t.database.db
      .insertInto('invitation')
      .values({
        email,
        name,
        organisation_id: (
          await t.database.db
            .selectFrom('organisation')
            .select('id')
            .where('slug', '=', 'leiden')
            .executeTakeFirstOrThrow()
        ).id,
        role: 'gemeente_ambtenaar',
        token_hash: new Uint8Array(32).fill(7),
        expires_at: new Date('2030-01-01'),
      })
      .execute();
    expect(await tablesContaining(email)).not.toEqual([]);

    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/me/erasure-request',
      headers: { cookie },
      payload: { reason: `Ik, ${name}, werk niet meer bij de gemeente.` },
    });
    expect(asked.statusCode).toBe(201);
    const request = PrivacyRequest.parse(asked.json());

    const admin = await signIn('beheerder');
    const list = Page(PrivacyRequest).parse(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/admin/privacy-requests?state=requested',
          headers: { cookie: admin },
        })
      ).json(),
    );
    expect(list.items.map((r) => r.id)).toContain(request.id);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/admin/privacy-requests/${request.id}`,
      headers: { cookie: admin },
      payload: { decision: 'execute', note: 'Uitgevoerd na controle.' },
    });
    expect(done.statusCode).toBe(200);
    expect(PrivacyRequest.parse(done.json())).toMatchObject({
      state: 'done',
      personName: null,
      reason: null,
    });

    expect(await tablesContaining(email)).toEqual([]);
    expect(await tablesContaining(name)).toEqual([]);
    expect(await tablesContaining('Yilmaz')).toEqual([]);

    // Their session ended with their data; the audit log keeps that it happened, by id only.
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    const person = await t.database.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', request.personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ email: null, name: null });
    expect(person.erased_at).not.toBeNull();
  });

  it('does not carry out the same request twice', async () => {
    const cookie = await signIn('adviesraad_lid');
    const asked = PrivacyRequest.parse(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/me/erasure-request',
          headers: { cookie },
          payload: {},
        })
      ).json(),
    );
    const admin = await signIn('beheerder');
    const reject = (decision: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/privacy-requests/${asked.id}`,
        headers: { cookie: admin },
        payload: { decision },
      });
    expect((await reject('reject')).statusCode).toBe(200);
    const again = await reject('execute');
    expect(again.statusCode).toBe(409);
    expect(ErrorBody.parse(again.json()).error.message).toMatch(/al afgehandeld/);
  });

  it('refuses a medewerker who tries to handle requests', async () => {
    const cookie = await signIn('medewerker');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/privacy-requests',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
  });
});

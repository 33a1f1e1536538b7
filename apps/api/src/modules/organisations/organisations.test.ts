import { AuditEvent, ErrorBody, Organisation, Page, PersonSummary } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { slugify } from './organisations.service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let beheerder: string;
let programmateam: string;

async function signIn(account: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
  return `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
}

beforeAll(async () => {
  t = await createTestApp();
  beheerder = await signIn('beheerder');
  programmateam = await signIn('programmateam');
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('organisations', () => {
  it('knows all 18 gemeenten of Hollands Midden', async () => {
    const page = Page(Organisation).parse(
      (await get('/api/organisations?type=gemeente&pageSize=50', programmateam)).json(),
    );
    expect(page.total).toBe(18);
    expect(page.items.map((o) => o.name)).toContain('Gemeente Kaag en Braassem');
  });

  it('lists organisations a page at a time, and searches them', async () => {
    const first = Page(Organisation).parse(
      (await get('/api/organisations?pageSize=10', programmateam)).json(),
    );
    expect(first.items).toHaveLength(10);
    expect(first.total).toBeGreaterThan(28);
    const found = Page(Organisation).parse(
      (await get('/api/organisations?q=gemeente%20leid', programmateam)).json(),
    );
    expect(found.items.map((o) => o.name).sort()).toEqual(['Gemeente Leiden', 'Gemeente Leiderdorp']);
  });

  it('lets the beheerder add an organisation, and refuses a second with the same name', async () => {
    const add = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { cookie: beheerder },
        payload: { name: 'Stichting Jeugd & Gezin Rijnland', type: 'ketenpartner' },
      });
    const created = await add();
    expect(created.statusCode).toBe(201);
    expect(Organisation.parse(created.json()).slug).toBe('stichting-jeugd-gezin-rijnland');
    const again = await add();
    expect(again.statusCode).toBe(409);
    expect(ErrorBody.parse(again.json()).error.fields?.name).toMatch(/bestaat al/);
  });

  it('gives a Dutch message for an organisation without a name', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: beheerder },
      payload: { name: ' ', type: 'gemeente' },
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields?.name).toBe('Vul de naam van de organisatie in.');
  });

  it('does not let the programme team change organisations', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: programmateam },
      payload: { name: 'Iets', type: 'ketenpartner' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('makes slugs without accents or punctuation', () => {
    expect(slugify('Café “De Zorg” — Alphen a/d Rijn')).toBe('cafe-de-zorg-alphen-a-d-rijn');
  });
});

describe('people and memberships', () => {
  async function findPerson(q: string) {
    return Page(PersonSummary).parse((await get(`/api/people?q=${encodeURIComponent(q)}`, beheerder)).json())
      .items[0]!;
  }

  it('gives a person a second membership, and records who did it', async () => {
    const pieter = await findPerson('Pieter Bakker');
    const waddinxveen = Page(Organisation).parse(
      (await get('/api/organisations?q=waddinxveen', beheerder)).json(),
    ).items[0]!;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/people/${pieter.id}/memberships`,
      headers: { cookie: beheerder },
      payload: { organisationId: waddinxveen.id, role: 'gemeente_ambtenaar' },
    });
    expect(response.statusCode).toBe(201);
    expect(
      PersonSummary.parse(response.json())
        .memberships.map((m) => m.organisationName)
        .sort(),
    ).toEqual(['Gemeente Gouda', 'Gemeente Waddinxveen']);
    const log = Page(AuditEvent).parse(
      (await get('/api/admin/audit?action=membership.added', beheerder)).json(),
    );
    expect(log.items[0]).toMatchObject({ subjectId: pieter.id, actorName: 'Els de Boer' });
  });

  it('filters people by role', async () => {
    const page = Page(PersonSummary).parse(
      (await get('/api/people?role=gemeente_ambtenaar', programmateam)).json(),
    );
    expect(page.items.map((p) => p.name).sort()).toEqual(['Fatima Yilmaz', 'Pieter Bakker']);
  });

  it('records that someone looked at a person', async () => {
    const sanne = await findPerson('Sanne');
    await get(`/api/people/${sanne.id}`, programmateam);
    const log = Page(AuditEvent).parse(
      (await get('/api/admin/audit?action=personal_data.viewed', beheerder)).json(),
    );
    expect(log.items.some((e) => e.subjectId === sanne.id)).toBe(true);
  });

  it('never removes the last beheerder', async () => {
    const els = await findPerson('Els de Boer');
    const membership = els.memberships.find((m) => m.role === 'beheerder')!;
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/people/${els.id}/memberships/${membership.id}`,
      headers: { cookie: beheerder },
    });
    expect(response.statusCode).toBe(409);
    expect(ErrorBody.parse(response.json()).error.message).toMatch(/laatste beheerder/);
  });
});

describe('audit log', () => {
  it('exports as CSV for Excel, with formulas neutralised', async () => {
    // A name that a spreadsheet would run as a formula.
    await t.database.db
      .updateTable('person')
      .set({ name: '=HYPERLINK("http://kwaad.example")' })
      .where('email', '=', 'johan.visser@demo.inbreng.nl')
      .execute();
    await signIn('ketenpartner');
    const response = await get('/api/admin/audit.csv', beheerder);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="auditlog-/);
    expect(response.body.startsWith('\uFEFFtijdstip;')).toBe(true);
    expect(response.body).toContain(`'=HYPERLINK`);
    expect(response.body).not.toMatch(/;"?=HYPERLINK/);
  });

  it('filters by day', async () => {
    const page = Page(AuditEvent).parse(
      (await get('/api/admin/audit?from=2026-11-23&to=2026-11-23', beheerder)).json(),
    );
    expect(page.total).toBeGreaterThan(0);
    const none = Page(AuditEvent).parse(
      (await get('/api/admin/audit?from=2025-01-01&to=2025-01-02', beheerder)).json(),
    );
    expect(none.total).toBe(0);
  });

  it('cannot be edited, not even from inside the database', async () => {
    await expect(t.database.db.updateTable('audit_event').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
  });
});

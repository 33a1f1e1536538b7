import {
  ErrorBody,
  Invitation,
  InvitationCsvReport,
  InvitationPreview,
  Page,
  SessionList,
  SignedIn,
} from '@inbreng/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { startSmtpServer } from '../../test/smtp.ts';
import { hash } from '../identity/tokens.ts';
import { expiryFrom } from './invitations.service.ts';

let clock = new Date(DEMO_NOW);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let ipCounter = 0;
/** Each request from its own address, so per-IP limits of one test do not touch another. */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const DAY = 24 * 60 * 60 * 1000;

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
beforeEach(async () => {
  clock = new Date(DEMO_NOW);
  await t.database.db.deleteFrom('rate_limit').execute();
});

/** A session cookie of a demo account. */
async function signedIn(account: 'programmateam' | 'beheerder' | 'medewerker') {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
  expect(response.statusCode).toBe(200);
  return `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
}

async function organisationId(slug: string) {
  const row = await t.database.db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function invite(
  body: { email: string; name?: string; organisationId: string; role: string },
  account: 'programmateam' | 'beheerder' | 'medewerker' = 'programmateam',
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/invitations',
    headers: { cookie: await signedIn(account) },
    payload: body,
  });
}

/** Delivers queued mail over SMTP and returns the newest mail to this address. */
async function lastMailTo(email: string) {
  await t.app.jobs.drain();
  const mails = smtp.received.filter((m) => m.to.includes(email));
  expect(mails.length).toBeGreaterThan(0);
  return mails.at(-1)!;
}

const tokenIn = (mail: { text: string }) => /uitnodiging\?token=([a-z0-9]+)/.exec(mail.text)![1]!;

async function invited(email: string, slug = 'gouda', role = 'gemeente_ambtenaar', name?: string) {
  const response = await invite({
    email,
    organisationId: await organisationId(slug),
    role,
    ...(name ? { name } : {}),
  });
  expect(response.statusCode).toBe(201);
  const invitation = Invitation.parse(response.json());
  return { invitation, token: tokenIn(await lastMailTo(email)) };
}

function preview(token: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/invitations/preview?token=${token}`,
    remoteAddress: freshIp(),
  });
}

function accept(token: string, name = 'Nieuwe Deelnemer') {
  return t.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    payload: { token, name },
    remoteAddress: freshIp(),
  });
}

function post(url: string, account: 'programmateam' | 'beheerder' | 'medewerker' = 'programmateam') {
  return signedIn(account).then((cookie) => t.app.inject({ method: 'POST', url, headers: { cookie } }));
}

describe('how long an invitation lasts', () => {
  it('until the end of the fourteenth day in Dutch time, in winter and in summer', () => {
    expect(expiryFrom(new Date('2026-11-23T09:00:00Z')).toISOString()).toBe('2026-12-07T22:59:59.000Z');
    expect(expiryFrom(new Date('2026-06-01T22:30:00Z')).toISOString()).toBe('2026-06-16T21:59:59.000Z');
    // Across the switch to winter time on 25 October 2026.
    expect(expiryFrom(new Date('2026-10-20T10:00:00Z')).toISOString()).toBe('2026-11-03T22:59:59.000Z');
  });
});

describe('inviting one person', () => {
  it('sends a Dutch e-mail with a link to the invitation page, valid for fourteen days', async () => {
    const response = await invite({
      email: 'Jan.Smit@Gouda.nl',
      name: 'Jan Smit',
      organisationId: await organisationId('gouda'),
      role: 'gemeente_ambtenaar',
    });
    expect(response.statusCode).toBe(201);
    const invitation = Invitation.parse(response.json());
    expect(invitation).toMatchObject({
      email: 'jan.smit@gouda.nl',
      name: 'Jan Smit',
      organisationName: 'Gemeente Gouda',
      role: 'gemeente_ambtenaar',
      state: 'open',
      sentCount: 1,
    });
    // Fourteen days on, to the end of that day in Amsterdam (CET in December).
    expect(invitation.expiresAt).toBe('2026-12-07T22:59:59.000Z');

    const mail = await lastMailTo('jan.smit@gouda.nl');
    expect(mail.subject).toMatch(/^Uitnodiging voor Inbreng/);
    expect(mail.text).toContain('Beste Jan Smit,');
    expect(mail.text).toContain(
      'Sanne de Vries nodigt u uit voor Inbreng als ambtenaar van de gemeente namens Gemeente Gouda',
    );
    expect(mail.text).toContain('geldig tot en met 7 december 2026');
    expect(mail.text).toMatch(/https:\/\/inbreng\.test\/uitnodiging\?token=[a-z0-9]{32}/);
    expect(mail.html).toContain('Uitnodiging aannemen');

    const shown = await preview(tokenIn(mail));
    expect(shown.statusCode).toBe(200);
    expect(InvitationPreview.parse(shown.json())).toEqual({
      email: 'jan.smit@gouda.nl',
      name: 'Jan Smit',
      organisationName: 'Gemeente Gouda',
      role: 'gemeente_ambtenaar',
      state: 'open',
      expiresAt: '2026-12-07T22:59:59.000Z',
    });
  });

  it('keeps only a hash of the token and no address or name in the audit log', async () => {
    const { invitation, token } = await invited(
      'geheim@gouda.nl',
      'gouda',
      'gemeente_ambtenaar',
      'Geheime Naam',
    );
    const row = await t.database.db
      .selectFrom('invitation')
      .select('token_hash')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.token_hash).equals(Buffer.from(hash(token)))).toBe(true);
    const events = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('subject_id', '=', invitation.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['invitation.created']);
    expect(events[0]!.details).toEqual({
      organisationId: invitation.organisationId,
      role: 'gemeente_ambtenaar',
    });
    expect(JSON.stringify(events)).not.toMatch(/geheim|Geheime/);
  });

  it('resends an open invitation for the same address and role instead of making a second one', async () => {
    const first = await invited('twee.keer@gouda.nl');
    const again = await invite({
      email: 'twee.keer@gouda.nl',
      organisationId: first.invitation.organisationId,
      role: 'gemeente_ambtenaar',
    });
    expect(again.statusCode).toBe(200);
    const invitation = Invitation.parse(again.json());
    expect(invitation.id).toBe(first.invitation.id);
    expect(invitation.sentCount).toBe(2);
    const newToken = tokenIn(await lastMailTo('twee.keer@gouda.nl'));
    expect((await preview(first.token)).statusCode).toBe(404);
    expect((await preview(newToken)).statusCode).toBe(200);
  });

  it('refuses to invite someone for a role they already have, in Dutch', async () => {
    const response = await invite({
      email: 'sanne.devries@demo.inbreng.nl',
      organisationId: await organisationId('programmaorganisatie'),
      role: 'programmateam',
    });
    expect(response.statusCode).toBe(409);
    expect(ErrorBody.parse(response.json()).error.message).toBe(
      'Sanne de Vries is al programmateam bij Hecht programmaorganisatie. Een uitnodiging is niet nodig.',
    );
  });

  it('refuses an organisation that does not exist, on that field', async () => {
    const response = await invite({
      email: 'iemand@voorbeeld.nl',
      organisationId: '00000000-0000-4000-8000-000000000000',
      role: 'ketenpartner',
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields?.organisationId).toMatch(/bestaat niet/);
  });

  it('refuses a malformed address with a Dutch field message', async () => {
    const response = await invite({
      email: 'geen-adres',
      organisationId: await organisationId('gouda'),
      role: 'medewerker',
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields?.email).toMatch(/geldig e-mailadres/);
  });

  it('lets only a beheerder invite a beheerder', async () => {
    const body = {
      email: 'nieuwe.beheerder@hecht.nl',
      organisationId: await organisationId('programmaorganisatie'),
      role: 'beheerder',
    };
    const byTeam = await invite(body, 'programmateam');
    expect(byTeam.statusCode).toBe(403);
    expect(ErrorBody.parse(byTeam.json()).error.message).toMatch(/Alleen een beheerder/);
    expect((await invite(body, 'beheerder')).statusCode).toBe(201);
  });

  it('is not for a medewerker, nor for someone who is not signed in', async () => {
    const body = {
      email: 'x@voorbeeld.nl',
      organisationId: await organisationId('gouda'),
      role: 'medewerker',
    };
    expect((await invite(body, 'medewerker')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/invitations', payload: body });
    expect(anonymous.statusCode).toBe(401);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/invitations',
      headers: { cookie: await signedIn('medewerker') },
    });
    expect(list.statusCode).toBe(403);
  });
});

describe('accepting an invitation', () => {
  it('creates the account, adds the role and signs the person in', async () => {
    const { invitation, token } = await invited('nieuw.account@gouda.nl');
    const response = await accept(token, 'Noor Hendriks');
    expect(response.statusCode).toBe(200);
    const { me } = SignedIn.parse(response.json());
    expect(me).toMatchObject({ email: 'nieuw.account@gouda.nl', name: 'Noor Hendriks', locale: 'nl' });
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Gemeente Gouda', role: 'gemeente_ambtenaar' }),
    ]);

    const cookie = response.cookies.find((c) => c.name === 'inbreng_session')!;
    expect(cookie.httpOnly).toBe(true);
    const sessions = await t.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie: `inbreng_session=${cookie.value}` },
    });
    expect(SessionList.parse(sessions.json()).items.map((s) => s.method)).toEqual(['invitation']);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/invitations?q=${encodeURIComponent('nieuw.account')}`,
      headers: { cookie: await signedIn('programmateam') },
    });
    expect(Page(Invitation).parse(list.json()).items).toEqual([
      expect.objectContaining({ id: invitation.id, state: 'accepted' }),
    ]);
    const actions = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_id', '=', me.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'invitation.accepted',
      'membership.added',
      'sign_in.succeeded',
    ]);
  });

  it('works once: the same link a second time is refused', async () => {
    const { token } = await invited('een.keer@gouda.nl');
    expect((await accept(token)).statusCode).toBe(200);
    const again = await accept(token);
    expect(again.statusCode).toBe(400);
    expect(ErrorBody.parse(again.json()).error.message).toMatch(/al aangenomen/);
    expect(InvitationPreview.parse((await preview(token)).json()).state).toBe('accepted');
  });

  it('refuses an invitation past its fourteen days, and the page can say why', async () => {
    const { token } = await invited('te.laat@gouda.nl');
    clock = new Date(DEMO_NOW.getTime() + 15 * DAY);
    const response = await accept(token);
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.message).toBe(
      'Deze uitnodiging is verlopen. Vraag het programmateam om een nieuwe.',
    );
    expect(InvitationPreview.parse((await preview(token)).json()).state).toBe('expired');
    const person = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'te.laat@gouda.nl')
      .executeTakeFirst();
    expect(person).toBeUndefined();
  });

  it('gives someone who already has an account the new role and keeps their name', async () => {
    const { token } = await invited('ahmed.elamrani@demo.inbreng.nl', 'klankbordgroep', 'adviesraad_lid');
    const response = await accept(token, 'Een Andere Naam');
    const { me } = SignedIn.parse(response.json());
    expect(me.name).toBe('Ahmed el Amrani');
    expect(me.memberships.map((m) => m.role).sort()).toEqual(['adviesraad_lid', 'medewerker']);
  });

  it('answers an unknown link with 404 and a Dutch message', async () => {
    const unknown = 'a'.repeat(32);
    const shown = await preview(unknown);
    expect(shown.statusCode).toBe(404);
    expect(ErrorBody.parse(shown.json()).error.message).toMatch(/bestaat niet/);
    expect((await accept(unknown)).statusCode).toBe(404);
  });

  it('limits how often one address may try links', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/invitations/preview?token=${'b'.repeat(32)}`,
        remoteAddress: '10.9.9.9',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('resending and revoking', () => {
  it('resends with a new link and expiry; the old link stops working', async () => {
    const { invitation, token } = await invited('opnieuw@gouda.nl');
    clock = new Date(DEMO_NOW.getTime() + 20 * DAY);
    expect(InvitationPreview.parse((await preview(token)).json()).state).toBe('expired');

    const response = await post(`/api/invitations/${invitation.id}/resend`);
    expect(response.statusCode).toBe(200);
    const resent = Invitation.parse(response.json());
    expect(resent).toMatchObject({ state: 'open', sentCount: 2, lastSentAt: clock.toISOString() });
    expect(new Date(resent.expiresAt).getTime()).toBeGreaterThan(clock.getTime() + 14 * DAY);

    const newToken = tokenIn(await lastMailTo('opnieuw@gouda.nl'));
    expect(newToken).not.toBe(token);
    expect((await accept(token)).statusCode).toBe(404);
    expect((await accept(newToken)).statusCode).toBe(200);
    const afterAccept = await post(`/api/invitations/${invitation.id}/resend`);
    expect(afterAccept.statusCode).toBe(409);
    expect(ErrorBody.parse(afterAccept.json()).error.message).toMatch(/al aangenomen/);
  });

  it('revokes: the link no longer works and the invitation cannot be resent', async () => {
    const { invitation, token } = await invited('ingetrokken@gouda.nl');
    const response = await post(`/api/invitations/${invitation.id}/revoke`);
    expect(response.statusCode).toBe(200);
    expect(Invitation.parse(response.json()).state).toBe('revoked');
    expect(InvitationPreview.parse((await preview(token)).json()).state).toBe('revoked');
    const refused = await accept(token);
    expect(refused.statusCode).toBe(400);
    expect(ErrorBody.parse(refused.json()).error.message).toMatch(/ingetrokken/);
    expect((await post(`/api/invitations/${invitation.id}/resend`)).statusCode).toBe(409);
    // Revoking again changes nothing and is not an error.
    expect((await post(`/api/invitations/${invitation.id}/revoke`)).statusCode).toBe(200);
    const audits = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_id', '=', invitation.id)
      .where('action', '=', 'invitation.revoked')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('answers 404 for an invitation that does not exist', async () => {
    const response = await post('/api/invitations/00000000-0000-4000-8000-000000000000/resend');
    expect(response.statusCode).toBe(404);
  });
});

describe('listing invitations', () => {
  it('pages through the invitations, newest first, and filters on state and text', async () => {
    const cookie = await signedIn('beheerder');
    const leiden = await organisationId('leiden');
    for (const [i, email] of [
      'lijst.een@leiden.nl',
      'lijst.twee@leiden.nl',
      'lijst.drie@leiden.nl',
    ].entries()) {
      clock = new Date(DEMO_NOW.getTime() + (i + 1) * 60_000);
      expect(
        (await invite({ email, organisationId: leiden, role: 'gemeente_ambtenaar' }, 'beheerder')).statusCode,
      ).toBe(201);
    }
    const get = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/invitations?${query}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      return Page(Invitation).parse(response.json());
    };
    const first = await get('q=lijst.&pageSize=2');
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.items.map((i) => i.email)).toEqual(['lijst.drie@leiden.nl', 'lijst.twee@leiden.nl']);
    const second = await get('q=lijst.&pageSize=2&page=2');
    expect(second.items.map((i) => i.email)).toEqual(['lijst.een@leiden.nl']);

    clock = new Date(DEMO_NOW.getTime() + 20 * DAY);
    expect((await get('q=lijst.&state=expired')).total).toBe(3);
    expect((await get('q=lijst.&state=open')).total).toBe(0);
    // A LIKE wildcard typed by a person is searched for literally.
    expect((await get('q=lijst%25drie')).total).toBe(0);
  });
});

describe('inviting many people with a CSV', () => {
  async function upload(csv: string, account: 'programmateam' | 'beheerder' = 'programmateam') {
    return t.app.inject({
      method: 'POST',
      url: '/api/invitations/csv',
      headers: { cookie: await signedIn(account) },
      payload: { csv },
    });
  }

  it('invites the good rows and reports each bad row with its line and a Dutch reason', async () => {
    // As Dutch Excel saves it: a BOM, semicolons, CRLF, a blank row.
    const csv =
      '\uFEFFE-mailadres;Naam;Organisatie;Rol\r\n' +
      'anna@katwijk.nl;Anna de Wit;Gemeente Katwijk;Ambtenaar gemeente\r\n' +
      'geen-adres;Bram;Gemeente Katwijk;medewerker\r\n' +
      'carla@utrecht.nl;Carla;Gemeente Utrecht;gemeente_ambtenaar\r\n' +
      ';;;\r\n' +
      'dirk@katwijk.nl;Dirk;katwijk;opperhoofd\r\n' +
      'ANNA@katwijk.nl;Anna;gemeente katwijk;gemeente_ambtenaar\r\n' +
      'eva@ggd.nl;"Vries, Eva de";GGD Hollands Midden;Medewerker\r\n' +
      'sanne.devries@demo.inbreng.nl;;programmaorganisatie;programmateam\r\n' +
      'fleur@hecht.nl;Fleur;programmaorganisatie;beheerder\r\n';
    const response = await upload(csv);
    expect(response.statusCode).toBe(200);
    const report = InvitationCsvReport.parse(response.json());
    expect(report.accepted).toBe(2);
    expect(report.rejected).toBe(6);
    expect(report.rows.map((r) => [r.line, r.email, r.accepted, r.reason])).toEqual([
      [2, 'anna@katwijk.nl', true, undefined],
      [3, 'geen-adres', false, 'ongeldig e-mailadres'],
      [4, 'carla@utrecht.nl', false, 'onbekende organisatie ‘Gemeente Utrecht’'],
      [6, 'dirk@katwijk.nl', false, 'onbekende rol ‘opperhoofd’'],
      [7, 'anna@katwijk.nl', false, 'dubbel in dit bestand (zie regel 2)'],
      [8, 'eva@ggd.nl', true, undefined],
      [9, 'sanne.devries@demo.inbreng.nl', false, 'heeft deze rol al'],
      [10, 'fleur@hecht.nl', false, 'alleen een beheerder kan iemand beheerder maken'],
    ]);

    const stored = await t.database.db
      .selectFrom('invitation as i')
      .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
      .select(['i.email', 'i.name', 'o.slug', 'i.role'])
      .where('i.email', 'in', [
        'anna@katwijk.nl',
        'geen-adres',
        'carla@utrecht.nl',
        'dirk@katwijk.nl',
        'eva@ggd.nl',
        'fleur@hecht.nl',
      ])
      .orderBy('i.email')
      .execute();
    expect(stored).toEqual([
      { email: 'anna@katwijk.nl', name: 'Anna de Wit', slug: 'katwijk', role: 'gemeente_ambtenaar' },
      { email: 'eva@ggd.nl', name: 'Vries, Eva de', slug: 'ggd-hollands-midden', role: 'medewerker' },
    ]);
    expect((await lastMailTo('anna@katwijk.nl')).text).toContain('Beste Anna de Wit,');
    expect(tokenIn(await lastMailTo('eva@ggd.nl'))).toMatch(/^[a-z0-9]{32}$/);
  });

  it('reads a comma-separated file, and lets a beheerder invite a beheerder', async () => {
    const response = await upload(
      'email,name,organisation,role\nnieuwe.beheerder2@hecht.nl,Gijs,Hecht programmaorganisatie,Beheerder\n',
      'beheerder',
    );
    const report = InvitationCsvReport.parse(response.json());
    expect(report).toMatchObject({ accepted: 1, rejected: 0 });
    expect(report.rows[0]).toMatchObject({ line: 2, accepted: true, resent: false });
  });

  it('resends an open invitation that is in the file again', async () => {
    const { invitation } = await invited('al.uitgenodigd@gouda.nl');
    const report = InvitationCsvReport.parse(
      (
        await upload('e-mail;naam;organisatie;rol\nal.uitgenodigd@gouda.nl;;gouda;gemeente_ambtenaar\n')
      ).json(),
    );
    expect(report.rows[0]).toMatchObject({ accepted: true, resent: true, invitationId: invitation.id });
  });

  it('refuses a file without the required columns, on the csv field', async () => {
    const response = await upload('e-mail;naam\nx@voorbeeld.nl;X\n');
    expect(response.statusCode).toBe(400);
    const { error } = ErrorBody.parse(response.json());
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.csv).toMatch(/De kolommen ‘organisatie’ en ‘rol’ ontbreken/);
  });

  it('refuses more than 2,000 rows at once, and invites nobody', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => `veel${i}@gouda.nl;;gouda;medewerker`);
    const response = await upload(['e-mail;naam;organisatie;rol', ...rows].join('\n'));
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields?.csv).toMatch(/hoogstens 2\.000/);
    const count = await t.database.db
      .selectFrom('invitation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'like', 'veel%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('is not for a medewerker', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/csv',
      headers: { cookie: await signedIn('medewerker') },
      payload: { csv: 'e-mail;naam;organisatie;rol\n' },
    });
    expect(response.statusCode).toBe(403);
  });
});

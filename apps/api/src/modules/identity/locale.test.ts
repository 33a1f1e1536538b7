// A person's language, remembered in their profile: PATCH /api/me saves it, and the mails Inbreng
// sends them (sign-in, round notices) are written in it. Dutch stays the default and stays unchanged.
import { ErrorBody, Me } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { createRound } from '../../test/rounds.ts';
import { queueRoundNotices } from '../rounds/rounds.notices.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let me: Me;

beforeAll(async () => {
  t = await createTestApp({ config: { now: () => DEMO_NOW, publicUrl: 'https://inbreng.test' } });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/demo',
    payload: { account: 'medewerker' },
  });
  cookie = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  me = Me.parse((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json());
});
afterAll(() => t.close());

const patchMe = async (payload: object) =>
  await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload });

/** The mails of a kind to this person, as they were queued (the clock stands still, so no order by time). */
const mailsOf = (kind: string) =>
  t.database.db
    .selectFrom('mail_message')
    .select(['id', 'subject', 'text_body', 'html_body'])
    .where('person_id', '=', me.id)
    .where('kind', '=', kind)
    .execute();

/** Runs `send` and returns the one mail of this kind it queued. */
async function newMail(kind: string, send: () => Promise<unknown>) {
  const before = new Set((await mailsOf(kind)).map((m) => m.id));
  await send();
  const added = (await mailsOf(kind)).filter((m) => !before.has(m.id));
  expect(added).toHaveLength(1);
  return added[0]!;
}

let ip = 0;
const requestSignIn = () =>
  newMail('sign_in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: me.email },
      remoteAddress: `10.9.0.${++ip}`,
    });
    expect(response.statusCode).toBe(202);
  });

async function roundOpenedMail(title: string) {
  const { roundId } = await createRound(t.database.db, { title, groups: ['medewerker'] });
  return newMail('round.opened', () =>
    t.database.db
      .transaction()
      .execute((trx) => queueRoundNotices(trx, roundId, 'opened', DEMO_NOW, 'https://inbreng.test')),
  );
}

describe('the language in the profile', () => {
  it('refuses a language other than nl or en, with a Dutch message', async () => {
    const response = await patchMe({ locale: 'fr' });
    expect(response.statusCode).toBe(400);
    const body = ErrorBody.parse(response.json());
    expect(JSON.stringify(body)).toContain('Kies Nederlands (nl) of Engels (en).');
  });

  it('still refuses an empty name when a name is sent', async () => {
    const response = await patchMe({ name: ' ', locale: 'nl' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('Vul een naam in.');
  });

  it('writes Dutch mails by default, unchanged', async () => {
    expect(me.locale).toBe('nl');
    const signIn = await requestSignIn();
    expect(signIn.subject).toMatch(/^Uw inlogcode voor Inbreng: \d{6}$/);
    expect(signIn.text_body).toContain('U vroeg om in te loggen bij Inbreng.');
    expect(signIn.html_body).toContain('<html lang="nl">');
    const round = await roundOpenedMail('Ronde in het Nederlands');
    expect(round.subject).toBe('Uw inbreng is welkom: Ronde in het Nederlands');
    expect(round.text_body).toContain('4 december 2026');
  });

  it('saves only the language when no name is sent, and keeps the name', async () => {
    const response = await patchMe({ locale: 'en' });
    expect(response.statusCode).toBe(200);
    const saved = Me.parse(response.json());
    expect(saved.locale).toBe('en');
    expect(saved.name).toBe(me.name);
  });

  it('then writes the sign-in mail and a round notice in English', async () => {
    const signIn = await requestSignIn();
    expect(signIn.subject).toMatch(/^Your sign-in code for Inbreng: \d{6}$/);
    expect(signIn.text_body).toContain('You asked to sign in to Inbreng.');
    expect(signIn.html_body).toContain('<html lang="en">');
    const round = await roundOpenedMail('Round in English');
    expect(round.subject).toBe('Your input is welcome: Round in English');
    expect(round.text_body).toContain('4 December 2026');
    expect(round.html_body).toContain('<html lang="en">');
  });

  it('still takes a name and a language together, as the profile form sends them', async () => {
    const response = await patchMe({ name: 'Sanne de Vries-Bakker', locale: 'nl' });
    expect(response.statusCode).toBe(200);
    expect(Me.parse(response.json())).toMatchObject({ name: 'Sanne de Vries-Bakker', locale: 'nl' });
  });
});

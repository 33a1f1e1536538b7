import type { AddressInfo } from 'node:net';
import {
  ErrorBody,
  GemeenteResponse,
  MyResponses,
  ReminderResult,
  ResponseAnswer,
  ResponseConflict,
  ResponsePresence,
  Tracker,
} from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../identity/sessions.ts';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { createRound, type RoundFixture } from '../../test/rounds.ts';
import { startSmtpServer } from '../../test/smtp.ts';
import { invitedOrganisations } from './responses.queries.ts';
import { forgetResponsesOf } from './responses.service.ts';

let clock = new Date(DEMO_NOW);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Record<string, string> = {};
const org: Record<string, string> = {};
const people: Record<string, string> = {};

async function as(account: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return { cookie: cookies[account]! };
}

/** A second official of a gemeente, signed in; `notify` as they chose. */
async function addOfficial(key: string, name: string, email: string, slug: string, notify = 'immediate') {
  const db = t.database.db;
  const person = await db
    .insertInto('person')
    .values({ name, email, notify: notify as 'immediate' | 'daily' | 'none' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: org[slug]!, role: 'gemeente_ambtenaar' })
    .execute();
  const { token } = await createSession(db, person.id, 'demo', 'test', clock);
  cookies[key] = `inbreng_session=${token}`;
  people[key] = person.id;
}

async function waitFor(check: () => boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const responseUrl = (round: RoundFixture, slug: string) =>
  `/api/rounds/${round.roundId}/responses/${org[slug]}`;
const firstQuestions = (round: RoundFixture) => round.questionIds[round.themeIds[0]!]!;

async function save(
  who: string,
  round: RoundFixture,
  slug: string,
  questionId: string,
  text: string,
  baseVersion: number,
) {
  return t.app.inject({
    method: 'PUT',
    url: `${responseUrl(round, slug)}/answers/${questionId}`,
    headers: await as(who),
    payload: { questionId, text, baseVersion },
  });
}

async function read(who: string, round: RoundFixture, slug: string) {
  return t.app.inject({ method: 'GET', url: responseUrl(round, slug), headers: await as(who) });
}

async function post(who: string, url: string, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: await as(who), ...(payload ? { payload } : {}) });
}

const questions = [
  { kind: 'open' as const, prompt: 'Wat vraagt uw gemeente van Hecht?', required: true },
  { kind: 'addition' as const, prompt: 'Wat zou u toevoegen?' },
  { kind: 'scale' as const, prompt: 'Hoe tevreden bent u over de samenwerking?' },
];

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    config: { now: () => clock, smtpUrl: smtp.url, publicUrl: 'https://inbreng.test' },
  });
  for (const o of await t.database.db.selectFrom('organisation').select(['id', 'slug']).execute())
    org[o.slug] = o.id;
  for (const p of await t.database.db.selectFrom('person').select(['id', 'email']).execute())
    people[p.email!.split('@')[0]!] = p.id;
  await addOfficial('gouda_2', 'Lotte van Dijk', 'lotte.vandijk@gouda.example', 'gouda');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('officials of one gemeente writing its response together', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, { groups: ['gemeente_ambtenaar'], themeCount: 1, questions });
  });

  it('starts as not started, with the round’s questions and themes, editable by its officials', async () => {
    const response = GemeenteResponse.parse((await read('gemeente_gouda', round, 'gouda')).json());
    expect(response).toMatchObject({ id: null, state: 'not_started', organisationName: 'Gemeente Gouda' });
    expect(response.editable).toBe(true);
    expect(response.questions.map((q) => q.prompt)).toEqual(questions.map((q) => q.prompt));
    expect(response.themes).toHaveLength(1);
    // The programme team reads along but does not write.
    const team = GemeenteResponse.parse((await read('programmateam', round, 'gouda')).json());
    expect(team.editable).toBe(false);
  });

  it('keeps the different answers of two officials, each with who saved it', async () => {
    const [q1, q2] = firstQuestions(round);
    const first = await save('gemeente_gouda', round, 'gouda', q1!, 'Meer preventie in de wijken.', 0);
    expect(first.statusCode).toBe(200);
    expect(ResponseAnswer.parse(first.json())).toMatchObject({ version: 1, updatedBy: 'Pieter Bakker' });
    const second = await save('gouda_2', round, 'gouda', q2!, 'Samenwerking met het sociaal team.', 0);
    expect(ResponseAnswer.parse(second.json())).toMatchObject({ version: 1, updatedBy: 'Lotte van Dijk' });

    const response = GemeenteResponse.parse((await read('gouda_2', round, 'gouda')).json());
    expect(response.state).toBe('drafting');
    expect(response.answers.map((a) => [a.text, a.updatedBy]).sort()).toEqual([
      ['Meer preventie in de wijken.', 'Pieter Bakker'],
      ['Samenwerking met het sociaal team.', 'Lotte van Dijk'],
    ]);
  });

  it('shows both texts when two officials change the same answer, and overwrites nothing', async () => {
    const [q1] = firstQuestions(round);
    const pieter = await save('gemeente_gouda', round, 'gouda', q1!, 'Meer preventie, ook op scholen.', 1);
    expect(ResponseAnswer.parse(pieter.json()).version).toBe(2);

    const lotte = await save('gouda_2', round, 'gouda', q1!, 'Meer preventie en vroegsignalering.', 1);
    expect(lotte.statusCode).toBe(409);
    const conflict = ResponseConflict.parse(lotte.json()).error;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/^Pieter Bakker heeft dit antwoord intussen gewijzigd\..*voeg ze samen/);
    expect(conflict.theirs).toMatchObject({ text: 'Meer preventie, ook op scholen.', version: 2 });
    expect(conflict.yours.text).toBe('Meer preventie en vroegsignalering.');

    const stored = GemeenteResponse.parse((await read('gemeente_gouda', round, 'gouda')).json());
    expect(stored.answers.find((a) => a.questionId === q1)).toMatchObject({
      text: 'Meer preventie, ook op scholen.',
      version: 2,
    });

    const merged = await save(
      'gouda_2',
      round,
      'gouda',
      q1!,
      'Meer preventie, ook op scholen, en vroegsignalering.',
      2,
    );
    expect(ResponseAnswer.parse(merged.json())).toMatchObject({ version: 3, updatedBy: 'Lotte van Dijk' });
  });

  it('also refuses a second first answer to the same question', async () => {
    const [, , q3] = firstQuestions(round);
    await save('gemeente_gouda', round, 'gouda', q3!, 'Tevreden.', 0);
    const late = await save('gouda_2', round, 'gouda', q3!, 'Redelijk tevreden.', 0);
    expect(late.statusCode).toBe(409);
    expect(ResponseConflict.parse(late.json()).error.theirs.text).toBe('Tevreden.');
  });

  it('shows who else has the response open, for 30 seconds after their last heartbeat', async () => {
    const presence = (who: string) => post(who, `${responseUrl(round, 'gouda')}/presence`);
    await presence('gemeente_gouda');
    const lotte = ResponsePresence.parse((await presence('gouda_2')).json());
    expect(lotte.editors.map((e) => e.name)).toEqual(['Pieter Bakker']);
    const pieterSees = GemeenteResponse.parse((await read('gemeente_gouda', round, 'gouda')).json());
    expect(pieterSees.editors.map((e) => e.name)).toEqual(['Lotte van Dijk']);

    clock = new Date(clock.getTime() + 31_000);
    const later = GemeenteResponse.parse((await read('gemeente_gouda', round, 'gouda')).json());
    expect(later.editors).toEqual([]);
  });

  it('an official of another gemeente can neither read nor write it', async () => {
    const [q1] = firstQuestions(round);
    expect((await read('gemeente_leiden', round, 'gouda')).statusCode).toBe(404);
    expect((await save('gemeente_leiden', round, 'gouda', q1!, 'Van Leiden.', 0)).statusCode).toBe(404);
    expect((await post('gemeente_leiden', `${responseUrl(round, 'gouda')}/presence`)).statusCode).toBe(404);
    expect((await post('gemeente_leiden', `${responseUrl(round, 'gouda')}/submit`)).statusCode).toBe(404);
    const follow = await t.app.inject({
      method: 'GET',
      url: `/api/events?topic=response:${round.roundId}:${org.gouda}`,
      headers: await as('gemeente_leiden'),
    });
    expect(follow.statusCode).toBe(403);
    // Their own gemeente's response they can open.
    const own = GemeenteResponse.parse((await read('gemeente_leiden', round, 'leiden')).json());
    expect(own.state).toBe('not_started');
  });

  it('does not exist for an organisation the round does not ask, and not at all for staff', async () => {
    expect((await read('programmateam', round, 'veiligheidsregio-hollands-midden')).statusCode).toBe(404);
    expect((await read('medewerker', round, 'gouda')).statusCode).toBe(403);
  });

  it('cannot be submitted empty, nor with a required question unanswered', async () => {
    const empty = await post('gemeente_leiden', `${responseUrl(round, 'leiden')}/submit`);
    expect(empty.statusCode).toBe(400);
    expect(ErrorBody.parse(empty.json()).error.message).toMatch(/nog leeg/);

    const [q1, q2] = firstQuestions(round);
    await save('gemeente_leiden', round, 'leiden', q2!, 'Aandacht voor mantelzorgers.', 0);
    const incomplete = await post('gemeente_leiden', `${responseUrl(round, 'leiden')}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(ErrorBody.parse(incomplete.json()).error.fields).toEqual({
      [`answers.${q1}`]: 'Deze vraag is verplicht.',
    });
  });

  it('is locked once one official submits it; submitting again changes nothing', async () => {
    const submitted = await post('gemeente_gouda', `${responseUrl(round, 'gouda')}/submit`);
    expect(submitted.statusCode).toBe(200);
    const response = GemeenteResponse.parse(submitted.json());
    expect(response).toMatchObject({ state: 'submitted', submittedBy: 'Pieter Bakker', editable: false });

    const again = GemeenteResponse.parse(
      (await post('gouda_2', `${responseUrl(round, 'gouda')}/submit`)).json(),
    );
    expect(again).toMatchObject({ state: 'submitted', submittedBy: 'Pieter Bakker' });
    expect(again.submittedAt).toBe(response.submittedAt);

    const [q1] = firstQuestions(round);
    const late = await save('gouda_2', round, 'gouda', q1!, 'Nog een aanvulling.', 3);
    expect(late.statusCode).toBe(409);
    expect(ErrorBody.parse(late.json()).error.message).toBe(
      'Deze reactie is ingediend en daarom vergrendeld. Het programmateam kan hem heropenen.',
    );
    const logged = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'organisation_id'])
      .where('action', '=', 'response.submitted')
      .execute();
    expect(logged).toEqual([{ actor_id: people['pieter.bakker'], organisation_id: org.gouda }]);
  });

  it('is reopened only by the programme team, with a reason that the officials receive by mail', async () => {
    const url = `${responseUrl(round, 'gouda')}/reopen`;
    const reason = 'Graag ook iets over de jeugdgezondheidszorg toevoegen.';
    expect((await post('gemeente_gouda', url, { reason })).statusCode).toBe(403);
    expect((await post('programmateam', url, { reason: 'nee' })).statusCode).toBe(400);

    const before = smtp.received.length;
    const reopened = GemeenteResponse.parse((await post('programmateam', url, { reason })).json());
    expect(reopened).toMatchObject({ state: 'drafting', reopenedReason: reason, submittedBy: null });

    await t.app.jobs.drain();
    await waitFor(() => smtp.received.length >= before + 2);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'lotte.vandijk@gouda.example',
      'pieter.bakker@demo.inbreng.nl',
    ]);
    expect(mails[0]!.text).toContain(`Uw reactie is heropend: ${reason}`);
    expect(mails[0]!.text).toContain(`https://inbreng.test/reacties/${round.roundId}/${org.gouda}`);

    const [q1] = firstQuestions(round);
    const edited = await save(
      'gouda_2',
      round,
      'gouda',
      q1!,
      'Meer preventie, ook op scholen en in de JGZ.',
      3,
    );
    expect(ResponseAnswer.parse(edited.json()).version).toBe(4);
  });

  it('appears in the list of responses an official can work on', async () => {
    const mine = MyResponses.parse(
      (await t.app.inject({ method: 'GET', url: '/api/me/responses', headers: await as('gouda_2') })).json(),
    );
    const item = mine.items.find((i) => i.round.id === round.roundId);
    expect(item).toMatchObject({ organisationName: 'Gemeente Gouda', state: 'drafting', editable: true });
    const staff = MyResponses.parse(
      (
        await t.app.inject({ method: 'GET', url: '/api/me/responses', headers: await as('medewerker') })
      ).json(),
    );
    expect(staff.items).toEqual([]);
  });

  it('forgets an erased person as the one who saved an answer', async () => {
    await t.database.db.transaction().execute((trx) => forgetResponsesOf(trx, people.gouda_2!));
    const response = GemeenteResponse.parse((await read('gemeente_gouda', round, 'gouda')).json());
    expect(response.answers.some((a) => a.updatedBy === 'Lotte van Dijk')).toBe(false);
  });
});

describe('the programme team’s tracker', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, {
      groups: ['gemeente_ambtenaar', 'medewerker'],
      themeCount: 1,
      questions,
      title: 'Tweede ronde: de gemeenten',
    });
    const [q1] = firstQuestions(round);
    await save('gemeente_gouda', round, 'gouda', q1!, 'Gouda vraagt om meer preventie.', 0);
    await post('gemeente_gouda', `${responseUrl(round, 'gouda')}/submit`);
    await save('gemeente_leiden', round, 'leiden', q1!, 'Leiden denkt nog na.', 0);
  });

  const tracker = async (who: string) =>
    t.app.inject({ method: 'GET', url: `/api/rounds/${round.roundId}/tracker`, headers: await as(who) });

  it('is for the programme team only', async () => {
    expect((await tracker('medewerker')).statusCode).toBe(403);
    expect((await tracker('gemeente_gouda')).statusCode).toBe(403);
  });

  it('counts the 18 gemeenten and lists those behind first, by name', async () => {
    const view = Tracker.parse((await tracker('programmateam')).json());
    expect(view.counts).toEqual({ not_started: 16, drafting: 1, submitted: 1 });
    expect(view.rows).toHaveLength(18);
    expect(view.rows[0]).toMatchObject({
      organisationName: 'Gemeente Alphen aan den Rijn',
      state: 'not_started',
      lastActivityAt: null,
    });
    expect(view.rows.slice(-2).map((r) => [r.organisationName, r.state])).toEqual([
      ['Gemeente Leiden', 'drafting'],
      ['Gemeente Gouda', 'submitted'],
    ]);
    const gouda = view.rows.at(-1)!;
    expect(gouda.lastActivityAt).not.toBeNull();
    expect(gouda.contacts.map((c) => c.email)).toEqual([
      'lotte.vandijk@gouda.example',
      'pieter.bakker@demo.inbreng.nl',
    ]);
  });

  it('includes organisations the round names, of any type, and only the gemeenten when it asks them', async () => {
    const named = await createRound(t.database.db, {
      groups: ['ketenpartner'],
      organisationSlugs: ['veiligheidsregio-hollands-midden', 'ondernemingsraad'],
    });
    const invited = await invitedOrganisations(t.database.db, named.roundId);
    expect(invited.map((o) => o.type).sort()).toEqual(['adviesraad', 'ketenpartner']);
  });
});

describe('reminders from the programme team', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, {
      groups: ['gemeente_ambtenaar'],
      themeCount: 1,
      questions,
      title: 'Derde ronde: herinneringen',
    });
    await addOfficial('leiden_2', 'Bram de Wit', 'bram.dewit@leiden.example', 'leiden', 'none');
    const [q1] = firstQuestions(round);
    await save('gemeente_gouda', round, 'gouda', q1!, 'Gouda is er klaar mee.', 0);
    await post('gemeente_gouda', `${responseUrl(round, 'gouda')}/submit`);
  });

  const remind = async (who: string, payload: object = {}) =>
    post(who, `/api/rounds/${round.roundId}/reminders`, payload);

  it('are for the programme team only', async () => {
    expect((await remind('medewerker')).statusCode).toBe(403);
    expect((await remind('gemeente_leiden')).statusCode).toBe(403);
  });

  it('reach only the contacts of organisations that have not submitted, and not those who chose no mail', async () => {
    const before = smtp.received.length;
    const result = ReminderResult.parse((await remind('programmateam')).json());
    expect(result.queued).toBe(1);
    await t.app.jobs.drain();
    await waitFor(() => smtp.received.length > before);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([['fatima.yilmaz@demo.inbreng.nl']]);
    expect(mails[0]!.subject).toBe(
      'Herinnering: de reactie van Gemeente Leiden op “Derde ronde: herinneringen”',
    );
    const link = `https://inbreng.test/reacties/${round.roundId}/${org.leiden}`;
    expect(mails[0]!.text).toContain(link);
    expect(mails[0]!.html).toContain(link);

    const logged = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'details'])
      .where('action', '=', 'response.reminder_sent')
      .executeTakeFirstOrThrow();
    expect(logged).toEqual({
      actor_id: people['sanne.devries'],
      details: { roundId: round.roundId, organisations: 17, mails: 1 },
    });
  });

  it('go to a person at most once a day', async () => {
    const before = smtp.received.length;
    expect(ReminderResult.parse((await remind('programmateam')).json()).queued).toBe(0);
    expect(
      ReminderResult.parse((await remind('programmateam', { organisationId: org.leiden })).json()).queued,
    ).toBe(0);
    await t.app.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.length).toBe(before);

    const today = clock;
    clock = new Date(clock.getTime() + 24 * 3600_000);
    try {
      expect(ReminderResult.parse((await remind('programmateam')).json()).queued).toBe(1);
    } finally {
      clock = today;
    }
  });

  it('are refused for an organisation that has submitted, and for a round that is not open', async () => {
    const submitted = await remind('programmateam', { organisationId: org.gouda });
    expect(submitted.statusCode).toBe(409);
    expect(ErrorBody.parse(submitted.json()).error.message).toMatch(
      /Gemeente Gouda heeft de reactie al ingediend/,
    );

    const closed = await createRound(t.database.db, { groups: ['gemeente_ambtenaar'], state: 'closed' });
    const refused = await post('programmateam', `/api/rounds/${closed.roundId}/reminders`, {});
    expect(refused.statusCode).toBe(409);
    expect(ErrorBody.parse(refused.json()).error.message).toMatch(/zolang de ronde open is/);
  });
});

describe('the tracker, live', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, { groups: ['gemeente_ambtenaar'], themeCount: 1, questions });
  });

  it('tells the programme team at once when an official saves an answer', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/events?topic=tracker:${round.roundId}`, {
      headers: await as('programmateam'),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let stream = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(stream)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        stream += value;
      }
    };
    try {
      await readUntil(/verbonden/);
      const [q1] = firstQuestions(round);
      await save('gemeente_leiden', round, 'leiden', q1!, 'Leiden begint.', 0);
      await readUntil(/event: response\ndata: .*\n\n/);
      const data = JSON.parse(/event: response\ndata: (.*)\n\n/.exec(stream)![1]!) as Record<string, unknown>;
      expect(data).toMatchObject({ organisationId: org.leiden, state: 'drafting' });
      // The tracker hears states, never who wrote what.
      expect(JSON.stringify(data)).not.toContain('Fatima');
    } finally {
      abort.abort();
    }
  });

  it('is not for staff to follow', async () => {
    const follow = await t.app.inject({
      method: 'GET',
      url: `/api/events?topic=tracker:${round.roundId}`,
      headers: await as('medewerker'),
    });
    expect(follow.statusCode).toBe(403);
  });
});

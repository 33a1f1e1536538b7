import { parse } from 'csv-parse/sync';
import { Contribution, ErrorBody, Page, SavedDraft, ThemeForm } from '@inbreng/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../plugins/events.ts';
import { createSession } from '../identity/sessions.ts';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { createRound, type RoundFixture } from '../../test/rounds.ts';
import { forgetAuthor } from './contributions.service.ts';

let clock = new Date(DEMO_NOW);
let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Record<string, string> = {};
const org: Record<string, string> = {};
let keys = 0;

async function as(account: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return { cookie: cookies[account]! };
}

async function call(who: string, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: await as(who), ...(payload ? { payload } : {}) });
}

/** Someone with nothing given yet, signed in as `key`. */
async function newPerson(key: string, name: string, role: 'ketenpartner' | 'medewerker', slug: string) {
  const db = t.database.db;
  const email = `${key}@test.inbreng.nl`;
  const person = await db
    .insertInto('person')
    .values({ name, email })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: org[slug]!, role })
    .execute();
  const { token } = await createSession(db, person.id, 'demo', 'test', clock);
  cookies[key] = `inbreng_session=${token}`;
}

/** A fresh client key, as a form page makes one when it opens. */
const newKey = () => `formulier-${++keys}-${Math.random().toString(36).slice(2, 10)}`;

const questions = [
  { kind: 'open' as const, prompt: 'Wat gaat goed, en wat kan beter?', required: true },
  {
    kind: 'single' as const,
    prompt: 'Hoe belangrijk is dit thema voor u?',
    options: ['Heel belangrijk', 'Belangrijk', 'Minder belangrijk'],
  },
  { kind: 'scale' as const, prompt: 'Hoe tevreden bent u over de samenwerking?' },
  { kind: 'addition' as const, prompt: 'Wat zou u toevoegen?' },
];

/** A form's payload: the open question answered with `text`, the rest as given. */
function form(round: RoundFixture, text: string, extra: Record<string, unknown> = {}, theme = 0) {
  const themeId = round.themeIds[theme]!;
  const [open] = round.questionIds[themeId]!;
  return {
    clientKey: newKey(),
    roundId: round.roundId,
    themeId,
    visibility: 'name',
    answers: [{ questionId: open!, text }],
    ...extra,
  };
}

const submit = (who: string, payload: object) => call(who, 'POST', '/api/contributions', payload);
const saveDraft = (who: string, payload: object) => call(who, 'PUT', '/api/contributions/draft', payload);

async function list(who: string, query: Record<string, string>) {
  return call(who, 'GET', `/api/contributions?${new URLSearchParams(query)}`);
}

function rowsWithKey(clientKey: string) {
  return t.database.db.selectFrom('contribution').selectAll().where('client_key', '=', clientKey).execute();
}

beforeAll(async () => {
  t = await createTestApp({ config: { now: () => clock } });
  for (const o of await t.database.db.selectFrom('organisation').select(['id', 'slug']).execute())
    org[o.slug] = o.id;
});
afterAll(async () => {
  await t.close();
});

describe('giving input on a theme', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, { questions });
  });

  it('shows the form: the round, the theme, its questions and on whose behalf one speaks', async () => {
    const response = await call(
      'medewerker',
      'GET',
      `/api/rounds/${round.roundId}/themes/${round.themeIds[0]}/form`,
    );
    expect(response.statusCode).toBe(200);
    const page = ThemeForm.parse(response.json());
    expect(page.round.id).toBe(round.roundId);
    expect(page.theme.id).toBe(round.themeIds[0]);
    expect(page.questions.map((q) => q.prompt)).toEqual(questions.map((q) => q.prompt));
    expect(page.organisations).toEqual([{ id: org['ggd-hollands-midden'], name: 'GGD Hollands Midden' }]);
    expect(page.draft).toBeNull();
  });

  it('autosaves one draft per form: a second save with the same key replaces the answers', async () => {
    const themeId = round.themeIds[0]!;
    const choice = round.questionIds[themeId]![1]!;
    const payload = form(round, 'De werkdruk in ons team');
    const first = await saveDraft('medewerker', {
      ...payload,
      answers: [...payload.answers, { questionId: choice, choices: ['Belangrijk'] }],
    });
    expect(first.statusCode).toBe(200);
    const saved = SavedDraft.parse(first.json());
    expect(saved.state).toBe('draft');

    const again = await saveDraft('medewerker', {
      ...payload,
      answers: [{ questionId: payload.answers[0]!.questionId, text: 'De werkdruk in ons team is hoog.' }],
    });
    expect(SavedDraft.parse(again.json()).id).toBe(saved.id);
    const rows = await rowsWithKey(payload.clientKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'draft', body: 'De werkdruk in ons team is hoog.' });
    const answers = await t.database.db
      .selectFrom('answer')
      .select(['text', 'choices'])
      .where('contribution_id', '=', saved.id)
      .execute();
    expect(answers).toEqual([{ text: 'De werkdruk in ons team is hoog.', choices: [] }]);
  });

  it('gives the draft back when the form is opened again, with its key to go on saving', async () => {
    const payload = form(round, 'Een half antwoord', {}, 1);
    await saveDraft('medewerker', payload);
    const response = await call(
      'medewerker',
      'GET',
      `/api/rounds/${round.roundId}/themes/${round.themeIds[1]}/form`,
    );
    const { draft } = ThemeForm.parse(response.json());
    expect(draft).toMatchObject({ clientKey: payload.clientKey, state: 'draft', mine: true, editable: true });
    expect(draft!.answers.map((a) => a.text)).toEqual(['Een half antwoord']);
  });

  it('stores one contribution when the same form is submitted twice; the second answer is 200', async () => {
    const payload = form(round, 'Meer tijd voor preventie op scholen.');
    const first = await submit('medewerker', payload);
    expect(first.statusCode).toBe(201);
    const second = await submit('medewerker', payload);
    expect(second.statusCode).toBe(200);
    expect(Contribution.parse(second.json()).id).toBe(Contribution.parse(first.json()).id);
    expect(await rowsWithKey(payload.clientKey)).toHaveLength(1);
  });

  it('stores one contribution when two tabs submit at the same moment', async () => {
    const payload = form(round, 'Twee tabbladen, één inbreng.');
    const answers = await Promise.all([1, 2, 3].map(() => submit('medewerker', payload)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => Contribution.parse(a.json()).id)).size).toBe(1);
    expect(await rowsWithKey(payload.clientKey)).toHaveLength(1);
  });

  it('submitting a draft turns it into the contribution; autosave then leaves it alone', async () => {
    const payload = form(round, 'Eerst een concept.');
    const draft = SavedDraft.parse((await saveDraft('medewerker', payload)).json());
    const submitted = Contribution.parse((await submit('medewerker', payload)).json());
    expect(submitted).toMatchObject({ id: draft.id, state: 'submitted', authorName: 'Ahmed el Amrani' });

    const late = await saveDraft('medewerker', { ...payload, answers: [] });
    expect(late.statusCode).toBe(409);
    expect(ErrorBody.parse(late.json()).error.message).toBe(
      'Deze inbreng is al ingediend; u kunt hem nog wijzigen via Mijn inbreng.',
    );
    expect((await rowsWithKey(payload.clientKey))[0]).toMatchObject({
      state: 'submitted',
      body: 'Eerst een concept.',
    });
  });

  it('a submit with another key is a second contribution', async () => {
    const one = Contribution.parse((await submit('medewerker', form(round, 'Idee één.'))).json());
    const two = Contribution.parse((await submit('medewerker', form(round, 'Idee één.'))).json());
    expect(two.id).not.toBe(one.id);
  });

  it('keeps the answers, the chosen option and the scale, and writes them into the searchable text', async () => {
    const themeId = round.themeIds[0]!;
    const [open, choice, scale, addition] = round.questionIds[themeId]!;
    const response = await submit('medewerker', {
      ...form(round, 'Samen met de huisartsen.'),
      answers: [
        { questionId: addition, text: 'Een spreekuur in de wijk.' },
        { questionId: open, text: 'Samen met de huisartsen.' },
        { questionId: choice, choices: ['Belangrijk'] },
        { questionId: scale, scale: 4 },
      ],
    });
    const contribution = Contribution.parse(response.json());
    expect(contribution.answers.map((a) => [a.kind, a.text, a.choices, a.scale])).toEqual([
      ['open', 'Samen met de huisartsen.', [], null],
      ['single', '', ['Belangrijk'], null],
      ['scale', '', [], 4],
      ['addition', 'Een spreekuur in de wijk.', [], null],
    ]);
    expect(contribution.text).toBe('Samen met de huisartsen.\n\nBelangrijk\n\nEen spreekuur in de wijk.');
  });

  it('refuses a submit without the required answer, with a Dutch message at that question', async () => {
    const themeId = round.themeIds[0]!;
    const [open, choice] = round.questionIds[themeId]!;
    const response = await submit('medewerker', {
      ...form(round, ''),
      answers: [{ questionId: choice, choices: ['Belangrijk'] }],
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields).toEqual({
      [`answers.${open}`]: 'Deze vraag is verplicht. Vul hier uw antwoord in.',
    });
  });

  it('refuses a choice that is not offered and a scale outside 1–5, in Dutch', async () => {
    const themeId = round.themeIds[0]!;
    const [open, choice, scale] = round.questionIds[themeId]!;
    const wrongChoice = await submit('medewerker', {
      ...form(round, 'Goed.'),
      answers: [
        { questionId: open, text: 'Goed.' },
        { questionId: choice, choices: ['Onbelangrijk'] },
      ],
    });
    expect(ErrorBody.parse(wrongChoice.json()).error.fields).toEqual({
      [`answers.${choice}`]: 'Kies uit de mogelijkheden die bij de vraag staan.',
    });
    const wrongScale = await submit('medewerker', {
      ...form(round, 'Goed.'),
      answers: [
        { questionId: open, text: 'Goed.' },
        { questionId: scale, scale: 6 },
      ],
    });
    expect(wrongScale.statusCode).toBe(400);
    expect(Object.values(ErrorBody.parse(wrongScale.json()).error.fields!)).toEqual([
      'Kies een waarde van 1 tot en met 5.',
    ]);
  });

  it('refuses an answer to a question of another theme', async () => {
    const otherQuestion = round.questionIds[round.themeIds[1]!]![0]!;
    const response = await submit('medewerker', {
      ...form(round, 'Goed.'),
      answers: [{ questionId: otherQuestion, text: 'Verkeerd formulier.' }],
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields![`answers.${otherQuestion}`]).toBe(
      'Deze vraag hoort niet bij dit formulier.',
    );
  });

  it('only on behalf of an organisation through which the round asks the person', async () => {
    const response = await submit('medewerker', form(round, 'Namens Gouda?', { organisationId: org.gouda }));
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields).toHaveProperty('organisationId');
  });
});

describe('who may give input, and when', () => {
  it('a round that does not ask the person does not exist for them', async () => {
    const gemeenten = await createRound(t.database.db, { groups: ['gemeente_ambtenaar'], questions });
    const url = `/api/rounds/${gemeenten.roundId}/themes/${gemeenten.themeIds[0]}/form`;
    expect((await call('medewerker', 'GET', url)).statusCode).toBe(404);
    expect((await saveDraft('medewerker', form(gemeenten, 'Mag ik?'))).statusCode).toBe(404);
    expect((await submit('medewerker', form(gemeenten, 'Mag ik?'))).statusCode).toBe(404);
    expect((await submit('gemeente_gouda', form(gemeenten, 'Namens Gouda.'))).statusCode).toBe(201);
  });

  it('the programme team may look at every form', async () => {
    const gemeenten = await createRound(t.database.db, { groups: ['gemeente_ambtenaar'], questions });
    const url = `/api/rounds/${gemeenten.roundId}/themes/${gemeenten.themeIds[0]}/form`;
    const page = ThemeForm.parse((await call('programmateam', 'GET', url)).json());
    expect(page.organisations).toEqual([]);
  });

  it('a closed round takes no more input', async () => {
    const closed = await createRound(t.database.db, { state: 'closed', questions });
    const response = await submit('medewerker', form(closed, 'Te laat.'));
    expect(response.statusCode).toBe(409);
    expect(ErrorBody.parse(response.json()).error.message).toBe(
      'Deze ronde is gesloten. U kunt geen inbreng meer geven of wijzigen.',
    );
    expect((await saveDraft('medewerker', form(closed, 'Te laat.'))).statusCode).toBe(409);
  });

  it('a repeated submit still gets its contribution after the round closed', async () => {
    const round = await createRound(t.database.db, { questions });
    const payload = form(round, 'Net op tijd.');
    const first = Contribution.parse((await submit('medewerker', payload)).json());
    await t.database.db
      .updateTable('round')
      .set({ state: 'closed' })
      .where('id', '=', round.roundId)
      .execute();
    const retry = await submit('medewerker', payload);
    expect(retry.statusCode).toBe(200);
    expect(Contribution.parse(retry.json()).id).toBe(first.id);
  });

  it('the author changes a contribution until the round closes, and not after', async () => {
    const round = await createRound(t.database.db, { questions });
    const mine = Contribution.parse((await submit('medewerker', form(round, 'Eerste versie.'))).json());
    const [open] = round.questionIds[round.themeIds[0]!]!;
    const change = { visibility: 'organisation', answers: [{ questionId: open, text: 'Tweede versie.' }] };

    const edited = await call('medewerker', 'PATCH', `/api/contributions/${mine.id}`, change);
    expect(edited.statusCode).toBe(200);
    expect(Contribution.parse(edited.json())).toMatchObject({
      text: 'Tweede versie.',
      visibility: 'organisation',
      editable: true,
    });
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('subject_id', '=', mine.id)
      .orderBy('at')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['contribution.submitted', 'contribution.edited']);
    expect(JSON.stringify(audited)).not.toContain('versie');

    // Someone else, even one who may read it, cannot change it.
    expect((await call('programmateam', 'PATCH', `/api/contributions/${mine.id}`, change)).statusCode).toBe(
      403,
    );
    expect((await call('ketenpartner', 'PATCH', `/api/contributions/${mine.id}`, change)).statusCode).toBe(
      404,
    );

    await t.database.db
      .updateTable('round')
      .set({ state: 'closed' })
      .where('id', '=', round.roundId)
      .execute();
    const late = await call('medewerker', 'PATCH', `/api/contributions/${mine.id}`, change);
    expect(late.statusCode).toBe(409);
    expect(ErrorBody.parse(late.json()).error.message).toBe(
      'Deze ronde is gesloten. Uw inbreng kan niet meer worden gewijzigd.',
    );
    const after = Contribution.parse(
      (await call('medewerker', 'GET', `/api/contributions/${mine.id}`)).json(),
    );
    expect(after).toMatchObject({ text: 'Tweede versie.', editable: false });
  });

  it('changing a submitted contribution still needs its required answers', async () => {
    const round = await createRound(t.database.db, { questions });
    const mine = Contribution.parse((await submit('medewerker', form(round, 'Iets.'))).json());
    const emptied = await call('medewerker', 'PATCH', `/api/contributions/${mine.id}`, { answers: [] });
    expect(emptied.statusCode).toBe(400);
  });
});

describe('Mijn inbreng', () => {
  it('lists what I gave, drafts and submitted, newest first, with round and state', async () => {
    const round = await createRound(t.database.db, { questions, title: 'Ronde voor mijn inbreng' });
    await newPerson('nieuw', 'Noor de Wit', 'ketenpartner', 'welzijn-leiden');
    clock = new Date(DEMO_NOW.getTime() + 60_000);
    await submit('nieuw', form(round, 'Ingediend idee.'));
    clock = new Date(DEMO_NOW.getTime() + 120_000);
    await saveDraft('nieuw', form(round, 'Nog een concept.', {}, 1));
    clock = new Date(DEMO_NOW);

    const response = await call('nieuw', 'GET', '/api/me/contributions?pageSize=10');
    const page = Page(Contribution).parse(response.json());
    expect(page.total).toBe(2);
    expect(page.items.map((c) => [c.text, c.state, c.roundTitle, c.mine, c.editable])).toEqual([
      ['Nog een concept.', 'draft', 'Ronde voor mijn inbreng', true, true],
      ['Ingediend idee.', 'submitted', 'Ronde voor mijn inbreng', true, true],
    ]);
  });
});

describe('input heard in a meeting', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, { questions });
  });

  const meeting = () => ({
    clientKey: newKey(),
    roundId: round.roundId,
    themeId: round.themeIds[0],
    organisationId: org.leiden,
    meetingDate: '2026-11-04',
    meetingSource: 'AB-themabijeenkomst 4 november',
    text: 'De wethouder vraagt om één loket voor inwoners met vragen over gezondheid.',
  });

  it('the programme team records it on behalf of an organisation; a repeat stores nothing new', async () => {
    const payload = meeting();
    const first = await call('programmateam', 'POST', '/api/meeting-input', payload);
    expect(first.statusCode).toBe(201);
    const recorded = Contribution.parse(first.json());
    expect(recorded).toMatchObject({
      source: 'meeting',
      state: 'submitted',
      visibility: 'organisation',
      organisationName: 'Gemeente Leiden',
      meetingDate: '2026-11-04',
      meetingSource: 'AB-themabijeenkomst 4 november',
      text: payload.text,
      answers: [],
      editable: false,
    });
    const again = await call('programmateam', 'POST', '/api/meeting-input', payload);
    expect(again.statusCode).toBe(200);
    expect(Contribution.parse(again.json()).id).toBe(recorded.id);

    // Outside the team it shows as said by the gemeente, not as written by whoever recorded it.
    const council = Contribution.parse(
      (await call('adviesraad_lid', 'GET', `/api/contributions/${recorded.id}`)).json(),
    );
    expect(council).toMatchObject({
      authorName: null,
      organisationName: 'Gemeente Leiden',
      group: 'gemeente',
    });
  });

  it('a medewerker may not record meeting input', async () => {
    expect((await call('medewerker', 'POST', '/api/meeting-input', meeting())).statusCode).toBe(403);
  });

  it('a meeting that has not happened yet cannot be recorded', async () => {
    const response = await call('programmateam', 'POST', '/api/meeting-input', {
      ...meeting(),
      meetingDate: '2026-12-16',
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.fields).toHaveProperty('meetingDate');
  });
});

describe('finding input', () => {
  let round: RoundFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    round = await createRound(t.database.db, { questions, title: 'Ronde om te zoeken' });
    const give = async (name: string, who: string, text: string, at: string, theme = 0) => {
      clock = new Date(at);
      ids[name] = Contribution.parse((await submit(who, form(round, text, {}, theme))).json()).id;
    };
    // 23:30 UTC on 22 November is half past midnight on the 23rd in Amsterdam.
    await give(
      'late',
      'medewerker',
      'Samenwerking met de wijkteams en huisartsen moet beter.',
      '2026-11-22T23:30:00Z',
    );
    await give(
      'eenzaamheid',
      'gemeente_gouda',
      'Eenzaamheid onder ouderen neemt toe.',
      '2026-11-22T12:00:00Z',
    );
    await give(
      'keten',
      'ketenpartner',
      'Samenwerking, samenwerking en nog eens samenwerking.',
      '2026-11-24T10:00:00Z',
      1,
    );
    await saveDraft('gemeente_leiden', form(round, 'Een concept over samenwerking.'));
    clock = new Date(DEMO_NOW);
  });

  const found = async (query: Record<string, string>, who = 'programmateam') => {
    const response = await list(who, { roundId: round.roundId, ...query });
    expect(response.statusCode).toBe(200);
    return Page(Contribution)
      .parse(response.json())
      .items.map((c) => c.id);
  };

  it('lists submitted input only, newest first', async () => {
    expect(await found({})).toEqual([ids.keten, ids.late, ids.eenzaamheid]);
  });

  it('filters by theme, group and organisation', async () => {
    expect(await found({ themeId: round.themeIds[1]! })).toEqual([ids.keten]);
    expect(await found({ group: 'gemeente' })).toEqual([ids.eenzaamheid]);
    expect(await found({ organisationId: org['ggd-hollands-midden']! })).toEqual([ids.late]);
  });

  it('filters by day in Amsterdam time', async () => {
    expect(await found({ from: '2026-11-23', to: '2026-11-23' })).toEqual([ids.late]);
    expect(await found({ to: '2026-11-22' })).toEqual([ids.eenzaamheid]);
  });

  it('searches in Dutch: another form of a word finds it, the best match first', async () => {
    // "samenwerken" and "samenwerking" share their stem, as do "eenzaam" and "eenzaamheid".
    expect(await found({ q: 'samenwerken' })).toEqual([ids.keten, ids.late]);
    expect(await found({ q: 'eenzaam' })).toEqual([ids.eenzaamheid]);
    expect(await found({ q: 'samenwerking -wijkteam' })).toEqual([ids.keten]);
    expect(await found({ q: 'vaccinatie' })).toEqual([]);
  });

  it('finds the plural whose Dutch stem differs ("huisarts" finds "huisartsen")', async () => {
    expect(await found({ q: 'huisarts' })).toEqual([ids.late]);
    expect(await found({ q: 'de' })).toEqual([]);
  });

  it('is for the programme team and the councils only', async () => {
    expect((await list('medewerker', {})).statusCode).toBe(403);
    expect((await list('adviesraad_lid', {})).statusCode).toBe(200);
  });
});

describe('visibility: anonymous to everyone outside the programme team', () => {
  let round: RoundFixture;
  const ids: Record<string, string> = {};
  const events: LiveEvent[] = [];
  // Everything that would tell who gave the anonymous contribution.
  const ahmed = ['Ahmed', 'Amrani', 'ahmed.elamrani', 'GGD Hollands Midden', 'hecht_unit'];

  beforeAll(async () => {
    round = await createRound(t.database.db, { questions, title: 'Ronde over zichtbaarheid' });
    t.app.events.subscribe(`round:${round.roundId}`, (event) => events.push(event));
    const give = async (name: string, who: string, visibility: string, text: string) => {
      ids[name] = Contribution.parse((await submit(who, form(round, text, { visibility }))).json()).id;
    };
    await give(
      'anonymous',
      'medewerker',
      'anonymous',
      'Ik durf het niet hardop te zeggen: de werkdruk is te hoog.',
    );
    await give('organisation', 'ketenpartner', 'organisation', 'De werkdruk bij de meldkamer stijgt ook.');
    await give('name', 'gemeente_gouda', 'name', 'In Gouda merken we de werkdruk bij jeugdzorg.');
  });

  const expectNoTrace = (body: string) => {
    for (const word of ahmed) expect(body).not.toContain(word);
  };

  it('a council member’s list shows no name or organisation for it', async () => {
    const response = await list('adviesraad_lid', { roundId: round.roundId });
    const page = Page(Contribution).parse(response.json());
    expect(page.total).toBe(3);
    expectNoTrace(response.body);
    expect(page.items.find((c) => c.id === ids.anonymous)).toMatchObject({
      authorName: null,
      organisationName: null,
      group: null,
    });
    // The other two as their authors chose.
    expect(response.body).toContain('Pieter Bakker');
    expect(response.body).toContain('Veiligheidsregio Hollands Midden');
    expect(response.body).not.toContain('Johan Visser');
  });

  it('nor does a single reply, or a search for its text', async () => {
    expectNoTrace((await call('adviesraad_lid', 'GET', `/api/contributions/${ids.anonymous}`)).body);
    const search = await list('adviesraad_lid', { roundId: round.roundId, q: 'hardop' });
    expect(
      Page(Contribution)
        .parse(search.json())
        .items.map((c) => c.id),
    ).toEqual([ids.anonymous]);
    expectNoTrace(search.body);
  });

  it('searching for the author’s name or filtering by their organisation does not find it', async () => {
    for (const q of ['Ahmed', 'Amrani', 'ahmed.elamrani@demo.inbreng.nl', 'GGD']) {
      const response = await list('adviesraad_lid', { roundId: round.roundId, q });
      expect(Page(Contribution).parse(response.json()).total).toBe(0);
    }
    const byOrganisation = await list('adviesraad_lid', {
      roundId: round.roundId,
      organisationId: org['ggd-hollands-midden']!,
    });
    expect(Page(Contribution).parse(byOrganisation.json()).total).toBe(0);
    const byGroup = await list('adviesraad_lid', { roundId: round.roundId, group: 'hecht_unit' });
    expect(Page(Contribution).parse(byGroup.json()).total).toBe(0);
  });

  it('live events carry ids only', async () => {
    expect(events.map((e) => e.data.id).sort()).toEqual(Object.values(ids).sort());
    for (const event of events) {
      expect(Object.keys(event.data).sort()).toEqual(['id', 'themeId']);
      expect(event.by ?? null).toBeNull();
    }
    expectNoTrace(JSON.stringify(events));
  });

  it('the programme team sees who gave it, also when filtering', async () => {
    const one = Contribution.parse(
      (await call('programmateam', 'GET', `/api/contributions/${ids.anonymous}`)).json(),
    );
    expect(one).toMatchObject({ authorName: 'Ahmed el Amrani', organisationName: 'GGD Hollands Midden' });
    const byOrganisation = await list('programmateam', {
      roundId: round.roundId,
      organisationId: org['ggd-hollands-midden']!,
    });
    expect(
      Page(Contribution)
        .parse(byOrganisation.json())
        .items.map((c) => c.id),
    ).toEqual([ids.anonymous]);
  });

  it('the author sees their own with their name; anyone else without the right to read sees nothing', async () => {
    const own = Contribution.parse(
      (await call('medewerker', 'GET', `/api/contributions/${ids.anonymous}`)).json(),
    );
    expect(own).toMatchObject({ authorName: 'Ahmed el Amrani', mine: true });
    expect((await call('ketenpartner', 'GET', `/api/contributions/${ids.anonymous}`)).statusCode).toBe(404);
    expect((await call('medewerker', 'GET', `/api/contributions/${ids.name}`)).statusCode).toBe(404);
  });

  it('a draft stays with its author, even for the programme team', async () => {
    const draft = SavedDraft.parse((await saveDraft('medewerker', form(round, 'Nog niet klaar.'))).json());
    expect((await call('programmateam', 'GET', `/api/contributions/${draft.id}`)).statusCode).toBe(404);
    expect((await call('medewerker', 'GET', `/api/contributions/${draft.id}`)).statusCode).toBe(200);
  });

  it('the CSV export names no one who chose not to be named, and is the programme team’s only', async () => {
    const response = await call('programmateam', 'GET', `/api/contributions.csv?roundId=${round.roundId}`);
    expect(response.statusCode).toBe(200);
    expectNoTrace(response.body);
    expect(response.body).not.toContain('Johan Visser');
    expect(response.body).toContain('Pieter Bakker');
    expect(
      (await call('adviesraad_lid', 'GET', `/api/contributions.csv?roundId=${round.roundId}`)).statusCode,
    ).toBe(403);
  });
});

describe('the CSV export', () => {
  let round: RoundFixture;
  beforeAll(async () => {
    round = await createRound(t.database.db, { questions, title: 'Ronde voor de export' });
    const give = (who: string, visibility: string, text: string) =>
      submit(who, form(round, text, { visibility }));
    await give('medewerker', 'anonymous', '=1+1');
    await give('medewerker', 'anonymous', 'Tweede anonieme inbreng; met "aanhalingstekens".');
    await give('ketenpartner', 'anonymous', 'Van een ander.');
    await give('medewerker', 'organisation', 'Met organisatie.');
  });

  async function exported(query = `roundId=${round.roundId}`) {
    return call('programmateam', 'GET', `/api/contributions.csv?${query}`);
  }

  it('is a download in UTF-8 with a BOM and semicolons, one row per contribution', async () => {
    const response = await exported();
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="inbreng-2026-11-23\.csv"$/,
    );
    expect(
      response.body.startsWith(
        '\uFEFFid;ronde;thema;bron;datum;groep;organisatie;naam;zichtbaarheid;tekst\r\n',
      ),
    ).toBe(true);
    expect(response.body.trimEnd().split('\r\n')).toHaveLength(5);
    expect(response.body).toContain('"Tweede anonieme inbreng; met ""aanhalingstekens""."');
  });

  it('neutralises what a spreadsheet would run as a formula', async () => {
    const response = await exported();
    expect(response.body).toContain(";'=1+1\r\n");
    expect(response.body).not.toContain(';=1+1');
  });

  it('gives each unnamed contributor one pseudonym, never linking anonymous rows to an organisation', async () => {
    const rows: string[][] = parse((await exported()).body, { bom: true, delimiter: ';' }).slice(1);
    const byText = (text: string) => rows.find((r) => r.at(-1)!.includes(text))!;
    const [first, second, other, organisation] = [
      byText('=1+1'),
      byText('Tweede anonieme'),
      byText('Van een ander'),
      byText('Met organisatie'),
    ];
    expect(first[7]).toMatch(/^Deelnemer \d+$/);
    expect(second[7]).toBe(first[7]);
    expect(other[7]).not.toBe(first[7]);
    expect(organisation[6]).toBe('GGD Hollands Midden');
    expect(organisation[7]).not.toBe(first[7]);
    expect([first[6], first[5], first[8]]).toEqual(['', '', 'anoniem']);
  });

  it('filtered by organisation, leaves out anonymous rows: the file would say where they came from', async () => {
    const response = await exported(`roundId=${round.roundId}&organisationId=${org['ggd-hollands-midden']}`);
    const rows: string[][] = parse(response.body, { bom: true, delimiter: ';' }).slice(1);
    expect(rows.map((r) => r.at(-1))).toEqual(['Met organisatie.']);
  });

  it('is audited with its filters and number of rows, never the search text', async () => {
    await exported(`roundId=${round.roundId}&q=Amrani`);
    const entry = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'contribution.exported')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ filters: { roundId: round.roundId, q: true }, rows: 0 });
  });

  it('streams a large export in batches, every row once', async () => {
    const big = await createRound(t.database.db, { questions, title: 'Grote ronde' });
    const author = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('name', '=', 'Pieter Bakker')
      .executeTakeFirstOrThrow();
    // Many rows with the very same moment: the keyset must still page through them by id.
    await sql`
      INSERT INTO contribution (round_id, theme_id, author_id, client_key, state, body, submitted_at)
      SELECT ${big.roundId}, ${big.themeIds[0]!}, ${author.id}, 'massa-inbreng-' || n, 'submitted',
             'Inbreng nummer ' || n, ${new Date('2026-11-20T10:00:00Z')}
        FROM generate_series(1, 1234) AS n`.execute(t.database.db);
    const lines = (await exported(`roundId=${big.roundId}`)).body.trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(1234);
    expect(new Set(lines.map((l) => l.split(';')[0])).size).toBe(1234);
  });
});

describe('erasure', () => {
  it('removes the author from their contributions and keeps what they said', async () => {
    const round = await createRound(t.database.db, { questions });
    const given = Contribution.parse((await submit('gemeente_leiden', form(round, 'Blijft staan.'))).json());
    const fatima = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('name', '=', 'Fatima Yilmaz')
      .executeTakeFirstOrThrow();
    await t.database.db.transaction().execute((trx) => forgetAuthor(trx, fatima.id));
    const seen = Contribution.parse(
      (await call('programmateam', 'GET', `/api/contributions/${given.id}`)).json(),
    );
    expect(seen).toMatchObject({
      authorName: null,
      text: 'Blijft staan.',
      organisationName: 'Gemeente Leiden',
    });
  });
});

import type { AddressInfo } from 'node:net';
import {
  CardConflict,
  ErrorBody,
  Page,
  WallActionResult,
  WallCard,
  WallDetail,
  WallEvent,
  WallPresence,
  WallProposalList,
  WallRun,
  WallSummary,
} from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { onServer } from '../../test/database.ts';
import { createRound, type RoundFixture } from '../../test/rounds.ts';
import { createSession } from '../identity/sessions.ts';
import { forgetWallPerson } from './wall.service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let round: RoundFixture;
const cookies: Record<string, string> = {};
const people: Record<string, string> = {};

async function as(account: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return { cookie: cookies[account]! };
}

type Method = 'GET' | 'POST' | 'PATCH';
async function call(account: string, method: Method, url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url: `/api${url}`,
    headers: await as(account),
    ...(payload ? { payload } : {}),
  });
}
const sanne = (method: Method, url: string, payload?: unknown) => call('programmateam', method, url, payload);
const joris = (method: Method, url: string, payload?: unknown) => call('joris', method, url, payload);

async function ok<T>(
  response: Awaited<ReturnType<typeof call>>,
  schema: { parse: (v: unknown) => T },
  status = 200,
) {
  if (response.statusCode !== status) throw new Error(`${response.statusCode}: ${response.body}`);
  return schema.parse(response.json());
}

const texts = [
  'De huisartsen in de regio hebben te weinig tijd voor ouderen met meerdere aandoeningen.',
  'Wachttijden bij de huisarts lopen op; mensen gaan daardoor eerder naar de spoedpost.',
  'Jongeren met somberheid vinden de weg naar hulp niet; de jeugdgezondheidszorg kan meer op school doen.',
  'Scholen vragen om voorlichting over vapen en energiedrank voor jongeren in de brugklas.',
  'Bij een hittegolf moeten kwetsbare ouderen beter in beeld zijn bij wijkteams en gemeente.',
  'Koele plekken in de wijk en een belronde bij hitte helpen ouderen die alleen wonen. Dit is een lange bijdrage met meer dan één punt: ook de ambulancezorg op het platteland verdient aandacht, want aanrijtijden worden langer.',
];

async function addContribution(
  text: string,
  options: { visibility?: 'name' | 'organisation' | 'anonymous'; theme?: number; email?: string } = {},
) {
  const db = t.database.db;
  const author = await db
    .selectFrom('person as p')
    .innerJoin('membership as m', 'm.person_id', 'p.id')
    .select(['p.id', 'm.organisation_id'])
    .where('p.email', '=', options.email ?? 'ahmed.elamrani@demo.inbreng.nl')
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('contribution')
    .values({
      round_id: round.roundId,
      theme_id: round.themeIds[options.theme ?? 0]!,
      author_id: author.id,
      organisation_id: author.organisation_id,
      visibility: options.visibility ?? 'name',
      state: 'submitted',
      client_key: `key-${Math.random().toString(36).slice(2, 12)}`,
      body: text,
      submitted_at: DEMO_NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function addProgrammeMember(key: string, name: string, email: string) {
  const db = t.database.db;
  const person = await db
    .insertInto('person')
    .values({ name, email })
    .returning('id')
    .executeTakeFirstOrThrow();
  const org = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', 'programmaorganisatie')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ person_id: person.id, organisation_id: org.id, role: 'programmateam' })
    .execute();
  const { token } = await createSession(db, person.id, 'demo', 'test', DEMO_NOW);
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

let wallId: string;
const cardsOf = async (query = '') =>
  (await ok(await sanne('GET', `/walls/${wallId}/cards?pageSize=500${query}`), Page(WallCard))).items;
const cardWith = async (start: string) => (await cardsOf()).find((c) => c.text.startsWith(start))!;
const detail = async (who = sanne) => ok(await who('GET', `/walls/${wallId}`), WallDetail);
const newCluster = async (name: string, who = sanne) =>
  (await ok(await who('POST', `/walls/${wallId}/clusters`, { name }), WallActionResult, 201)).event
    .clusterIds[0]!;
const move = (card: WallCard, clusterId: string | null, who = sanne) =>
  who('POST', `/walls/${wallId}/cards/${card.id}/move`, { clusterId, expectedVersion: card.version });

beforeAll(async () => {
  t = await createTestApp();
  round = await createRound(t.database.db, { themeCount: 2 });
  for (const [i, text] of texts.entries()) {
    await addContribution(text, { theme: i % 2, visibility: i === 2 ? 'anonymous' : 'name' });
  }
  await addProgrammeMember('joris', 'Joris Visser', 'joris.visser@test.inbreng.nl');
  const wall = await ok(await sanne('POST', '/walls', { planId: round.planId }), WallDetail, 201);
  wallId = wall.id;
});
afterAll(() => t.close());

describe('walls', () => {
  it('makes one wall per plan with a card for every submitted contribution; asking again gives the same', async () => {
    const wall = await detail();
    expect(wall).toMatchObject({ cards: texts.length, sorted: 0, clusters: [], themeId: null, seq: 0 });
    const again = await ok(await sanne('POST', '/walls', { planId: round.planId }), WallDetail, 200);
    expect(again.id).toBe(wallId);
    const list = await ok(await sanne('GET', `/walls?planId=${round.planId}`), Page(WallSummary));
    expect(list.items.map((w) => w.id)).toContain(wallId);
  });

  it('makes a wall per theme with only that theme’s input, and picks up input submitted later', async () => {
    const wall = await ok(
      await sanne('POST', '/walls', { planId: round.planId, themeId: round.themeIds[1] }),
      WallDetail,
      201,
    );
    expect(wall.cards).toBe(3);
    await addContribution('Nieuwe inbreng over de huisartsenzorg na het openen van de wand.', { theme: 1 });
    expect((await ok(await sanne('GET', `/walls/${wall.id}`), WallDetail)).cards).toBe(4);
    // The plan's wall gets it too.
    expect((await detail()).cards).toBe(texts.length + 1);
  });

  it('answers in Dutch per field when the input is wrong', async () => {
    const bad = await sanne('POST', '/walls', { planId: 'geen-plan' });
    expect(bad.statusCode).toBe(400);
    expect(ErrorBody.parse(bad.json()).error.fields).toMatchObject({ planId: 'Kies een plan.' });
    const empty = await sanne('POST', `/walls/${wallId}/clusters`, { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(ErrorBody.parse(empty.json()).error.fields).toMatchObject({ name: 'Geef het cluster een naam.' });
    const theme = await sanne('POST', '/walls', {
      planId: round.planId,
      themeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ErrorBody.parse(theme.json()).error.fields).toMatchObject({
      themeId: 'Dit thema hoort niet bij dit plan.',
    });
  });

  it('is for the programme team only', async () => {
    expect((await call('medewerker', 'GET', '/walls')).statusCode).toBe(403);
    expect((await call('gemeente_gouda', 'GET', `/walls/${wallId}/cards`)).statusCode).toBe(403);
    expect((await call('beheerder', 'POST', `/walls/${wallId}/clusters`, { name: 'X' })).statusCode).toBe(
      403,
    );
    const follow = await call('medewerker', 'GET', `/events?topic=wall:${wallId}`);
    expect(follow.statusCode).toBe(403);
  });

  it('never shows the name of anonymous input', async () => {
    const card = await cardWith('Jongeren met somberheid');
    expect(card).toMatchObject({
      visibility: 'anonymous',
      authorName: null,
      organisationName: null,
      group: 'hecht_unit',
    });
    expect((await cardWith('De huisartsen')).authorName).toBe('Ahmed el Amrani');
  });
});

describe('sorting cards', () => {
  it('moves a card into a cluster and back, logs it in Dutch, and undoes and redoes it', async () => {
    const zorg = await newCluster('Huisartsenzorg');
    const card = await cardWith('De huisartsen');
    const moved = await ok(await move(card, zorg), WallActionResult);
    expect(moved.event).toMatchObject({
      type: 'card.move',
      by: { name: 'Sanne de Vries' },
      cardIds: [card.id],
    });
    expect(moved.event.description).toMatch(
      /^Sanne de Vries verplaatste ‘De huisartsen in de regio hebben te weinig .*…’ naar ‘Huisartsenzorg’$/,
    );
    const now = await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard);
    expect(now).toMatchObject({ clusterId: zorg, version: card.version + 1, placedBy: 'Sanne de Vries' });
    expect((await detail()).canUndo).toBe(true);

    const undone = await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect(undone.event.description).toMatch(/^Sanne de Vries maakte ongedaan: verplaatste/);
    expect(
      (await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard)).clusterId,
    ).toBeNull();
    expect((await detail()).canRedo).toBe(true);
    await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    expect((await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard)).clusterId).toBe(
      zorg,
    );
    expect((await detail()).canRedo).toBe(false);
    const nothing = await sanne('POST', `/walls/${wallId}/redo`);
    expect(nothing.statusCode).toBe(409);
    expect(ErrorBody.parse(nothing.json()).error.message).toBe('Er is niets om opnieuw te doen.');
  });

  it('tells the second of two people moving the same card who moved it, with the card as it is now', async () => {
    const target = await newCluster('Wachttijden');
    const card = await cardWith('Wachttijden bij de huisarts');
    const first = await move(card, target, joris);
    expect(first.statusCode).toBe(200);
    const second = await move(card, null, sanne);
    expect(second.statusCode).toBe(409);
    const body = CardConflict.parse(second.json());
    expect(body.error.by?.name).toBe('Joris Visser');
    expect(body.error.card).toMatchObject({ id: card.id, clusterId: target, version: card.version + 1 });
    expect(body.error.message).toMatch(
      /^Joris Visser heeft deze kaart net gewijzigd of verplaatst; hij staat nu bij ‘Wachttijden’/,
    );
  });

  it(`ends two truly simultaneous moves in one state, the loser told who won${onServer ? ' (server)' : ''}`, async () => {
    const a = await newCluster('Ouderen');
    const b = await newCluster('Hitte');
    const card = await cardWith('Bij een hittegolf');
    const [one, two] = await Promise.all([move(card, a, sanne), move(card, b, joris)]);
    const codes = [one.statusCode, two.statusCode].toSorted();
    expect(codes).toEqual([200, 409]);
    const [winner, loser] = one.statusCode === 200 ? [one, two] : [two, one];
    const won = WallActionResult.parse(winner.json());
    const lost = CardConflict.parse(loser.json());
    expect(lost.error.by?.name).toBe(won.event.by?.name);
    const now = await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard);
    expect(now.clusterId).toBe(lost.error.card.clusterId);
    expect(now.version).toBe(card.version + 1);
  });

  it('refuses to undo what someone else changed since, in Dutch, naming them', async () => {
    const cluster = await newCluster('Jeugd');
    const card = await cardWith('Scholen vragen');
    await ok(await move(card, cluster, sanne), WallActionResult);
    // Joris moves it on: Sanne's last action touched the same card.
    const current = await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard);
    await ok(await move(current, null, joris), WallActionResult);
    const refused = await sanne('POST', `/walls/${wallId}/undo`);
    expect(refused.statusCode).toBe(409);
    expect(ErrorBody.parse(refused.json()).error.message).toMatch(
      /^Joris Visser heeft dezelfde kaart of hetzelfde cluster daarna ook gewijzigd/,
    );
    // Joris can undo his own; then Sanne's undo goes through.
    await ok(await joris('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard)).clusterId).toBe(
      cluster,
    );
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect(
      (await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard)).clusterId,
    ).toBeNull();
  });

  it('labels cards, marks duplicates (same wall, not itself, no cycles) and filters on labels', async () => {
    const one = await cardWith('De huisartsen');
    const two = await cardWith('Wachttijden bij de huisarts');
    const tagged = await ok(
      await sanne('PATCH', `/walls/${wallId}/cards/${one.id}`, {
        tags: ['Ouderen', 'huisarts', 'ouderen'],
        expectedVersion: one.version,
      }),
      WallActionResult,
    );
    expect(tagged.event.description).toMatch(/gaf ‘De huisartsen.*’ de labels ouderen, huisarts$/);
    expect((await cardsOf('&tag=ouderen')).map((c) => c.id)).toEqual([one.id]);
    expect((await detail()).tags).toEqual(expect.arrayContaining(['huisarts', 'ouderen']));

    const self = await sanne('PATCH', `/walls/${wallId}/cards/${two.id}`, {
      duplicateOf: two.id,
      expectedVersion: two.version,
    });
    expect(ErrorBody.parse(self.json()).error.fields).toMatchObject({
      duplicateOf: 'Een kaart kan geen dubbele van zichzelf zijn.',
    });
    const marked = await ok(
      await sanne('PATCH', `/walls/${wallId}/cards/${two.id}`, {
        duplicateOf: one.id,
        expectedVersion: two.version,
      }),
      WallActionResult,
    );
    expect(marked.event.description).toMatch(/markeerde ‘Wachttijden.*’ als dubbele van ‘De huisartsen/);
    const oneNow = await ok(await sanne('GET', `/walls/${wallId}/cards/${one.id}`), WallCard);
    const cycle = await sanne('PATCH', `/walls/${wallId}/cards/${one.id}`, {
      duplicateOf: two.id,
      expectedVersion: oneNow.version,
    });
    expect(cycle.statusCode).toBe(400);
    expect(ErrorBody.parse(cycle.json()).error.fields?.duplicateOf).toMatch(/al .* als dubbele/);
    const stale = await sanne('PATCH', `/walls/${wallId}/cards/${two.id}`, {
      tags: [],
      expectedVersion: two.version,
    });
    expect(stale.statusCode).toBe(409);
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect(
      (await ok(await sanne('GET', `/walls/${wallId}/cards/${two.id}`), WallCard)).duplicateOf,
    ).toBeNull();
  });

  it('cuts a fragment from a long card into its own card, and undo takes it off again', async () => {
    const source = await cardWith('Koele plekken');
    const start = source.text.indexOf('ook de ambulancezorg');
    const end = source.text.indexOf('langer.') + 'langer.'.length;
    const cut = await ok(
      await sanne('POST', `/walls/${wallId}/cards/${source.id}/fragments`, { start, end }),
      WallActionResult,
      201,
    );
    const fragmentId = cut.event.cardIds[0]!;
    const fragment = await ok(await sanne('GET', `/walls/${wallId}/cards/${fragmentId}`), WallCard);
    expect(fragment).toMatchObject({
      sourceCardId: source.id,
      contributionId: source.contributionId,
      clusterId: source.clusterId,
    });
    expect(fragment.text).toBe(
      'ook de ambulancezorg op het platteland verdient aandacht, want aanrijtijden worden langer.',
    );
    expect((await ok(await sanne('GET', `/walls/${wallId}/cards/${source.id}`), WallCard)).fragments).toBe(1);
    expect(cut.event.description).toMatch(/^Sanne de Vries knipte ‘ook de ambulancezorg/);
    // Dutch search finds the fragment on its own words.
    expect((await cardsOf('&q=ambulance')).map((c) => c.id)).toContain(fragmentId);

    const outside = await sanne('POST', `/walls/${wallId}/cards/${source.id}/fragments`, {
      start: 0,
      end: 100_000,
    });
    expect(ErrorBody.parse(outside.json()).error.fields).toMatchObject({
      end: 'Deze selectie valt buiten de tekst van de kaart.',
    });
    const backwards = await sanne('POST', `/walls/${wallId}/cards/${source.id}/fragments`, {
      start: 5,
      end: 2,
    });
    expect(ErrorBody.parse(backwards.json()).error.fields).toMatchObject({
      end: 'Selecteer eerst een stuk tekst.',
    });

    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await sanne('GET', `/walls/${wallId}/cards/${fragmentId}`)).statusCode).toBe(404);
    await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    expect((await sanne('GET', `/walls/${wallId}/cards/${fragmentId}`)).statusCode).toBe(200);
  });

  it('filters on cluster, round, theme and group, and searches Dutch words by their stem', async () => {
    const all = await cardsOf();
    const unsorted = await cardsOf('&cluster=unsorted');
    expect(unsorted.every((c) => c.clusterId === null)).toBe(true);
    expect(unsorted.length).toBeLessThan(all.length);
    expect(
      (await cardsOf(`&themeId=${round.themeIds[1]}`)).every((c) => c.themeId === round.themeIds[1]),
    ).toBe(true);
    expect((await cardsOf(`&roundId=${round.roundId}`)).length).toBe(all.length);
    expect(await cardsOf('&group=gemeente')).toEqual([]);
    const found = await cardsOf('&q=huisarts');
    expect(found.map((c) => c.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^De huisartsen/),
        expect.stringMatching(/^Wachttijden bij de huisarts/),
      ]),
    );
    expect(found.some((c) => c.text.startsWith('Scholen'))).toBe(false);
  });
});

describe('clusters', () => {
  it('undoes and redoes making a cluster', async () => {
    const id = await newCluster('Even proberen');
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await detail()).clusters.some((c) => c.id === id)).toBe(false);
    const redone = await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    expect(redone.event.description).toBe('Sanne de Vries deed opnieuw: maakte het cluster ‘Even proberen’');
    expect((await detail()).clusters.some((c) => c.id === id)).toBe(true);
    await ok(await sanne('POST', `/walls/${wallId}/clusters/${id}/dissolve`), WallActionResult);
  });

  it('renames, merges, splits and dissolves, each undone and redone', async () => {
    const a = await newCluster('Ouderen thuis');
    const b = await newCluster('Eenzaamheid');
    const cards = (await cardsOf('&cluster=unsorted')).slice(0, 3);
    for (const card of cards) await ok(await move(card, a), WallActionResult);

    const renamed = await ok(
      await sanne('PATCH', `/walls/${wallId}/clusters/${a}`, {
        name: 'Ouderen langer thuis',
        note: 'Voor het werkplan',
      }),
      WallActionResult,
    );
    expect(renamed.event.description).toBe(
      'Sanne de Vries hernoemde het cluster ‘Ouderen thuis’ naar ‘Ouderen langer thuis’ en schreef een notitie bij ‘Ouderen langer thuis’',
    );
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await detail()).clusters.find((c) => c.id === a)?.name).toBe('Ouderen thuis');
    await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    expect((await detail()).clusters.find((c) => c.id === a)).toMatchObject({
      name: 'Ouderen langer thuis',
      note: 'Voor het werkplan',
    });

    const split = await ok(
      await sanne('POST', `/walls/${wallId}/clusters/${a}/split`, {
        name: 'Mantelzorg',
        cardIds: [cards[0]!.id],
      }),
      WallActionResult,
    );
    const c = split.event.clusterIds[0]!;
    expect((await cardsOf(`&cluster=${c}`)).map((x) => x.id)).toEqual([cards[0]!.id]);
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await detail()).clusters.some((x) => x.id === c)).toBe(false);
    expect((await cardsOf(`&cluster=${a}`)).length).toBe(3);
    await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    expect((await cardsOf(`&cluster=${c}`)).length).toBe(1);
    const foreign = await sanne('POST', `/walls/${wallId}/clusters/${a}/split`, {
      name: 'X',
      cardIds: [cards[0]!.id],
    });
    expect(ErrorBody.parse(foreign.json()).error.fields).toMatchObject({
      cardIds: 'Kies alleen kaarten uit dit cluster.',
    });

    const merged = await ok(
      await sanne('POST', `/walls/${wallId}/clusters/${a}/merge`, { intoClusterId: b }),
      WallActionResult,
    );
    expect(merged.event.description).toBe(
      'Sanne de Vries voegde ‘Ouderen langer thuis’ samen met ‘Eenzaamheid’ (2 kaarten)',
    );
    expect((await cardsOf(`&cluster=${b}`)).length).toBe(2);
    expect((await detail()).clusters.some((x) => x.id === a)).toBe(false);
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await cardsOf(`&cluster=${a}`)).length).toBe(2);
    await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    const self = await sanne('POST', `/walls/${wallId}/clusters/${b}/merge`, { intoClusterId: b });
    expect(ErrorBody.parse(self.json()).error.fields).toMatchObject({
      intoClusterId: 'Kies een ander cluster om mee samen te voegen.',
    });

    const dissolved = await ok(
      await sanne('POST', `/walls/${wallId}/clusters/${b}/dissolve`),
      WallActionResult,
    );
    expect(dissolved.event.description).toBe(
      'Sanne de Vries hief het cluster ‘Eenzaamheid’ op; 2 kaarten gaan terug naar niet ingedeeld',
    );
    expect((await detail()).clusters.some((x) => x.id === b)).toBe(false);
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult);
    expect((await cardsOf(`&cluster=${b}`)).length).toBe(2);
    await ok(await sanne('POST', `/walls/${wallId}/redo`), WallActionResult);
    expect((await cardsOf(`&cluster=${b}`)).length).toBe(0);
    expect((await sanne('POST', `/walls/${wallId}/clusters/${b}/dissolve`)).statusCode).toBe(404);
  });
});

describe('proposals', () => {
  let run: WallRun;

  it('runs the clustering in the job queue, storing its progress, and allows one open run at a time', async () => {
    run = await ok(
      await sanne('POST', `/walls/${wallId}/runs`, { kind: 'cluster', k: 2, seed: 7 }),
      WallRun,
      202,
    );
    expect(run).toMatchObject({
      state: 'queued',
      kind: 'cluster',
      k: 2,
      seed: 7,
      requestedBy: 'Sanne de Vries',
    });
    const again = await ok(await joris('POST', `/walls/${wallId}/runs`, { kind: 'suggest' }), WallRun, 202);
    expect(again.id).toBe(run.id);
    // Everyone on the wall follows the run: running, then done.
    const heard: WallRun[] = [];
    const stop = t.app.events.subscribe(`wall:${wallId}`, (event) => {
      if (event.type === 'run') heard.push(WallRun.parse(event.data));
    });
    try {
      expect(await t.app.jobs.drain()).toBeGreaterThanOrEqual(1);
      // On the server the events come back through LISTEN/NOTIFY.
      await waitFor(() => heard.at(-1)?.state === 'done');
    } finally {
      stop();
    }
    expect(heard[0]).toMatchObject({ id: run.id, state: 'running', stage: 'Teksten voorbereiden' });
    const done = await ok(await sanne('GET', `/walls/${wallId}/runs/${run.id}`), WallRun);
    expect(done).toMatchObject({ state: 'done', progress: 1, stage: 'Klaar', error: null });
    expect(done.summary).toMatchObject({ proposals: expect.any(Number), cards: expect.any(Number) });
    expect((await detail()).lastRun?.id).toBe(run.id);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'wall.run_started')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('accepts part of a proposal, rejects another, and never overwrites a person’s placement', async () => {
    const { items } = await ok(await sanne('GET', `/walls/${wallId}/proposals`), WallProposalList);
    expect(items.length).toBeGreaterThanOrEqual(2);
    const [first, second] = items as [(typeof items)[0], (typeof items)[0]];
    expect(first.cards.some((c) => c.representative)).toBe(true);
    // A person places one of the proposed cards after the run.
    const placedByHand = await ok(
      await sanne('GET', `/walls/${wallId}/cards/${first.cards[0]!.cardId}`),
      WallCard,
    );
    expect(placedByHand.proposal?.proposalId).toBe(first.id);
    const own = await newCluster('Eigen indeling', joris);
    await ok(await move(placedByHand, own, joris), WallActionResult);

    const chosen = first.cards.slice(0, Math.max(2, first.cards.length - 1)).map((c) => c.cardId);
    const accepted = await ok(
      await sanne('POST', `/walls/${wallId}/proposals/${first.id}/accept`, { cardIds: chosen }),
      WallActionResult,
    );
    expect(accepted.event.description).toMatch(
      /^Sanne de Vries nam het voorstel ‘.*’ deels over \(\d+ kaarte?n?\); 1 kaart overgeslagen omdat iemand hem al had ingedeeld$/,
    );
    expect(
      (await ok(await sanne('GET', `/walls/${wallId}/cards/${placedByHand.id}`), WallCard)).clusterId,
    ).toBe(own);
    const created = (await detail()).clusters.find((c) => c.origin === 'suggestion');
    expect(created?.name).toBe(first.name);
    for (const id of chosen.slice(1)) {
      expect((await ok(await sanne('GET', `/walls/${wallId}/cards/${id}`), WallCard)).clusterId).toBe(
        created!.id,
      );
    }

    const rejected = await ok(
      await sanne('POST', `/walls/${wallId}/proposals/${second.id}/reject`),
      WallActionResult,
    );
    expect(rejected.event.description).toMatch(/^Sanne de Vries wees het voorstel ‘.*’ af/);
    const open = await ok(await sanne('GET', `/walls/${wallId}/proposals`), WallProposalList);
    expect(open.items.map((p) => p.id)).not.toContain(second.id);
    const twice = await sanne('POST', `/walls/${wallId}/proposals/${second.id}/reject`);
    expect(twice.statusCode).toBe(409);

    // Undo of the acceptance puts the cards back and opens the proposal again.
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult); // the rejection
    await ok(await sanne('POST', `/walls/${wallId}/undo`), WallActionResult); // the acceptance
    expect((await detail()).clusters.some((c) => c.id === created!.id)).toBe(false);
    const reopened = await ok(await sanne('GET', `/walls/${wallId}/proposals`), WallProposalList);
    expect(reopened.items.map((p) => p.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    await ok(await sanne('POST', `/walls/${wallId}/proposals/accept-all`), WallActionResult);
    expect((await ok(await sanne('GET', `/walls/${wallId}/proposals`), WallProposalList)).items).toEqual([]);
    expect((await sanne('POST', `/walls/${wallId}/proposals/reject-all`)).statusCode).toBe(409);
  });

  it('suggests unsorted cards into the team’s clusters', async () => {
    const cluster = (await detail()).clusters[0]!;
    for (const text of [
      'Meer huisartsen nodig in kleine kernen.',
      'Huisartsen willen betere samenwerking met de wijkverpleging.',
    ]) {
      await addContribution(text);
    }
    await detail(); // opening the wall puts the new input on it
    const run = await ok(await sanne('POST', `/walls/${wallId}/runs`, { kind: 'suggest' }), WallRun, 202);
    await t.app.jobs.drain();
    expect((await ok(await sanne('GET', `/walls/${wallId}/runs/${run.id}`), WallRun)).state).toBe('done');
    const { items } = await ok(await sanne('GET', `/walls/${wallId}/proposals`), WallProposalList);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => p.clusterId !== null)).toBe(true);
    const into = items.find((p) => p.clusterId === cluster.id) ?? items[0]!;
    const accepted = await ok(
      await sanne('POST', `/walls/${wallId}/proposals/${into.id}/accept`),
      WallActionResult,
    );
    expect(accepted.event.type).toBe('proposal.accept');
    expect((await cardsOf(`&cluster=${into.clusterId}`)).map((c) => c.id)).toEqual(
      expect.arrayContaining(into.cards.filter((c) => c.state === 'open').map((c) => c.cardId)),
    );
  });
});

describe('history', () => {
  it('tells who did what, when, in Dutch, filtered by person and card', async () => {
    const page = await ok(await sanne('GET', `/walls/${wallId}/history?pageSize=100`), Page(WallEvent));
    expect(page.total).toBeGreaterThan(20);
    expect(page.items[0]!.seq).toBe((await detail()).seq);
    expect(page.items.some((e) => e.undone)).toBe(true);
    const byJoris = await ok(
      await sanne('GET', `/walls/${wallId}/history?personId=${people.joris}`),
      Page(WallEvent),
    );
    expect(byJoris.items.length).toBeGreaterThan(0);
    expect(
      byJoris.items.every((e) => e.by?.name === 'Joris Visser' && e.description.startsWith('Joris Visser ')),
    ).toBe(true);
    const card = await cardWith('De huisartsen');
    const ofCard = await ok(
      await sanne('GET', `/walls/${wallId}/history?cardId=${card.id}`),
      Page(WallEvent),
    );
    expect(ofCard.items.every((e) => e.cardIds.includes(card.id))).toBe(true);
    expect(ofCard.items.map((e) => e.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(/verplaatste ‘De huisartsen/)]),
    );
  });
});

describe('together, live', () => {
  it('shows each one the other’s moves within a second, and who is present', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const open = async (account: string) => {
      const abort = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/api/events?topic=wall:${wallId}`, {
        headers: await as(account),
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const stream = { text: '', abort };
      const until = async (pattern: RegExp, ms = 1000) => {
        const deadline = Date.now() + ms;
        while (!pattern.test(stream.text)) {
          const left = deadline - Date.now();
          if (left <= 0) throw new Error(`not within ${ms} ms: ${pattern}`);
          const next = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), left)),
          ]);
          if (next === null) continue;
          if (next.done) throw new Error('stream ended');
          stream.text += next.value;
        }
        const match = pattern.exec(stream.text)!;
        stream.text = stream.text.slice(match.index + match[0].length);
        return match;
      };
      await until(/verbonden/);
      return { until, abort };
    };
    const a = await open('programmateam');
    const b = await open('joris');
    try {
      const cluster = await newCluster('Live');
      await b.until(/event: cluster\.create\ndata: (.*)\n\n/);
      const card = (await cardsOf())[0]!;
      const started = Date.now();
      await ok(await move(card, cluster, sanne), WallActionResult);
      const seen = await b.until(/event: card\.move\ndata: (.*)\n\n/);
      expect(Date.now() - started).toBeLessThan(1000);
      const data = JSON.parse(seen[1]!) as { cardIds: string[]; by: string; description: string };
      expect(data).toMatchObject({ cardIds: [card.id], by: 'Sanne de Vries' });
      expect(data.description).toMatch(/^Sanne de Vries verplaatste/);

      const now = await ok(await sanne('GET', `/walls/${wallId}/cards/${card.id}`), WallCard);
      await ok(await move(now, null, joris), WallActionResult);
      // Sanne's own stream carries her own move first, then Joris's.
      await a.until(/event: card\.move\ndata: (.*"by":"Sanne de Vries".*)\n\n/);
      const back = await a.until(/event: card\.move\ndata: (.*)\n\n/);
      expect(JSON.parse(back[1]!)).toMatchObject({ cardIds: [card.id], by: 'Joris Visser' });

      // Presence: Joris arrives; Sanne hears it and both are listed.
      await ok(await sanne('POST', `/walls/${wallId}/presence`), WallPresence);
      const present = await ok(await joris('POST', `/walls/${wallId}/presence`), WallPresence);
      expect(present.present.map((p) => p.name)).toEqual(['Joris Visser', 'Sanne de Vries']);
      const heard = await a.until(/event: presence\ndata: (.*"by":"Joris Visser".*)\n\n/);
      expect((JSON.parse(heard[1]!) as WallPresence).present.map((p) => p.name)).toContain('Joris Visser');
      expect((await detail()).present.map((p) => p.name)).toEqual(['Joris Visser', 'Sanne de Vries']);
    } finally {
      a.abort.abort();
      b.abort.abort();
    }
  });
});

describe('erasure', () => {
  it('keeps the wall and its log without the person', async () => {
    await t.database.db.transaction().execute((trx) => forgetWallPerson(trx, people.joris!));
    const page = await ok(await sanne('GET', `/walls/${wallId}/history?pageSize=100`), Page(WallEvent));
    expect(page.items.some((e) => e.description.startsWith('Iemand '))).toBe(true);
    expect(JSON.stringify(page)).not.toContain('Joris');
  });
});

// "What became of my input" over HTTP: input given in a round, sorted on the wall by the team, a section
// written from the cluster and put into consultation; the contributor sees cluster, section, state and
// the comments' resolutions, gets one mail (and only when they chose mails at once), and anonymous input
// stays anonymous to everyone else.
import {
  Contribution,
  MyFeedback,
  Page,
  PlanDetail,
  SectionDetail,
  WallActionResult,
  WallCard,
  WallDetail,
  ErrorBody,
} from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { createRound, type RoundFixture } from '../../test/rounds.ts';
import { queueFeedbackDigests, queueSectionFeedback } from './feedback.notices.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let plan: PlanDetail;
let round: RoundFixture;
const cookies: Record<string, string> = {};
let keys = 0;

async function as(account: string) {
  if (!cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return { cookie: cookies[account]! };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
async function call(account: string, method: Method, url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url: `/api${url}`,
    headers: await as(account),
    ...(payload ? { payload } : {}),
  });
}

async function ok<T>(response: Awaited<ReturnType<typeof call>>, schema: { parse: (v: unknown) => T }) {
  if (response.statusCode >= 300) throw new Error(`${response.statusCode}: ${response.body}`);
  return schema.parse(response.json());
}

const feedbackOf = async (account: string, query = '') =>
  ok(await call(account, 'GET', `/me/feedback${query}`), MyFeedback);

async function give(account: string, text: string, visibility: 'name' | 'anonymous' = 'name') {
  const themeId = round.themeIds[0]!;
  return ok(
    await call(account, 'POST', '/contributions', {
      clientKey: `feedback-${++keys}-${Math.random().toString(36).slice(2, 8)}`,
      roundId: round.roundId,
      themeId,
      visibility,
      answers: [{ questionId: round.questionIds[themeId]![0]!, text }],
    }),
    Contribution,
  );
}

const personId = async (account: string) => ((await call(account, 'GET', '/me')).json() as { id: string }).id;

async function setNotify(account: string, notify: 'immediate' | 'daily' | 'none') {
  await t.database.db
    .updateTable('person')
    .set({ notify })
    .where('id', '=', await personId(account))
    .execute();
}

const mailsTo = (account: string, kind: string) =>
  personId(account).then((id) =>
    t.database.db
      .selectFrom('mail_message')
      .select(['subject', 'text_body'])
      .where('person_id', '=', id)
      .where('kind', '=', kind)
      .execute(),
  );

const given: Record<string, Contribution> = {};
let wall: WallDetail;
let clusterId: string;
let otherClusterId: string;
let section: SectionDetail;

async function cardOf(contributionId: string) {
  const cards = await ok(
    await call('programmateam', 'GET', `/walls/${wall.id}/cards?pageSize=500`),
    Page(WallCard),
  );
  return cards.items.find((c) => c.contributionId === contributionId && !c.sourceCardId)!;
}

async function move(contributionId: string, to: string | null) {
  const card = await cardOf(contributionId);
  await ok(
    await call('programmateam', 'POST', `/walls/${wall.id}/cards/${card.id}/move`, {
      clusterId: to,
      expectedVersion: card.version,
    }),
    WallActionResult,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  plan = PlanDetail.parse(
    (await t.app.inject({ method: 'GET', url: '/api/plans/strategisch-werkplan-2027-2030' })).json(),
  );
  round = await createRound(t.database.db, { title: 'Ronde voor terugkoppeling' });

  given.named = await give('medewerker', 'Warme overdracht van de kraamzorg naar de JGZ gaat nog per post.');
  given.anonymous = await give(
    'medewerker',
    'Collega’s durven fouten niet te bespreken; dat zeg ik liever anoniem.',
    'anonymous',
  );
  given.unsorted = await give('medewerker', 'Meer aandacht voor hitte in de kinderopvang.');
  given.partner = await give('ketenpartner', 'Eén gedeeld dossier tussen ziekenhuis en JGZ.');
  given.leiden = await give('gemeente_leiden', 'Leiden wil de overdracht samen met Hecht verbeteren.');
  given.duplicate = await give('gemeente_leiden', 'Warme overdracht kraamzorg naar JGZ: nog per post.');

  // The team makes the wall (its cards come with it), a cluster, and sorts the cards into it.
  wall = await ok(await call('programmateam', 'POST', '/walls', { planId: plan.id }), WallDetail);
  const created = await ok(
    await call('programmateam', 'POST', `/walls/${wall.id}/clusters`, { name: 'Overdracht en dossier' }),
    WallActionResult,
  );
  clusterId = created.event.clusterIds[0]!;
  const other = await ok(
    await call('programmateam', 'POST', `/walls/${wall.id}/clusters`, { name: 'Veiligheid in teams' }),
    WallActionResult,
  );
  otherClusterId = other.event.clusterIds[0]!;
  for (const c of [given.named!, given.partner!, given.leiden!]) await move(c.id, clusterId);
  await move(given.anonymous!.id, otherClusterId);
  // Leiden's second input is marked as a duplicate of Ahmed's and stays unsorted itself.
  const duplicate = await cardOf(given.duplicate!.id);
  const original = await cardOf(given.named!.id);
  const marked = await call('programmateam', 'PATCH', `/walls/${wall.id}/cards/${duplicate.id}`, {
    duplicateOf: original.id,
    expectedVersion: duplicate.version,
  });
  expect(marked.statusCode, marked.body).toBeLessThan(300);

  // A section on the first goal, written from both clusters.
  section = await ok(
    await call('programmateam', 'POST', `/plans/${plan.slug}/sections`, {
      goalId: plan.goals[0]!.id,
      slot: 'steps',
      blocks: [
        {
          text: 'Hecht en de kraamzorg delen één digitaal dossier, zodat ouders hun verhaal één keer vertellen.',
        },
      ],
    }),
    SectionDetail,
  );
  section = await ok(
    await call('programmateam', 'PUT', `/sections/${section.id}/clusters`, {
      clusterIds: [clusterId, otherClusterId],
    }),
    SectionDetail,
  );
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('what became of my input', () => {
  it('is for signed-in people only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me/feedback' });
    expect(response.statusCode).toBe(401);
    expect(ErrorBody.parse(response.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('shows the cluster but no section while the section is a concept', async () => {
    const mine = await feedbackOf('medewerker');
    expect(mine.total).toBe(3);
    const named = mine.items.find((i) => i.contributionId === given.named!.id)!;
    expect(named.placement).toBe('clustered');
    expect(named.clusters.map((c) => c.name)).toEqual(['Overdracht en dossier']);
    expect(named.sections).toEqual([]);
    const unsorted = mine.items.find((i) => i.contributionId === given.unsorted!.id)!;
    expect(unsorted.placement).toBe('unsorted');
    expect(unsorted.clusters).toEqual([]);
  });

  it('shows cluster, section, state and resolutions once the section is in consultation', async () => {
    await setNotify('medewerker', 'immediate');
    await setNotify('ketenpartner', 'none');
    await setNotify('gemeente_leiden', 'daily');
    section = await ok(
      await call('programmateam', 'POST', `/sections/${section.id}/transition`, {
        to: 'in_consultatie',
        milestoneId: plan.milestones[0]!.id,
      }),
      SectionDetail,
    );
    // The OR comments twice; the team resolves one.
    const block = section.blocks[0]!;
    const first = await call('adviesraad_lid', 'POST', `/sections/${section.id}/comments`, {
      body: 'Denk ook aan de privacy van ouders.',
      blockId: block.id,
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await call('adviesraad_lid', 'POST', `/sections/${section.id}/comments`, {
      body: 'Wie betaalt het dossier?',
      blockId: block.id,
    });
    expect(second.statusCode, second.body).toBe(201);
    const resolved = await call(
      'programmateam',
      'POST',
      `/comments/${(first.json() as { id: string }).id}/resolve`,
      {
        resolution: 'beantwoord',
        answer: 'De privacy is geregeld in het convenant.',
      },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);

    const mine = await feedbackOf('medewerker');
    const named = mine.items.find((i) => i.contributionId === given.named!.id)!;
    expect(named.clusters.map((c) => c.name)).toEqual(['Overdracht en dossier']);
    expect(named.sections).toHaveLength(1);
    expect(named.sections[0]).toMatchObject({
      id: section.id,
      goal: { id: plan.goals[0]!.id, title: plan.goals[0]!.title },
      slot: 'steps',
      slotLabel: 'Stappen en keuzes',
      state: 'in_consultatie',
      stateLabel: 'In consultatie',
      comments: { verwerkt: 0, niet_overgenomen: 0, beantwoord: 1, open: 1 },
    });

    // A duplicate counts as its original's cluster.
    const leiden = await feedbackOf('gemeente_leiden');
    const duplicate = leiden.items.find((i) => i.contributionId === given.duplicate!.id)!;
    expect(duplicate.clusters.map((c) => c.id)).toEqual([clusterId]);
    expect(duplicate.sections.map((s) => s.id)).toEqual([section.id]);

    // Only the given contributions, when the page names them.
    const one = await feedbackOf('medewerker', `?contributionIds=${given.unsorted!.id},${given.partner!.id}`);
    expect(one.items.map((i) => i.contributionId)).toEqual([given.unsorted!.id]);
    expect((await call('medewerker', 'GET', '/me/feedback?contributionIds=nope')).statusCode).toBe(400);
  });

  it('mails the immediate contributor once, the none contributor never, and the daily one in the digest', async () => {
    const at = new Date(DEMO_NOW.getTime() + 60_000);
    // Called as the transition's hook would (again when the hook is already in sections.service: the
    // ledger makes the second call a no-op).
    await t.database.db.transaction().execute(async (trx) => {
      await queueSectionFeedback(trx, section.id, 'in_consultatie', at, 'https://inbreng.test');
    });
    await t.database.db.transaction().execute(async (trx) => {
      expect(await queueSectionFeedback(trx, section.id, 'in_consultatie', at, 'https://inbreng.test')).toBe(
        0,
      );
      // A state nobody hears about.
      expect(await queueSectionFeedback(trx, section.id, 'herzien', at, 'https://inbreng.test')).toBe(0);
    });
    const ahmed = await mailsTo('medewerker', 'section.feedback');
    expect(ahmed).toHaveLength(1);
    expect(ahmed[0]!.subject).toContain('nu in consultatie');
    expect(ahmed[0]!.text_body).toContain(`/onderdelen/${section.id}`);
    expect(ahmed[0]!.text_body).toContain('Stappen en keuzes');
    expect(await mailsTo('ketenpartner', 'section.feedback')).toHaveLength(0);
    expect(await mailsTo('gemeente_leiden', 'section.feedback')).toHaveLength(0);

    // Back into consultation after a revision: still no second mail.
    for (const to of ['herzien', 'in_consultatie'] as const) {
      await ok(
        await call('programmateam', 'POST', `/sections/${section.id}/transition`, {
          to,
          milestoneId: plan.milestones[0]!.id,
        }),
        SectionDetail,
      );
    }
    await t.database.db.transaction().execute(async (trx) => {
      expect(await queueSectionFeedback(trx, section.id, 'in_consultatie', at, 'https://inbreng.test')).toBe(
        0,
      );
    });
    expect(await mailsTo('medewerker', 'section.feedback')).toHaveLength(1);

    // The daily reader gets it in the morning overview, the others not.
    const digests = await queueFeedbackDigests(
      t.database.db,
      new Date(at.getTime() + 3600_000),
      'https://inbreng.test',
    );
    expect(digests).toBe(1);
    const leiden = await mailsTo('gemeente_leiden', 'section.feedback_digest');
    expect(leiden).toHaveLength(1);
    expect(leiden[0]!.text_body).toContain('nu in consultatie');
    expect(await mailsTo('medewerker', 'section.feedback_digest')).toHaveLength(0);
    expect(await mailsTo('ketenpartner', 'section.feedback_digest')).toHaveLength(0);
  });

  it('mails again when the section is adopted', async () => {
    await ok(
      await call('programmateam', 'POST', `/sections/${section.id}/transition`, {
        to: 'herzien',
        milestoneId: plan.milestones[0]!.id,
      }),
      SectionDetail,
    );
    await ok(
      await call('programmateam', 'POST', `/sections/${section.id}/transition`, {
        to: 'vastgesteld',
        milestoneId: plan.milestones[0]!.id,
      }),
      SectionDetail,
    );
    await t.database.db.transaction().execute(async (trx) => {
      await queueSectionFeedback(trx, section.id, 'vastgesteld', DEMO_NOW, 'https://inbreng.test');
    });
    const ahmed = await mailsTo('medewerker', 'section.feedback');
    expect(ahmed.map((m) => m.subject).toSorted()).toEqual([
      expect.stringContaining('nu in consultatie'),
      expect.stringContaining('nu vastgesteld'),
    ]);
    const mine = await feedbackOf('medewerker');
    expect(mine.items.find((i) => i.contributionId === given.named!.id)!.sections[0]!.state).toBe(
      'vastgesteld',
    );
  });
});

describe('anonymous input stays anonymous', () => {
  it('is shown to its author with its cluster and section', async () => {
    const mine = await feedbackOf('medewerker');
    const anonymous = mine.items.find((i) => i.contributionId === given.anonymous!.id)!;
    expect(anonymous.visibility).toBe('anonymous');
    expect(anonymous.clusters.map((c) => c.name)).toEqual(['Veiligheid in teams']);
    expect(anonymous.sections.map((s) => s.id)).toEqual([section.id]);
  });

  it('never appears in anyone else’s feedback, not even when they name its id', async () => {
    for (const account of [
      'ketenpartner',
      'gemeente_leiden',
      'adviesraad_lid',
      'programmateam',
      'beheerder',
    ]) {
      const all = await feedbackOf(account, '?pageSize=100');
      expect(all.items.map((i) => i.contributionId)).not.toContain(given.anonymous!.id);
      const named = await feedbackOf(account, `?contributionIds=${given.anonymous!.id}`);
      expect(named).toMatchObject({ items: [], total: 0 });
    }
  });

  it('shows no author on the wall card, in the input list or in the section', async () => {
    const card = await cardOf(given.anonymous!.id);
    expect(card).toMatchObject({ visibility: 'anonymous', authorName: null, organisationName: null });
    const ahmed = 'Ahmed el Amrani';
    const cardResponse = await call('programmateam', 'GET', `/walls/${wall.id}/cards/${card.id}`);
    expect(cardResponse.body).not.toContain(ahmed);
    // The input list: the programme team is inside and sees who gave what (contributions.visibility.ts);
    // a council member, who may read it, sees neither name nor organisation; others may not list it.
    for (const account of ['ketenpartner', 'gemeente_leiden']) {
      const list = await call(account, 'GET', `/contributions?roundId=${round.roundId}&pageSize=100`);
      expect(list.statusCode).toBe(403);
      expect(list.body).not.toContain(ahmed);
    }
    for (const account of ['adviesraad_lid']) {
      const list = await call(account, 'GET', `/contributions?roundId=${round.roundId}&pageSize=100`);
      expect(list.statusCode, list.body).toBe(200);
      const item = Page(Contribution)
        .parse(list.json())
        .items.find((i) => i.id === given.anonymous!.id);
      expect(item).toBeDefined();
      expect(item).toMatchObject({ authorName: null, organisationName: null, group: null });
      expect(JSON.stringify(item)).not.toContain(ahmed);
    }
    for (const account of ['adviesraad_lid', 'programmateam', 'ketenpartner']) {
      const detail = await call(account, 'GET', `/sections/${section.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.body).not.toContain(ahmed);
      expect(detail.body).not.toContain(given.anonymous!.id);
    }
  });
});

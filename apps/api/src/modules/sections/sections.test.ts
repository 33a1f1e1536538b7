// Draft sections over HTTP: the state table, revisions and diffs, stale saves, comments anchored to
// passages and paragraphs that survive redrafts, who may comment, resolving, mails and the overview.
import type { AddressInfo } from 'node:net';
import { ErrorBody, Page, PlanDetail } from '@inbreng/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import {
  CommentOverview,
  CommentThread,
  CommentThreads,
  PlanSections,
  RevisionDetail,
  RevisionSummary,
  SectionConflict,
  SectionDetail,
  SectionDiff,
  sectionTransitions,
  type BlockInput,
  type SectionState,
} from '@inbreng/shared';
import { queueCommentDigests } from './sections.mails.ts';
import { canTransition } from './sections.state.ts';
import { erasePersonalData } from '../privacy/privacy.service.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let plan: PlanDetail;
const cookies: Record<string, string> = {};

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
const team = (method: Method, url: string, payload?: unknown) => call('programmateam', method, url, payload);
const marieke = (method: Method, url: string, payload?: unknown) =>
  call('adviesraad_lid', method, url, payload);
const ahmed = (method: Method, url: string, payload?: unknown) => call('medewerker', method, url, payload);

async function ok<T>(
  response: Awaited<ReturnType<typeof call>>,
  schema: { parse: (v: unknown) => T },
  status = 200,
) {
  if (response.statusCode !== status) throw new Error(`${response.statusCode}: ${response.body}`);
  return schema.parse(response.json());
}

function fails(response: Awaited<ReturnType<typeof call>>, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  return ErrorBody.parse(response.json()).error;
}

const milestone = () => plan.milestones[0]!.id;
let slotIndex = 0;
const slots = ['horizon', 'steps', 'roles', 'actions'] as const;

/** A fresh section (each test its own goal and slot), optionally moved on to a state. */
async function newSection(blocks: BlockInput[], to: SectionState[] = []): Promise<SectionDetail> {
  const i = slotIndex++;
  const g = Math.floor(i / 4);
  // More sections than the demo plan has goal slots: add a goal (a fixture, straight into the database).
  if (!plan.goals[g]) {
    const { id } = await t.database.db
      .insertInto('goal')
      .values({ plan_id: plan.id, position: 100 + g, title: `Extra doel ${g}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    plan.goals[g] = { ...plan.goals[0]!, id, position: 100 + g, title: `Extra doel ${g}` };
  }
  const goal = plan.goals[g]!;
  let section = await ok(
    await team('POST', `/plans/${plan.slug}/sections`, { goalId: goal.id, slot: slots[i % 4], blocks }),
    SectionDetail,
    201,
  );
  for (const state of to) {
    section = await ok(
      await team('POST', `/sections/${section.id}/transition`, { to: state, milestoneId: milestone() }),
      SectionDetail,
    );
  }
  return section;
}

async function save(section: { id: string }, baseRevision: number, blocks: BlockInput[]) {
  return ok(await team('PUT', `/sections/${section.id}`, { baseRevision, blocks }), SectionDetail);
}

const text = {
  intro: 'Hecht werkt samen met de achttien gemeenten aan gezondheid dichtbij huis.',
  youth: 'Jongeren met somberheid vinden sneller hulp via de jeugdgezondheidszorg op school.',
  care: 'Huisartsen krijgen meer tijd voor ouderen met meerdere aandoeningen.',
};

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/api/plans/strategisch-werkplan-2027-2030' });
  plan = PlanDetail.parse(response.json());
  expect(plan.goals.length).toBeGreaterThanOrEqual(3);
  expect(plan.milestones.length).toBeGreaterThan(0);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('state table', () => {
  it('allows exactly the transitions of the shared table', () => {
    const states: SectionState[] = ['concept', 'in_consultatie', 'herzien', 'vastgesteld'];
    const allowed = states.flatMap((from) =>
      states.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'concept→in_consultatie',
      'in_consultatie→herzien',
      'herzien→in_consultatie',
      'herzien→vastgesteld',
    ]);
    expect(sectionTransitions.vastgesteld).toEqual([]);
  });

  it('moves a section along the table, each step at a milestone, and refuses the rest', async () => {
    const section = await newSection([{ kind: 'heading', text: 'Stip op de horizon' }, { text: text.intro }]);
    expect(section.state).toBe('concept');
    expect(section.allowedTransitions).toEqual(['in_consultatie']);

    // A milestone is required, and it must be one of this plan's.
    const missing = fails(
      await team('POST', `/sections/${section.id}/transition`, { to: 'in_consultatie' }),
      400,
    );
    expect(missing.fields?.milestoneId).toMatch(/mijlpaal/);
    const foreign = fails(
      await team('POST', `/sections/${section.id}/transition`, {
        to: 'in_consultatie',
        milestoneId: '00000000-0000-4000-8000-000000000000',
      }),
      400,
    );
    expect(foreign.fields?.milestoneId).toBe('Deze mijlpaal hoort niet bij dit plan.');

    const refused = fails(
      await team('POST', `/sections/${section.id}/transition`, {
        to: 'vastgesteld',
        milestoneId: milestone(),
      }),
      409,
    );
    expect(refused.message).toBe('Alleen een herzien onderdeel kan worden vastgesteld.');

    let now = section;
    for (const to of ['in_consultatie', 'herzien', 'in_consultatie', 'herzien', 'vastgesteld'] as const) {
      now = await ok(
        await team('POST', `/sections/${section.id}/transition`, {
          to,
          milestoneId: milestone(),
          note: `naar ${to}`,
        }),
        SectionDetail,
      );
      expect(now.state).toBe(to);
    }
    expect(now.transitions.map((x) => x.to)).toEqual([
      'in_consultatie',
      'herzien',
      'in_consultatie',
      'herzien',
      'vastgesteld',
    ]);
    expect(now.transitions[0]!.milestone?.id).toBe(milestone());
    expect(now.allowedTransitions).toEqual([]);
    fails(
      await team('POST', `/sections/${section.id}/transition`, { to: 'concept', milestoneId: milestone() }),
      409,
    );
    // An adopted section is not edited any more.
    fails(
      await team('PUT', `/sections/${section.id}`, { baseRevision: 1, blocks: [{ text: 'Nieuw' }] }),
      409,
    );

    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_id', '=', section.id)
      .where('action', '=', 'section.transitioned')
      .execute();
    expect(audited).toHaveLength(5);
  });

  it('keeps one section per goal and slot, and only the team writes', async () => {
    const section = await newSection([{ text: text.intro }]);
    const again = fails(
      await team('POST', `/plans/${plan.id}/sections`, { goalId: section.goal.id, slot: section.slot }),
      409,
    );
    expect(again.message).toBe('Dit onderdeel bestaat al voor dit doel.');
    fails(await marieke('PUT', `/sections/${section.id}`, { baseRevision: 1, blocks: [] }), 403);
    fails(
      await ahmed('POST', `/sections/${section.id}/transition`, {
        to: 'in_consultatie',
        milestoneId: milestone(),
      }),
      403,
    );
  });
});

describe('never losing a comment', () => {
  const words = ['zorg', 'jeugd', 'gemeente', 'samen', 'school', 'ouderen', 'wijk', 'preventie', 'data'];
  const sentence = fc
    .array(fc.constantFrom(...words), { minLength: 2, maxLength: 8 })
    .map((ws) => ws.join(' '));
  type Edit =
    | { op: 'delete'; at: number }
    | { op: 'insert'; at: number; text: string }
    | { op: 'rewrite'; at: number; text: string }
    | { op: 'move'; at: number };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: sentence }),
    fc.record({ op: fc.constant('rewrite' as const), at: fc.nat(), text: sentence }),
    fc.record({ op: fc.constant('move' as const), at: fc.nat() }),
  );

  function apply(blocks: BlockInput[], e: Edit): BlockInput[] {
    const next = [...blocks];
    const at = next.length === 0 ? 0 : e.at % next.length;
    if (e.op === 'delete' && next.length > 1) next.splice(at, 1);
    if (e.op === 'insert') next.splice(at, 0, { kind: 'paragraph', text: e.text });
    if (e.op === 'rewrite' && next[at]) next[at] = { ...next[at], text: `${next[at].text} ${e.text}` };
    if (e.op === 'move' && next.length > 1) next.push(...next.splice(at, 1));
    return next;
  }

  it('keeps every comment, with its original quote, through random redrafts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sentence, { minLength: 2, maxLength: 4 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        async (paragraphs, saves) => {
          const section = await newSection(
            paragraphs.map((p) => ({ text: p })),
            ['in_consultatie'],
          );
          const made = [];
          for (const block of section.blocks) {
            made.push(
              await ok(
                await team('POST', `/sections/${section.id}/comments`, {
                  body: 'Opmerking',
                  blockId: block.id,
                  start: 0,
                  end: Math.min(8, block.text.length),
                }),
                CommentThread,
                201,
              ),
            );
          }
          let blocks: BlockInput[] = section.blocks;
          let revision = 1;
          for (const edits of saves) {
            blocks = edits.reduce(apply, blocks);
            const saved = await save(section, revision, blocks);
            revision = saved.revision.number;
            blocks = saved.blocks;
            const threads = await ok(await team('GET', `/sections/${section.id}/comments`), CommentThreads);
            expect(threads.items.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
            for (const c of threads.items) {
              const original = made.find((m) => m.id === c.id)!;
              expect(c.original).toEqual(original.original);
              if (c.current.status !== 'orphaned') {
                const block = saved.blocks.find((b) => b.id === c.current.blockId);
                expect(block).toBeDefined();
                expect(c.current.end).toBeLessThanOrEqual(block!.text.length);
              } else {
                expect(c.current.label).toBe('tekst gewijzigd');
              }
            }
          }
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  }, 120_000);
});

describe('reading rules', () => {
  it('hides a concept from everyone but the team, and shows it once in consultation', async () => {
    const section = await newSection([{ text: text.intro }]);
    fails(await ahmed('GET', `/sections/${section.id}`), 404);
    fails(await marieke('GET', `/sections/${section.id}/revisions`), 404);
    const listed = await ok(await ahmed('GET', `/plans/${plan.slug}/sections`), PlanSections);
    const slotOf = (p: PlanSections) =>
      p.goals.find((g) => g.id === section.goal.id)!.slots.find((s) => s.slot === section.slot)!;
    expect(slotOf(listed).section).toBeNull();
    expect(slotOf(listed).label).toBe(section.slotLabel);
    const forTeam = await ok(await team('GET', `/plans/${plan.slug}/sections`), PlanSections);
    expect(slotOf(forTeam).section?.state).toBe('concept');

    await team('POST', `/sections/${section.id}/transition`, {
      to: 'in_consultatie',
      milestoneId: milestone(),
    });
    const seen = await ok(await ahmed('GET', `/sections/${section.id}`), SectionDetail);
    expect(seen.blocks.map((b) => b.text)).toEqual([text.intro]);
    expect(seen.canEdit).toBe(false);
    expect(seen.canComment).toBe(false);
    expect(seen.allowedTransitions).toEqual([]);
  });
});

describe('revisions', () => {
  it('makes a revision only when the text changes, keeps block ids, diffs any two, and refuses a stale base', async () => {
    const section = await newSection([{ kind: 'heading', text: 'Concrete acties' }, { text: text.intro }]);
    const [heading, intro] = section.blocks;
    expect(heading!.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(section.revision.number).toBe(1);

    // The same text again: no new revision.
    const same = await save(section, 1, section.blocks);
    expect(same.revision.number).toBe(1);

    const second = await save(section, 1, [
      heading!,
      { id: intro!.id, kind: 'paragraph', text: text.intro.replace('samen', 'nauw samen') },
      {
        kind: 'listItem',
        text: text.youth,
        links: [{ start: 0, end: 8, href: 'https://www.hecht.nl/jeugd' }],
      },
    ]);
    expect(second.revision.number).toBe(2);
    expect(second.revision.author?.name).toBe('Sanne de Vries');
    expect(second.blocks[1]!.id).toBe(intro!.id);
    const added = second.blocks[2]!;
    expect(added.id).not.toBe(heading!.id);
    expect(added.links[0]!.href).toBe('https://www.hecht.nl/jeugd');

    // Someone saving from revision 1 now gets 409 with both versions.
    const stale = await team('PUT', `/sections/${section.id}`, {
      baseRevision: 1,
      blocks: [{ text: 'Mijn versie' }],
    });
    expect(stale.statusCode).toBe(409);
    const conflict = SectionConflict.parse(stale.json()).error;
    expect(conflict.current.number).toBe(2);
    expect(conflict.current.blocks).toHaveLength(3);
    expect(conflict.yours).toMatchObject([{ text: 'Mijn versie' }]);

    const page = await ok(
      await team('GET', `/sections/${section.id}/revisions?pageSize=1`),
      Page(RevisionSummary),
    );
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.number)).toEqual([2]);
    const older = await ok(
      await team('GET', `/sections/${section.id}/revisions?pageSize=1&page=2`),
      Page(RevisionSummary),
    );
    const first = await ok(
      await team('GET', `/sections/${section.id}/revisions/${older.items[0]!.id}`),
      RevisionDetail,
    );
    expect(first.blocks.map((b) => b.text)).toEqual(['Concrete acties', text.intro]);

    const diff = await ok(
      await team('GET', `/sections/${section.id}/diff?from=${first.id}&to=${second.revision.id}`),
      SectionDiff,
    );
    expect(diff.blocks.map((b) => b.status)).toEqual(['unchanged', 'changed', 'added']);
    const changed = diff.blocks[1]!;
    expect(
      changed.status === 'changed' &&
        changed.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim()),
    ).toEqual(['nauw']);
    fails(
      await team(
        'GET',
        `/sections/${section.id}/diff?from=${first.id}&to=00000000-0000-4000-8000-000000000000`,
      ),
      404,
    );
  });

  it('validates kinds, text length and links (http and https only), in Dutch', async () => {
    const section = await newSection([{ text: text.intro }]);
    const bad = async (blocks: unknown) =>
      fails(await team('PUT', `/sections/${section.id}`, { baseRevision: 1, blocks }), 400);
    expect((await bad([{ kind: 'image', text: 'x' }])).fields).toHaveProperty('blocks.0.kind');
    expect(Object.values((await bad([{ text: 'x'.repeat(10_001) }])).fields!)).toContain(
      'Een alinea mag hoogstens 10.000 tekens lang zijn.',
    );
    expect(Object.values((await bad([{ text: '   ' }])).fields!)).toContain('Een alinea mag niet leeg zijn.');
    const js = await bad([{ text: 'Klik hier', links: [{ start: 0, end: 4, href: 'javascript:alert(1)' }] }]);
    expect(Object.values(js.fields!)).toContain(
      'Een link moet een webadres zijn dat begint met http:// of https://.',
    );
    const outside = await bad([{ text: 'Kort', links: [{ start: 0, end: 40, href: 'https://hecht.nl' }] }]);
    expect(Object.values(outside.fields!)).toContain('Een link valt buiten de tekst van de alinea.');
  });
});

describe('comments', () => {
  it('anchors to a passage and to a paragraph, and re-anchors across two revisions without losing any', async () => {
    const section = await newSection(
      [{ kind: 'heading', text: 'Stappen' }, { text: text.intro }, { text: text.youth }, { text: text.care }],
      ['in_consultatie'],
    );
    const [, intro, youth, care] = section.blocks;
    const passage = 'achttien gemeenten';
    const start = text.intro.indexOf(passage);
    const onPassage = await ok(
      await marieke('POST', `/sections/${section.id}/comments`, {
        body: 'Noem ook de ketenpartners.',
        blockId: intro!.id,
        start,
        end: start + passage.length,
        revision: 1,
      }),
      CommentThread,
      201,
    );
    expect(onPassage.original.quote.exact).toBe(passage);
    expect(onPassage.wholeBlock).toBe(false);
    expect(onPassage.author).toMatchObject({
      name: 'Marieke Jansen',
      organisation: { name: expect.any(String) },
    });
    const onParagraph = await ok(
      await marieke('POST', `/sections/${section.id}/comments`, {
        body: 'Hoe meet u dit?',
        blockId: care!.id,
      }),
      CommentThread,
      201,
    );
    expect(onParagraph.wholeBlock).toBe(true);
    expect(onParagraph.original.quote.exact).toBe(text.care);
    const onYouth = await ok(
      await marieke('POST', `/sections/${section.id}/comments`, {
        body: 'Ook op het mbo.',
        blockId: youth!.id,
        start: 0,
        end: 8,
      }),
      CommentThread,
      201,
    );

    // Bad selections answer in Dutch.
    const empty = fails(
      await marieke('POST', `/sections/${section.id}/comments`, {
        body: 'x',
        blockId: intro!.id,
        start: 3,
        end: 3,
      }),
      400,
    );
    expect(empty.message).toBe('Selecteer ten minste één teken om op te reageren.');
    const gone = fails(
      await marieke('POST', `/sections/${section.id}/comments`, { body: 'x', blockId: 'bestaat-niet' }),
      400,
    );
    expect(gone.fields?.blockId).toBe('Deze alinea bestaat niet (meer) in deze versie van de tekst.');

    // Revision 2: the passage moves into a new paragraph up front; the care paragraph is deleted.
    await save(section, 1, [
      { kind: 'paragraph', text: `Samen met de ${passage} en de ketenpartners.` },
      { id: intro!.id, kind: 'paragraph', text: 'Hecht werkt aan gezondheid dichtbij huis.' },
      youth!,
    ]);
    let threads = await ok(await marieke('GET', `/sections/${section.id}/comments`), CommentThreads);
    const find = (id: string) => threads.items.find((c) => c.id === id)!;
    expect(find(onPassage.id).current.status).toBe('moved');
    expect(find(onPassage.id).current.revision).toBe(2);
    expect(find(onPassage.id).original.quote.exact).toBe(passage);
    expect(find(onParagraph.id).current).toMatchObject({ status: 'orphaned', label: 'tekst gewijzigd' });
    expect(find(onParagraph.id).original.quote.exact).toBe(text.care);
    expect(find(onYouth.id).current.status).toBe('exact');

    // Revision 3: a light edit of the moved passage is still found; the lost one stays visible.
    await save(section, 2, [
      {
        id: (await ok(await team('GET', `/sections/${section.id}`), SectionDetail)).blocks[0]!.id,
        kind: 'paragraph',
        text: `Samen met de achtien gemeenten en de ketenpartners.`,
      },
      youth!,
    ]);
    threads = await ok(await team('GET', `/sections/${section.id}/comments`), CommentThreads);
    expect(threads.items).toHaveLength(3);
    expect(find(onPassage.id).current.status).toBe('fuzzy');
    expect(find(onPassage.id).current.revision).toBe(3);
    expect(find(onParagraph.id).current.status).toBe('orphaned');
    expect(find(onParagraph.id).original.quote.exact).toBe(text.care);

    // A selection made in an older revision is refused, not misplaced.
    fails(
      await marieke('POST', `/sections/${section.id}/comments`, {
        body: 'x',
        blockId: youth!.id,
        revision: 1,
      }),
      409,
    );

    // Replies make a thread.
    const replied = await ok(
      await team('POST', `/comments/${onYouth.id}/replies`, { body: 'Goed punt, nemen we mee.' }),
      CommentThread,
      201,
    );
    expect(replied.replies.map((r) => r.body)).toEqual(['Goed punt, nemen we mee.']);
    const detail = await ok(await team('GET', `/sections/${section.id}`), SectionDetail);
    expect(detail.openComments).toBe(3);
  });

  it('lets councils comment only in consultation, and others only when admitted', async () => {
    const section = await newSection([{ text: text.intro }]);
    const block = section.blocks[0]!.id;
    // A concept: not even visible to the council.
    fails(await marieke('POST', `/sections/${section.id}/comments`, { body: 'x', blockId: block }), 404);
    await team('POST', `/sections/${section.id}/transition`, {
      to: 'in_consultatie',
      milestoneId: milestone(),
    });

    const refused = fails(
      await ahmed('POST', `/sections/${section.id}/comments`, { body: 'Mag ik?', blockId: block }),
      403,
    );
    expect(refused.message).toBe('U bent niet uitgenodigd om op dit onderdeel te reageren.');
    fails(await ahmed('GET', `/sections/${section.id}/comments`), 403);
    fails(
      await call('gemeente_gouda', 'POST', `/sections/${section.id}/comments`, { body: 'x', blockId: block }),
      403,
    );
    const detail = await ok(await marieke('GET', `/sections/${section.id}`), SectionDetail);
    expect(detail.canComment).toBe(true);
    expect(detail.commenters.councils.length).toBeGreaterThan(0);
    await ok(
      await marieke('POST', `/sections/${section.id}/comments`, { body: 'Akkoord.', blockId: block }),
      CommentThread,
      201,
    );

    // The team admits Ahmed by name and Gouda as an organisation.
    const ahmedId = (
      await t.database.db
        .selectFrom('person')
        .select('id')
        .where('name', '=', 'Ahmed el Amrani')
        .executeTakeFirstOrThrow()
    ).id;
    const gouda = (
      await t.database.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'gouda')
        .executeTakeFirstOrThrow()
    ).id;
    const admitted = await ok(
      await team('PUT', `/sections/${section.id}/commenters`, {
        personIds: [ahmedId],
        organisationIds: [gouda],
      }),
      SectionDetail,
    );
    expect(admitted.commenters.people.map((p) => p.name)).toEqual(['Ahmed el Amrani']);
    expect(admitted.commenters.organisations.map((o) => o.id)).toEqual([gouda]);
    await ok(
      await ahmed('POST', `/sections/${section.id}/comments`, { body: 'Graag ook de GGD.', blockId: block }),
      CommentThread,
      201,
    );
    const fromGouda = await ok(
      await call('gemeente_gouda', 'POST', `/sections/${section.id}/comments`, {
        body: 'Gouda doet mee.',
        blockId: block,
      }),
      CommentThread,
      201,
    );
    expect(fromGouda.author.organisation?.id).toBe(gouda);

    // Revised: no new comments, but replies go on. Adopted: neither.
    await team('POST', `/sections/${section.id}/transition`, { to: 'herzien', milestoneId: milestone() });
    const closed = fails(
      await marieke('POST', `/sections/${section.id}/comments`, { body: 'x', blockId: block }),
      409,
    );
    expect(closed.message).toBe('U kunt alleen reageren zolang het onderdeel in consultatie is.');
    await ok(
      await marieke('POST', `/comments/${fromGouda.id}/replies`, { body: 'Eens met Gouda.' }),
      CommentThread,
      201,
    );
    await team('POST', `/sections/${section.id}/transition`, { to: 'vastgesteld', milestoneId: milestone() });
    fails(await marieke('POST', `/comments/${fromGouda.id}/replies`, { body: 'Nog iets.' }), 409);
  });
});

describe('resolution', () => {
  it('requires each kind’s field, mails the author per their choice, and can be changed again', async () => {
    const section = await newSection([{ text: text.intro }, { text: text.youth }], ['in_consultatie']);
    const [intro, youth] = section.blocks;
    const post = async (body: string, blockId: string) =>
      ok(await marieke('POST', `/sections/${section.id}/comments`, { body, blockId }), CommentThread, 201);
    const first = await post('Noem de ketenpartners.', intro!.id);
    const second = await post('Ook het mbo.', youth!.id);
    const third = await post('Wat kost dit?', youth!.id);

    const resolve = (id: string, body: unknown) => team('POST', `/comments/${id}/resolve`, body);
    // Each kind's required field, with a Dutch message next to it.
    expect(fails(await resolve(first.id, { resolution: 'verwerkt' }), 400).fields).toEqual({
      sectionId: 'Kies het onderdeel waarin het is verwerkt.',
      revisionId: 'Kies de versie waarin het is verwerkt.',
    });
    expect(fails(await resolve(first.id, { resolution: 'niet_overgenomen' }), 400).fields).toEqual({
      reason: 'Leg uit waarom het niet is overgenomen.',
    });
    expect(fails(await resolve(first.id, { resolution: 'beantwoord', answer: '  ' }), 400).fields).toEqual({
      answer: 'Schrijf het antwoord.',
    });
    // Where it was processed must be a revision of that section.
    const otherSection = await newSection([{ text: text.care }]);
    expect(
      fails(
        await resolve(first.id, {
          resolution: 'verwerkt',
          sectionId: section.id,
          revisionId: otherSection.revision.id,
        }),
        400,
      ).fields,
    ).toEqual({ revisionId: 'Deze versie hoort niet bij het gekozen onderdeel van dit plan.' });
    // Only the team resolves.
    fails(
      await marieke('POST', `/comments/${first.id}/resolve`, { resolution: 'beantwoord', answer: 'x' }),
      403,
    );

    const mailsTo = () =>
      t.database.db
        .selectFrom('mail_message as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select(['m.subject', 'm.text_body as text'])
        .where('p.name', '=', 'Marieke Jansen')
        .where('m.kind', '=', 'comment.resolved')
        .execute();
    expect(await mailsTo()).toHaveLength(0);

    // Marieke wants mails at once (the default).
    const revised = await save(section, 1, [
      { id: intro!.id, kind: 'paragraph', text: `${text.intro} Ook met ketenpartners.` },
      youth!,
    ]);
    const done = await ok(
      await resolve(first.id, {
        resolution: 'verwerkt',
        sectionId: section.id,
        revisionId: revised.revision.id,
      }),
      CommentThread,
    );
    expect(done.state).toBe('resolved');
    expect(done.resolution).toMatchObject({
      kind: 'verwerkt',
      label: 'Verwerkt',
      revisionNumber: 2,
      by: { name: 'Sanne de Vries' },
    });
    let mails = await mailsTo();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Uw reactie op/);
    expect(mails[0]!.text).toContain('Uw reactie is verwerkt in de tekst.');

    // A resolved comment can be changed again.
    const changed = await ok(
      await resolve(first.id, {
        resolution: 'beantwoord',
        answer: 'De ketenpartners staan in het volgende hoofdstuk.',
      }),
      CommentThread,
    );
    expect(changed.resolution).toMatchObject({
      kind: 'beantwoord',
      text: 'De ketenpartners staan in het volgende hoofdstuk.',
      revisionId: null,
    });
    mails = await mailsTo();
    expect(mails).toHaveLength(2);

    // Daily: nothing now, one overview mail in the morning job. None: nothing at all.
    await marieke('PATCH', '/me/notifications', { notify: 'daily' });
    await ok(
      await resolve(second.id, { resolution: 'niet_overgenomen', reason: 'Het mbo valt buiten dit doel.' }),
      CommentThread,
    );
    expect(await mailsTo()).toHaveLength(2);
    expect(
      await queueCommentDigests(
        t.database.db,
        new Date(DEMO_NOW.getTime() + 3600_000),
        'http://inbreng.test',
      ),
    ).toBe(1);
    const digest = await t.database.db
      .selectFrom('mail_message')
      .select(['subject', 'text_body as text'])
      .where('kind', '=', 'comment.digest')
      .execute();
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).toContain('niet overgenomen');
    await marieke('PATCH', '/me/notifications', { notify: 'none' });
    await ok(
      await resolve(third.id, { resolution: 'beantwoord', answer: 'Dat staat in de begroting.' }),
      CommentThread,
    );
    expect(await mailsTo()).toHaveLength(2);
    await marieke('PATCH', '/me/notifications', { notify: 'immediate' });

    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'comment.resolved')
      .where('subject_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.details)).toEqual([
      { resolution: 'verwerkt', changed: false },
      { resolution: 'beantwoord', changed: true },
    ]);

    // Filters on the section's threads.
    const open = await ok(await team('GET', `/sections/${section.id}/comments?state=open`), CommentThreads);
    expect(open.items).toHaveLength(0);
    const resolved = await ok(
      await marieke('GET', `/sections/${section.id}/comments?state=resolved`),
      CommentThreads,
    );
    expect(resolved.items.map((c) => c.resolution?.kind).sort()).toEqual([
      'beantwoord',
      'beantwoord',
      'niet_overgenomen',
    ]);
  });
});

describe('overview and clusters', () => {
  it('counts open and resolved comments per section and per council, with a filtered list', async () => {
    const section = await newSection([{ text: text.intro }], ['in_consultatie']);
    const block = section.blocks[0]!.id;
    const a = await ok(
      await marieke('POST', `/sections/${section.id}/comments`, { body: 'Een', blockId: block }),
      CommentThread,
      201,
    );
    await ok(
      await marieke('POST', `/sections/${section.id}/comments`, { body: 'Twee', blockId: block }),
      CommentThread,
      201,
    );
    await ok(
      await team('POST', `/sections/${section.id}/comments`, { body: 'Drie', blockId: block }),
      CommentThread,
      201,
    );
    await team('POST', `/comments/${a.id}/resolve`, { resolution: 'beantwoord', answer: 'Ja.' });

    fails(await marieke('GET', '/comments'), 403);
    const overview = await ok(
      await team('GET', `/comments?plan=${plan.slug}&sectionId=${section.id}&pageSize=2`),
      CommentOverview,
    );
    const row = overview.perSection.find((s) => s.sectionId === section.id)!;
    expect(row).toMatchObject({ open: 2, resolved: 1, slotLabel: section.slotLabel });
    const council = overview.perOrganisation.find((o) => o.organisationId === a.author.organisation!.id)!;
    expect(council.open + council.resolved).toBeGreaterThanOrEqual(2);
    expect(overview.total).toBe(3);
    expect(overview.items).toHaveLength(2);
    const openOnly = await ok(
      await team(
        'GET',
        `/comments?sectionId=${section.id}&state=open&organisationId=${a.author.organisation!.id}`,
      ),
      CommentOverview,
    );
    expect(openOnly.items.map((c) => c.body)).toEqual(['Twee']);
  });

  it('links clusters of the plan’s wall with their input counts', async () => {
    const section = await newSection([{ text: text.intro }]);
    const db = t.database.db;
    const wall = await db
      .insertInto('wall')
      .values({ plan_id: plan.id, title: 'Wand' })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    const wallId =
      wall?.id ??
      (await db.selectFrom('wall').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow()).id;
    const cluster = await db
      .insertInto('wall_cluster')
      .values({ wall_id: wallId, name: 'Jeugd en school' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const linked = await ok(
      await team('PUT', `/sections/${section.id}/clusters`, { clusterIds: [cluster.id] }),
      SectionDetail,
    );
    expect(linked.clusters).toEqual([{ id: cluster.id, wallId, name: 'Jeugd en school', inputCount: 0 }]);
    const wrong = fails(
      await team('PUT', `/sections/${section.id}/clusters`, {
        clusterIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      400,
    );
    expect(wrong.fields?.clusterIds).toMatch(/horen niet bij dit plan/);
  });
});

describe('erasure', () => {
  it('keeps the comments of an erased person, without author', async () => {
    const section = await newSection([{ text: text.intro }], ['in_consultatie']);
    const comment = await ok(
      await marieke('POST', `/sections/${section.id}/comments`, {
        body: 'Blijft staan.',
        blockId: section.blocks[0]!.id,
      }),
      CommentThread,
      201,
    );
    const db = t.database.db;
    const author = comment.author.id!;
    await db.transaction().execute((trx) => erasePersonalData(trx, author, DEMO_NOW));
    const threads = await ok(await team('GET', `/sections/${section.id}/comments`), CommentThreads);
    const kept = threads.items.find((c) => c.id === comment.id)!;
    expect(kept.body).toBe('Blijft staan.');
    expect(kept.author).toMatchObject({ id: null, name: null });
  });
});

describe('live updates', () => {
  it('tells followers of a section about saves and comments; a concept is not for others to follow', async () => {
    const concept = await newSection([{ text: text.intro }]);
    expect((await ahmed('GET', `/events?topic=section:${concept.id}`)).statusCode).toBe(403);

    const section = await newSection([{ text: text.intro }], ['in_consultatie']);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/events?topic=section:${section.id}`, {
      // (Marieke was erased above; the team follows.)
      headers: await as('programmateam'),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
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
      await save(section, 1, [{ id: section.blocks[0]!.id, kind: 'paragraph', text: `${text.intro} Nu.` }]);
      await readUntil(/event: section\.saved\ndata: .*\n\n/);
      await team('POST', `/sections/${section.id}/comments`, {
        body: 'Let op.',
        blockId: section.blocks[0]!.id,
      });
      await readUntil(/event: comment\.created\ndata: .*\n\n/);
      const data = JSON.parse(/event: section\.saved\ndata: (.*)\n\n/.exec(stream)![1]!) as Record<
        string,
        unknown
      >;
      expect(data).toMatchObject({ sectionId: section.id, revision: 2 });
    } finally {
      abort.abort();
    }
  });
});

// The demo's consultation rounds on the plan: an open first round holding the 460 contributions written
// for the demo (packages/clustering/fixtures), drafts, input from the AB-themabijeenkomst and the
// gemeenten's responses in every state; and a closed verkenning among the gemeenten before it.
import fs from 'node:fs';
import path from 'node:path';
import type { AudienceGroup, QuestionKind } from '@inbreng/shared';
import { sql, type Insertable, type Kysely } from 'kysely';
import { z } from 'zod';
import { repoRoot } from '../config.ts';
import type { ContributionTable, DB } from '../db/schema.ts';
import { bodyOf } from '../modules/contributions/contributions.answers.ts';
import type { AnswerWrite } from '../modules/contributions/contributions.queries.ts';
import { demoPeople } from './accounts.ts';
import { AB_MEETING, abMeetingInput, demoDrafts } from './meetings.ts';
import { authorsOf, demoAuthors, demoEmail, type DemoAuthor } from './people.ts';
import { demoPlan } from './plan.ts';
import { closedRoundQuestions, openRoundQuestions, type DemoQuestion } from './questions.ts';
import { closedRoundResponses, openRoundResponses, type DemoResponse } from './responses.ts';
import { amsterdam, seededRandom, shuffled, weightedIndex, workingDays } from './spread.ts';

type DemoRound = {
  title: string;
  purpose: string;
  state: 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  milestoneDate: string;
  groups: AudienceGroup[];
  createdAt: string;
  openedAt: string;
  closedAt?: string;
  questions: Record<string, DemoQuestion[]>;
  responses: DemoResponse[];
};

export const openRound: DemoRound = {
  title: 'Eerste ronde: uw inbreng op Gezond Vooruit!',
  purpose:
    'Hecht werkt de strategie Gezond Vooruit! uit tot het Strategisch werkplan 2027–2030. In deze eerste ronde ' +
    'vragen we medewerkers, adviesraden, gemeenten en ketenpartners per thema: wat gaat goed, wat moet beter en ' +
    'wat mist u nog? U hoeft niet alle thema’s te doen; kies wat u raakt. Wat u inbrengt, verwerken we in het ' +
    'werkplan dat het algemeen bestuur op 16 december vaststelt.',
  state: 'open',
  opensOn: '2026-11-02',
  closesOn: '2026-12-04',
  milestoneDate: '2026-12-16',
  groups: ['medewerker', 'adviesraad_lid', 'gemeente_ambtenaar', 'ketenpartner'],
  createdAt: '2026-10-21 14:30',
  openedAt: '2026-11-02 00:05',
  questions: openRoundQuestions,
  responses: openRoundResponses,
};

export const closedRound: DemoRound = {
  title: 'Verkenning: wat vinden gemeenten belangrijk?',
  purpose:
    'Voordat we het werkplan schrijven, willen we weten wat voor de gemeenten het zwaarst weegt: welk aanbod ' +
    'van Hecht u kent en mist, waar u tegenaan loopt, en hoe ver u bent met noodsteunpunten. Het dagelijks ' +
    'bestuur bespreekt de uitkomsten op 15 oktober.',
  state: 'closed',
  opensOn: '2026-09-21',
  closesOn: '2026-10-09',
  milestoneDate: '2026-10-15',
  groups: ['gemeente_ambtenaar'],
  createdAt: '2026-09-17 10:00',
  openedAt: '2026-09-21 00:05',
  closedAt: '2026-10-10 00:05',
  questions: closedRoundQuestions,
  responses: closedRoundResponses,
};

// ── The contributions written for the demo ──────────────────────────────

const FIXTURE_FILES = ['dev-set-a.jsonl', 'dev-set-b.jsonl'];

const FixtureLine = z.object({
  id: z.string().regex(/^[a-z0-9]+$/),
  text: z.string().min(1),
  group: z.enum(['medewerker', 'adviesraad', 'gemeente', 'ketenpartner']),
  organisation: z.string(),
  theme: z.string(),
});
type FixtureLine = z.infer<typeof FixtureLine>;

const roleOfGroup = {
  medewerker: 'medewerker',
  adviesraad: 'adviesraad_lid',
  gemeente: 'gemeente_ambtenaar',
  ketenpartner: 'ketenpartner',
} as const;

export function readDemoContributions(): FixtureLine[] {
  return FIXTURE_FILES.flatMap((file) =>
    fs
      .readFileSync(path.join(repoRoot, 'packages/clustering/fixtures', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => FixtureLine.parse(JSON.parse(line))),
  );
}

/**
 * Who wrote what: every person of an organisation gives at least once, and the rest goes to the more
 * active ones (the first in people.ts), the way a few enthusiasts carry a consultation.
 */
function assignAuthors(lines: FixtureLine[], random: () => number): Map<string, DemoAuthor> {
  const byOrganisation = Map.groupBy(lines, (line) => line.organisation);
  const assigned = new Map<string, DemoAuthor>();
  for (const [organisation, rows] of byOrganisation) {
    const authors = authorsOf(organisation).filter((a) => a.role === roleOfGroup[rows[0]!.group]);
    if (authors.length === 0) throw new Error(`Demo: geen auteurs voor ${organisation}`);
    const weights = authors.map((_, i) => 1 / Math.sqrt(i + 1));
    for (const [i, row] of shuffled(rows, random).entries()) {
      assigned.set(row.id, authors[i < authors.length ? i : weightedIndex(weights, random)]!);
    }
  }
  return assigned;
}

// Most input arrives in the first days after the invitation, and it picks up again late in the third week.
const ROUND_DAYS = workingDays('2026-11-02', '2026-11-22');
const DAY_WEIGHTS = [9, 7, 5, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 3, 3];

function submittedAt(random: () => number): Date {
  const day = ROUND_DAYS[weightedIndex(DAY_WEIGHTS, random)]!;
  return amsterdam(day, 8 * 60 + Math.floor(random() * 9.5 * 60));
}

function visibilityOf(random: () => number): 'name' | 'organisation' | 'anonymous' {
  const r = random();
  return r < 0.65 ? 'name' : r < 0.85 ? 'organisation' : 'anonymous';
}

// ── Writing it ─────────────────────────────────────────────────────────

type Context = {
  trx: Kysely<DB>;
  themes: Map<string, string>;
  organisations: Map<string, string>;
  people: Map<string, string>;
  /** `${roundId}|${themeId}|${kind}` → question id. */
  questions: Map<string, string>;
};

type AnswerPlan = { kind: QuestionKind; text?: string; choices?: string[]; scale?: number };
type ContributionPlan = Insertable<ContributionTable> & { client_key: string; answers: AnswerWrite[] };

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Demo: ${what} “${key}” bestaat niet`);
  return id;
}

const emailOf = (author: { name: string }) =>
  demoPeople.find((p) => p.name === author.name)?.email ?? demoEmail(author.name);
const personOf = (ctx: Context, author: { name: string }) => lookup(ctx.people, emailOf(author), 'persoon');

function questionOf(ctx: Context, roundId: string, theme: string, kind: QuestionKind): string {
  return lookup(ctx.questions, `${roundId}|${lookup(ctx.themes, theme, 'thema')}|${kind}`, 'vraag');
}

function answerOf(ctx: Context, roundId: string, theme: string, answer: AnswerPlan): AnswerWrite {
  return {
    questionId: questionOf(ctx, roundId, theme, answer.kind),
    text: answer.text ?? '',
    choices: answer.choices ?? [],
    scale: answer.scale ?? null,
  };
}

/**
 * The demo people and their memberships; the demo accounts among them are found by e-mail, not doubled.
 * Existing rows are only read, never updated, so a concurrent seedDemoPeople cannot deadlock with this.
 */
async function ensurePeople(
  trx: Kysely<DB>,
  organisations: Map<string, string>,
): Promise<Map<string, string>> {
  const emails = demoAuthors.map(emailOf);
  await trx
    .insertInto('person')
    .values(demoAuthors.map((a) => ({ email: emailOf(a), name: a.name })))
    .onConflict((oc) => oc.column('email').where('email', 'is not', null).doNothing())
    .execute();
  const rows = await trx.selectFrom('person').select(['id', 'email']).where('email', 'in', emails).execute();
  const people = new Map(rows.map((r) => [r.email!, r.id]));
  await trx
    .insertInto('membership')
    .values(
      demoAuthors.map((a) => ({
        person_id: lookup(people, emailOf(a), 'persoon'),
        organisation_id: lookup(organisations, a.organisation, 'organisatie'),
        role: a.role,
      })),
    )
    .onConflict((oc) => oc.columns(['person_id', 'organisation_id', 'role']).doNothing())
    .execute();
  return people;
}

async function insertRound(
  ctx: Context,
  planId: string,
  round: DemoRound,
  milestones: Map<string, string>,
  createdBy: string,
): Promise<string> {
  const { id: roundId } = await ctx.trx
    .insertInto('round')
    .values({
      plan_id: planId,
      title: round.title,
      purpose: round.purpose,
      state: round.state,
      opens_on: round.opensOn,
      closes_on: round.closesOn,
      milestone_id: lookup(milestones, round.milestoneDate, 'mijlpaal'),
      reminder_days: 3,
      created_by: createdBy,
      created_at: amsterdam(round.createdAt),
      updated_at: amsterdam(round.closedAt ?? round.openedAt),
      opened_at: amsterdam(round.openedAt),
      closed_at: round.closedAt ? amsterdam(round.closedAt) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('round_audience')
    .values(round.groups.map((role) => ({ round_id: roundId, audience: 'group' as const, role })))
    .execute();
  // The form shows the themes in the plan's order, whatever order the questions are written in.
  const themeIds = [...ctx.themes.entries()]
    .filter(([title]) => title in round.questions)
    .map(([, id]) => id);
  if (themeIds.length !== Object.keys(round.questions).length)
    throw new Error('Demo: onbekend thema in vragen');
  await ctx.trx
    .insertInto('round_theme')
    .values(themeIds.map((theme_id, i) => ({ round_id: roundId, theme_id, position: i + 1 })))
    .execute();
  const questions = await ctx.trx
    .insertInto('question')
    .values(
      Object.entries(round.questions).flatMap(([theme, list]) =>
        list.map((q, i) => ({
          round_id: roundId,
          theme_id: lookup(ctx.themes, theme, 'thema'),
          position: i + 1,
          kind: q.kind,
          prompt: q.prompt,
          help: q.help ?? '',
          options: JSON.stringify(q.options ?? []),
        })),
      ),
    )
    .returning(['id', 'theme_id', 'kind'])
    .execute();
  for (const q of questions) ctx.questions.set(`${roundId}|${q.theme_id}|${q.kind}`, q.id);
  return roundId;
}

function formContributions(ctx: Context, roundId: string, lines: FixtureLine[]): ContributionPlan[] {
  const random = seededRandom(20261102);
  const authors = assignAuthors(lines, random);
  return lines.map((line) => {
    const author = authors.get(line.id)!;
    const at = submittedAt(random);
    // Writing took a while: longer texts longer.
    const started = minutes(at, -(2 + Math.round(line.text.length / 40 + random() * 10)));
    return {
      round_id: roundId,
      theme_id: lookup(ctx.themes, line.theme, 'thema'),
      author_id: personOf(ctx, author),
      organisation_id: lookup(ctx.organisations, line.organisation, 'organisatie'),
      visibility: visibilityOf(random),
      source: 'form',
      state: 'submitted',
      client_key: `demo-${line.id}`,
      created_at: started,
      updated_at: at,
      submitted_at: at,
      answers: [answerOf(ctx, roundId, line.theme, { kind: 'open', text: line.text })],
    };
  });
}

function draftContributions(ctx: Context, roundId: string): ContributionPlan[] {
  return demoDrafts.map((draft, i) => {
    const account = demoPeople.find((p) => p.account === draft.account)!;
    const saved = amsterdam(draft.savedAt);
    return {
      round_id: roundId,
      theme_id: lookup(ctx.themes, draft.theme, 'thema'),
      author_id: personOf(ctx, account),
      organisation_id: lookup(ctx.organisations, account.organisation, 'organisatie'),
      visibility: 'name',
      source: 'form',
      state: 'draft',
      client_key: `demo-draft-${i + 1}`,
      created_at: minutes(saved, -25),
      updated_at: saved,
      answers: draft.answers.map((a) => answerOf(ctx, roundId, draft.theme, a)),
    };
  });
}

function meetingContributions(ctx: Context, roundId: string, recorder: string): ContributionPlan[] {
  return abMeetingInput.map((input, i) => {
    // Typed up from the notes the morning after the meeting.
    const at = amsterdam('2026-11-05', 9 * 60 + 7 * i);
    return {
      round_id: roundId,
      theme_id: lookup(ctx.themes, input.theme, 'thema'),
      author_id: recorder,
      organisation_id: lookup(ctx.organisations, input.organisation, 'organisatie'),
      visibility: 'organisation',
      source: 'meeting',
      meeting_date: AB_MEETING.date,
      meeting_source: AB_MEETING.source,
      state: 'submitted',
      client_key: `demo-ab-0411-${i + 1}`,
      body: input.text,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      answers: [],
    };
  });
}

async function insertContributions(ctx: Context, plans: ContributionPlan[]) {
  const rows = await ctx.trx
    .insertInto('contribution')
    .values(plans.map(({ answers, ...row }) => ({ ...row, body: row.body ?? bodyOf(answers) })))
    .returning(['id', 'client_key'])
    .execute();
  const ids = new Map(rows.map((r) => [r.client_key, r.id]));
  const answers = plans.flatMap((plan) =>
    plan.answers.map((a) => ({
      contribution_id: lookup(ids, plan.client_key, 'inbreng'),
      question_id: a.questionId,
      text: a.text,
      choices: JSON.stringify(a.choices),
      scale: a.scale,
    })),
  );
  await ctx.trx.insertInto('answer').values(answers).execute();
}

/** The gemeenten's consolidated responses, each answer with its version and who saved it last. */
async function insertResponses(ctx: Context, roundId: string, responses: DemoResponse[]) {
  const officialOf = (organisation: string, index: number) => {
    const official = authorsOf(organisation)[index];
    if (!official) throw new Error(`Demo: ${organisation} heeft geen ambtenaar nummer ${index + 1}`);
    return personOf(ctx, official);
  };
  const rows = await ctx.trx
    .insertInto('gemeente_response')
    .values(
      responses.map((r) => {
        const saves = r.answers.map((a) => amsterdam(a.at).getTime());
        const submittedAt = r.submitted ? amsterdam(r.submitted.at) : null;
        return {
          round_id: roundId,
          organisation_id: lookup(ctx.organisations, r.organisation, 'organisatie'),
          state: r.submitted ? ('submitted' as const) : ('drafting' as const),
          submitted_by: r.submitted ? officialOf(r.organisation, r.submitted.by) : null,
          submitted_at: submittedAt,
          created_at: minutes(new Date(Math.min(...saves)), -12),
          last_activity_at: submittedAt ?? new Date(Math.max(...saves)),
        };
      }),
    )
    .returning(['id', 'organisation_id'])
    .execute();
  const ids = new Map(rows.map((r) => [r.organisation_id, r.id]));
  await ctx.trx
    .insertInto('response_answer')
    .values(
      responses.flatMap((r) =>
        r.answers.map((a) => {
          const answer = answerOf(ctx, roundId, a.theme, a);
          return {
            response_id: lookup(ids, lookup(ctx.organisations, r.organisation, 'organisatie'), 'reactie'),
            question_id: answer.questionId,
            text: answer.text,
            choices: JSON.stringify(answer.choices),
            scale: answer.scale,
            version: a.version,
            updated_by: officialOf(r.organisation, a.by),
            updated_at: amsterdam(a.at),
          };
        }),
      ),
    )
    .execute();
}

async function loadContext(trx: Kysely<DB>, planId: string) {
  const [themes, organisations, milestones] = await Promise.all([
    trx
      .selectFrom('theme')
      .innerJoin('goal', 'goal.id', 'theme.goal_id')
      .select(['theme.id', 'theme.title'])
      .where('goal.plan_id', '=', planId)
      .orderBy('goal.position')
      .orderBy('theme.position')
      .execute(),
    trx.selectFrom('organisation').select(['id', 'slug']).execute(),
    trx.selectFrom('milestone').select(['id', 'date']).where('plan_id', '=', planId).execute(),
  ]);
  return {
    themes: new Map(themes.map((t) => [t.title, t.id])),
    organisations: new Map(organisations.map((o) => [o.slug, o.id])),
    milestones: new Map(milestones.map((m) => [m.date, m.id])),
  };
}

/**
 * Seeds the rounds once, on the demo plan. The advisory lock makes a second process that starts at the
 * same moment wait, then find the open round and leave it be.
 */
export async function seedDemoRounds(db: Kysely<DB>): Promise<{ seeded: boolean }> {
  const lines = readDemoContributions();
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('inbreng.demo.rounds'))`.execute(trx);
    const plan = await trx
      .selectFrom('plan')
      .select('id')
      .where('slug', '=', demoPlan.slug)
      .executeTakeFirst();
    if (!plan) return { seeded: false };
    const existing = await trx
      .selectFrom('round')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('title', '=', openRound.title)
      .executeTakeFirst();
    if (existing) return { seeded: false };

    const { themes, organisations, milestones } = await loadContext(trx, plan.id);
    const people = await ensurePeople(trx, organisations);
    const ctx: Context = { trx, themes, organisations, people, questions: new Map() };
    const team = demoPeople.find((p) => p.account === 'programmateam')!;
    const { id: teamId } = await trx
      .selectFrom('person')
      .select('id')
      .where('email', '=', team.email)
      .executeTakeFirstOrThrow();

    const closedId = await insertRound(ctx, plan.id, closedRound, milestones, teamId);
    const openId = await insertRound(ctx, plan.id, openRound, milestones, teamId);
    await insertContributions(ctx, [
      ...formContributions(ctx, openId, lines),
      ...draftContributions(ctx, openId),
      ...meetingContributions(ctx, openId, teamId),
    ]);
    await insertResponses(ctx, closedId, closedRound.responses);
    await insertResponses(ctx, openId, openRound.responses);
    return { seeded: true };
  });
}

// Test fixtures for rounds: a round on the demo plan with questions, in the state a test needs,
// written straight to the database so a test of one feature does not depend on another's API.
import type { AudienceGroup, QuestionKind, RoundState } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type RoundFixture = {
  roundId: string;
  planId: string;
  themeIds: string[];
  /** Per theme, its question ids in order. */
  questionIds: Record<string, string[]>;
};

export async function createRound(
  db: Kysely<DB>,
  options: {
    state?: RoundState;
    opensOn?: string;
    closesOn?: string;
    groups?: AudienceGroup[];
    organisationSlugs?: string[];
    themeCount?: number;
    questions?: Array<{ kind: QuestionKind; prompt: string; options?: string[]; required?: boolean }>;
    title?: string;
    reminderDays?: number;
  } = {},
): Promise<RoundFixture> {
  const plan = await db.selectFrom('plan').select('id').orderBy('created_at').executeTakeFirstOrThrow();
  const themes = await db
    .selectFrom('theme')
    .innerJoin('goal', 'goal.id', 'theme.goal_id')
    .select('theme.id')
    .where('goal.plan_id', '=', plan.id)
    .orderBy('goal.position')
    .orderBy('theme.position')
    .limit(options.themeCount ?? 2)
    .execute();
  const questions = options.questions ?? [
    { kind: 'open', prompt: 'Wat gaat goed, en wat kan beter?', required: true },
    {
      kind: 'single',
      prompt: 'Hoe belangrijk is dit thema voor u?',
      options: ['Heel belangrijk', 'Belangrijk', 'Minder belangrijk'],
    },
    { kind: 'addition', prompt: 'Wat zou u toevoegen?' },
  ];

  return db.transaction().execute(async (trx) => {
    const state = options.state ?? 'open';
    const { id: roundId } = await trx
      .insertInto('round')
      .values({
        plan_id: plan.id,
        title: options.title ?? 'Eerste ronde: uw inbreng op de doelen',
        purpose: 'Wij horen graag wat u belangrijk vindt voor het werkplan.',
        state,
        opens_on: options.opensOn ?? '2026-11-16',
        closes_on: options.closesOn ?? '2026-12-04',
        reminder_days: options.reminderDays ?? 3,
        opened_at: state === 'draft' ? null : new Date('2026-11-16T08:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const role of options.groups ?? [
      'medewerker',
      'adviesraad_lid',
      'gemeente_ambtenaar',
      'ketenpartner',
    ]) {
      await trx.insertInto('round_audience').values({ round_id: roundId, audience: 'group', role }).execute();
    }
    for (const slug of options.organisationSlugs ?? []) {
      const org = await trx
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('round_audience')
        .values({ round_id: roundId, audience: 'organisation', organisation_id: org.id })
        .execute();
    }
    const questionIds: Record<string, string[]> = {};
    for (const [t, theme] of themes.entries()) {
      await trx
        .insertInto('round_theme')
        .values({ round_id: roundId, theme_id: theme.id, position: t + 1 })
        .execute();
      questionIds[theme.id] = [];
      for (const [i, q] of questions.entries()) {
        const { id } = await trx
          .insertInto('question')
          .values({
            round_id: roundId,
            theme_id: theme.id,
            position: i + 1,
            kind: q.kind,
            prompt: q.prompt,
            options: JSON.stringify(q.options ?? []),
            required: q.required ?? false,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        questionIds[theme.id]!.push(id);
      }
    }
    return { roundId, planId: plan.id, themeIds: themes.map((t) => t.id), questionIds };
  });
}

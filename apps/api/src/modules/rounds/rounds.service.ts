// Setting up and running consultation rounds: the programme team creates and edits them, adds
// questions per theme, and moves them through the state table; the scheduler opens and closes them on
// their dates. Opening invites everyone the round asks, by their notification choice.
import type {
  Page,
  Question,
  QuestionInput,
  RoundDetail,
  RoundInput,
  RoundQuery,
  RoundState,
  RoundSummary,
  RoundTransition,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/policy.ts';
import { amsterdamToday } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { audit } from '../audit/audit.ts';
import type { EventBus } from '../../plugins/events.ts';
import type { JobRunner } from '../jobs/queue.ts';
import { isProgrammeTeam, visibleRound } from './audience.ts';
import { queueRoundNotices } from './rounds.notices.ts';
import * as q from './rounds.queries.ts';
import { canTransition, transitionMessages } from './rounds.state.ts';

type Deps = { db: Kysely<DB>; now: () => Date; jobs: JobRunner; events: EventBus; baseUrl: () => string };

const DRAFT_ONLY = 'Dit kan alleen zolang de ronde een concept is.';

async function checkReferences(trx: Kysely<DB>, input: RoundInput) {
  const fields: Record<string, string> = {};
  const plan = await trx.selectFrom('plan').select('id').where('id', '=', input.planId).executeTakeFirst();
  if (!plan) fields.planId = 'Dit plan bestaat niet.';
  const themes = await trx
    .selectFrom('theme')
    .innerJoin('goal', 'goal.id', 'theme.goal_id')
    .select('theme.id')
    .where('goal.plan_id', '=', input.planId)
    .where('theme.id', 'in', input.themeIds)
    .execute();
  if (themes.length !== new Set(input.themeIds).size) fields.themeIds = 'Kies thema’s van dit plan.';
  if (input.milestoneId) {
    const m = await trx
      .selectFrom('milestone')
      .select('id')
      .where('id', '=', input.milestoneId)
      .where('plan_id', '=', input.planId)
      .executeTakeFirst();
    if (!m) fields.milestoneId = 'Kies een moment van de tijdlijn van dit plan.';
  }
  if (input.audienceOrganisationIds.length > 0) {
    const orgs = await trx
      .selectFrom('organisation')
      .select('id')
      .where('id', 'in', input.audienceOrganisationIds)
      .execute();
    if (orgs.length !== new Set(input.audienceOrganisationIds).size)
      fields.audienceOrganisationIds = 'Een van de organisaties bestaat niet.';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', undefined, fields);
}

async function writeAudienceAndThemes(trx: Kysely<DB>, roundId: string, input: RoundInput) {
  await trx.deleteFrom('round_audience').where('round_id', '=', roundId).execute();
  await trx.deleteFrom('round_theme').where('round_id', '=', roundId).execute();
  const groups = [...new Set(input.audienceGroups)];
  const organisations = [...new Set(input.audienceOrganisationIds)];
  if (groups.length > 0) {
    await trx
      .insertInto('round_audience')
      .values(groups.map((role) => ({ round_id: roundId, audience: 'group' as const, role })))
      .execute();
  }
  if (organisations.length > 0) {
    await trx
      .insertInto('round_audience')
      .values(
        organisations.map((id) => ({
          round_id: roundId,
          audience: 'organisation' as const,
          organisation_id: id,
        })),
      )
      .execute();
  }
  const themeIds = [...new Set(input.themeIds)];
  await trx
    .insertInto('round_theme')
    .values(themeIds.map((theme_id, i) => ({ round_id: roundId, theme_id, position: i + 1 })))
    .execute();
  // Questions of themes no longer in the round go with them.
  await trx
    .deleteFrom('question')
    .where('round_id', '=', roundId)
    .where('theme_id', 'not in', themeIds)
    .execute();
}

export function createRoundsService({ db, now, jobs, events, baseUrl }: Deps) {
  async function detail(id: string): Promise<RoundDetail> {
    const summary = await q.roundSummary(db, id);
    if (!summary) throw notFound('Deze ronde bestaat niet (meer).');
    return { ...summary, questions: await q.questionsOf(db, id) };
  }

  /** Moves a round to `to` if the state table allows it; the one place a round's state changes. */
  async function transition(
    trx: Kysely<DB>,
    actorId: string | null,
    roundId: string,
    change: RoundTransition,
  ) {
    const round = await q.lockRound(trx, roundId);
    if (!round) throw notFound('Deze ronde bestaat niet (meer).');
    if (round.state === change.to) return { changed: false, round };
    if (!canTransition(round.state, change.to)) throw new AppError('CONFLICT', transitionMessages[change.to]);
    const at = now();
    if (change.to === 'open') {
      if (round.state === 'closed' && !change.reason) {
        throw new AppError('VALIDATION', 'Geef een reden om de ronde te heropenen.', {
          reason: 'Geef een reden om de ronde te heropenen.',
        });
      }
      const questions = await q.questionsOf(trx, roundId);
      const themes = await trx
        .selectFrom('round_theme')
        .select('theme_id')
        .where('round_id', '=', roundId)
        .execute();
      const empty = themes.filter((t) => !questions.some((qq) => qq.themeId === t.theme_id));
      if (empty.length > 0)
        throw new AppError(
          'CONFLICT',
          'Elk thema van de ronde heeft minstens één vraag nodig voordat de ronde open kan.',
        );
      if (round.closes_on < amsterdamToday(at)) {
        throw new AppError('CONFLICT', 'De sluitdatum ligt in het verleden. Verleng eerst de ronde.');
      }
    }
    await trx
      .updateTable('round')
      .set({
        state: change.to,
        updated_at: at,
        ...(change.to === 'open' ? { opened_at: at, closed_at: null } : {}),
        ...(change.to === 'closed' ? { closed_at: at } : {}),
        ...(change.to === 'reported' ? { reported_at: at } : {}),
      })
      .where('id', '=', roundId)
      .execute();
    await audit(trx, {
      actorId,
      action: `round.${change.to === 'open' ? (round.state === 'closed' ? 'reopened' : 'opened') : change.to}`,
      subjectType: 'round',
      subjectId: roundId,
      details: { from: round.state, to: change.to, ...(change.reason ? { reason: change.reason } : {}) },
      at,
    });
    if (change.to === 'open' && round.state === 'draft')
      await queueRoundNotices(trx, roundId, 'opened', at, baseUrl());
    return { changed: true, round };
  }

  async function afterChange(roundId: string, state: RoundState) {
    jobs.wake();
    await events.publish({ topic: `round:${roundId}`, type: 'state', data: { roundId, state } });
  }

  return {
    detail,
    transition,

    async list(actor: Actor, query: RoundQuery): Promise<Page<RoundSummary>> {
      const filter: q.RoundFilter = {
        state: query.state,
        planId: query.planId,
        ...(isProgrammeTeam(actor)
          ? {}
          : {
              visibleTo: {
                roles: actor.memberships.map((m) => m.role),
                organisationIds: actor.memberships.map((m) => m.organisationId),
              },
            }),
      };
      const [ids, total] = await Promise.all([
        q.listRoundIds(db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
        q.countRounds(db, filter),
      ]);
      return {
        items: await q.roundSummaries(
          db,
          ids.map((r) => r.id),
        ),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async get(actor: Actor, roundId: string): Promise<RoundDetail> {
      await visibleRound(db, roundId, actor);
      return detail(roundId);
    },

    async create(actor: Actor, input: RoundInput): Promise<RoundDetail> {
      const id = await db.transaction().execute(async (trx) => {
        await checkReferences(trx, input);
        const at = now();
        const { id } = await trx
          .insertInto('round')
          .values({
            plan_id: input.planId,
            title: input.title,
            purpose: input.purpose,
            opens_on: input.opensOn,
            closes_on: input.closesOn,
            milestone_id: input.milestoneId,
            reminder_days: input.reminderDays,
            created_by: actor.personId,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudienceAndThemes(trx, id, input);
        await audit(trx, {
          actorId: actor.personId,
          action: 'round.created',
          subjectType: 'round',
          subjectId: id,
          at,
        });
        return id;
      });
      return detail(id);
    },

    async update(actor: Actor, roundId: string, input: RoundInput): Promise<RoundDetail> {
      await db.transaction().execute(async (trx) => {
        const round = await q.lockRound(trx, roundId);
        if (!round) throw notFound('Deze ronde bestaat niet (meer).');
        if (round.state === 'reported')
          throw new AppError(
            'CONFLICT',
            'Over deze ronde is al verslag gedaan; hij kan niet meer veranderen.',
          );
        await checkReferences(trx, input);
        if (round.state !== 'draft') {
          // Once people are answering, who is asked and about what stays; dates and texts may change.
          const current = await q.roundSummary(trx, roundId);
          const same = (a: string[], b: string[]) =>
            a.length === b.length && [...a].sort().join() === [...b].sort().join();
          if (
            input.planId !== round.plan_id ||
            input.opensOn !== round.opens_on ||
            !same(
              input.themeIds,
              current!.themes.map((t) => t.id),
            ) ||
            !same(input.audienceGroups, current!.audience.groups) ||
            !same(
              input.audienceOrganisationIds,
              current!.audience.organisations.map((o) => o.id),
            )
          ) {
            throw new AppError(
              'CONFLICT',
              'Plan, openingsdatum, thema’s en doelgroep kunnen alleen veranderen zolang de ronde een concept is.',
            );
          }
        }
        await trx
          .updateTable('round')
          .set({
            title: input.title,
            purpose: input.purpose,
            opens_on: input.opensOn,
            closes_on: input.closesOn,
            milestone_id: input.milestoneId,
            reminder_days: input.reminderDays,
            updated_at: now(),
          })
          .where('id', '=', roundId)
          .execute();
        if (round.state === 'draft') await writeAudienceAndThemes(trx, roundId, input);
        await audit(trx, {
          actorId: actor.personId,
          action: 'round.updated',
          subjectType: 'round',
          subjectId: roundId,
          at: now(),
        });
      });
      return detail(roundId);
    },

    async changeState(actor: Actor, roundId: string, change: RoundTransition): Promise<RoundDetail> {
      const { changed } = await db
        .transaction()
        .execute((trx) => transition(trx, actor.personId, roundId, change));
      if (changed) await afterChange(roundId, change.to);
      return detail(roundId);
    },

    async addQuestion(actor: Actor, roundId: string, input: QuestionInput): Promise<Question> {
      return db.transaction().execute(async (trx) => {
        const round = await q.lockRound(trx, roundId);
        if (!round) throw notFound('Deze ronde bestaat niet (meer).');
        if (round.state !== 'draft') throw new AppError('CONFLICT', DRAFT_ONLY);
        const inRound = await trx
          .selectFrom('round_theme')
          .select('theme_id')
          .where('round_id', '=', roundId)
          .where('theme_id', '=', input.themeId)
          .executeTakeFirst();
        if (!inRound)
          throw new AppError('VALIDATION', undefined, { themeId: 'Dit thema hoort niet bij de ronde.' });
        const last = await trx
          .selectFrom('question')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('round_id', '=', roundId)
          .where('theme_id', '=', input.themeId)
          .executeTakeFirst();
        const { id } = await trx
          .insertInto('question')
          .values({
            round_id: roundId,
            theme_id: input.themeId,
            position: Number(last?.max ?? 0) + 1,
            kind: input.kind,
            prompt: input.prompt,
            help: input.help,
            options: JSON.stringify(['single', 'multiple'].includes(input.kind) ? input.options : []),
            required: input.required,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, {
          actorId: actor.personId,
          action: 'round.question_added',
          subjectType: 'round',
          subjectId: roundId,
          at: now(),
        });
        return (await q.questionsOf(trx, roundId)).find((qq) => qq.id === id)!;
      });
    },

    async updateQuestion(
      actor: Actor,
      roundId: string,
      questionId: string,
      input: QuestionInput,
    ): Promise<Question> {
      return db.transaction().execute(async (trx) => {
        const round = await q.lockRound(trx, roundId);
        if (!round) throw notFound('Deze ronde bestaat niet (meer).');
        if (round.state !== 'draft') throw new AppError('CONFLICT', DRAFT_ONLY);
        const updated = await trx
          .updateTable('question')
          .set({
            kind: input.kind,
            prompt: input.prompt,
            help: input.help,
            options: JSON.stringify(['single', 'multiple'].includes(input.kind) ? input.options : []),
            required: input.required,
          })
          .where('id', '=', questionId)
          .where('round_id', '=', roundId)
          .where('theme_id', '=', input.themeId)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw notFound('Deze vraag bestaat niet (meer).');
        await audit(trx, {
          actorId: actor.personId,
          action: 'round.question_changed',
          subjectType: 'round',
          subjectId: roundId,
          at: now(),
        });
        return (await q.questionsOf(trx, roundId)).find((qq) => qq.id === questionId)!;
      });
    },

    async deleteQuestion(actor: Actor, roundId: string, questionId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const round = await q.lockRound(trx, roundId);
        if (!round) throw notFound('Deze ronde bestaat niet (meer).');
        if (round.state !== 'draft') throw new AppError('CONFLICT', DRAFT_ONLY);
        const deleted = await trx
          .deleteFrom('question')
          .where('id', '=', questionId)
          .where('round_id', '=', roundId)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound('Deze vraag bestaat niet (meer).');
        await audit(trx, {
          actorId: actor.personId,
          action: 'round.question_removed',
          subjectType: 'round',
          subjectId: roundId,
          at: now(),
        });
      });
    },

    /**
     * The scheduler's work (every minute, once across processes): open complete drafts whose day has
     * come, close open rounds after their last day, and remind those who have not responded.
     */
    async tick(): Promise<{ opened: number; closed: number; reminded: number }> {
      const at = now();
      const today = amsterdamToday(at);
      const result = { opened: 0, closed: 0, reminded: 0 };
      const due = await db
        .selectFrom('round')
        .select(['id', 'state', 'opens_on', 'closes_on', 'reminder_days', 'reminded_at'])
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'draft'), eb('opens_on', '<=', today), eb('closes_on', '>=', today)]),
            eb.and([eb('state', '=', 'open'), eb('closes_on', '<', today)]),
            eb.and([eb('state', '=', 'open'), eb('reminded_at', 'is', null)]),
          ]),
        )
        .execute();
      for (const round of due) {
        try {
          if (round.state === 'draft') {
            await db.transaction().execute((trx) => transition(trx, null, round.id, { to: 'open' }));
            await afterChange(round.id, 'open');
            result.opened += 1;
          } else if (round.closes_on < today) {
            await db.transaction().execute((trx) => transition(trx, null, round.id, { to: 'closed' }));
            await afterChange(round.id, 'closed');
            result.closed += 1;
          } else if (reminderDue(round.closes_on, round.reminder_days, today)) {
            await db.transaction().execute(async (trx) => {
              await queueRoundNotices(trx, round.id, 'reminder', at, baseUrl());
              await trx.updateTable('round').set({ reminded_at: at }).where('id', '=', round.id).execute();
            });
            jobs.wake();
            result.reminded += 1;
          }
        } catch (error) {
          // An incomplete draft stays a draft; the team sees it on the rounds page. Others go on.
          if (!(error instanceof AppError)) throw error;
        }
      }
      return result;
    },
  };
}

/** Reminders go out from `reminderDays` before the last day on (0: no reminder). */
export function reminderDue(closesOn: string, reminderDays: number, today: string): boolean {
  if (reminderDays === 0) return false;
  const close = new Date(`${closesOn}T12:00:00Z`);
  close.setUTCDate(close.getUTCDate() - reminderDays);
  return today >= close.toISOString().slice(0, 10);
}

export type RoundsService = ReturnType<typeof createRoundsService>;

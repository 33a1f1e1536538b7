// The consolidated response of an invited organisation to a round, written together by its officials:
// every answer saves with a version, so a save from an older version is a conflict shown to the
// person, never a silent overwrite. One official submits; only the programme team reopens. The
// programme team follows them all on the tracker (responses.tracker.ts).
//
// Presence is kept per response row. A heartbeat on a response that has no row yet creates it (as a
// first save does), so two officials who open an empty response see each other. Such a row without
// any answer still counts as "not started": opening a page is not writing a response.
import type {
  AnswerInput,
  GemeenteResponse,
  MyResponses,
  Question,
  ResponseAnswer,
  ResponseAnswerSave,
  ResponsePresence,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import { assertCan, can, type Actor } from '../../access/policy.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { EventBus } from '../../plugins/events.ts';
import { audit } from '../audit/audit.ts';
import type { JobRunner } from '../jobs/queue.ts';
import { queueMail } from '../mail/mail.service.ts';
import { visibleRound } from '../rounds/audience.ts';
import { questionsOf, roundSummaries, roundSummary } from '../rounds/rounds.queries.ts';
import { responseReopenedMail } from './responses.mails.ts';
import * as q from './responses.queries.ts';
import { lastActivityOf, responseLink, stateOf } from './responses.state.ts';

type Deps = { db: Kysely<DB>; now: () => Date; jobs: JobRunner; events: EventBus; baseUrl: () => string };

const PRESENCE_WINDOW_MS = 30_000;

const NOT_FOUND = 'Deze reactie bestaat niet, of u hebt er geen toegang toe.';
const LOCKED = 'Deze reactie is ingediend en daarom vergrendeld. Het programmateam kan hem heropenen.';
const ROUND_NOT_OPEN = 'Deze ronde is niet open; de reactie kan nu niet worden gewijzigd of ingediend.';
const MERGE = 'Hieronder ziet u beide teksten; voeg ze samen en sla opnieuw op.';

/** A save that started from an older version: the route answers 409 with both texts to merge. */
export class AnswerConflictError extends AppError {
  readonly theirs: ResponseAnswer;
  readonly yours: AnswerInput;

  constructor(message: string, theirs: ResponseAnswer, yours: AnswerInput) {
    super('CONFLICT', message);
    this.theirs = theirs;
    this.yours = yours;
  }
}

const hasContent = (a: { text: string; choices: string[]; scale: number | null }) =>
  a.text.trim() !== '' || a.choices.length > 0 || a.scale !== null;

function toAnswer(row: q.AnswerRow): ResponseAnswer {
  return {
    questionId: row.question_id,
    text: row.text,
    choices: row.choices,
    scale: row.scale,
    version: row.version,
    updatedBy: row.updated_by_name,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The parts of an answer that fit its question; anything else is a mistake worth telling. */
function fitAnswer(question: Question, input: ResponseAnswerSave) {
  const fields: Record<string, string> = {};
  const choosing = question.kind === 'single' || question.kind === 'multiple';
  if (!choosing && input.choices.length > 0) fields.choices = 'Bij deze vraag hoort geen keuze.';
  if (choosing && input.choices.some((c) => !question.options.includes(c)))
    fields.choices = 'Kies uit de mogelijkheden die bij de vraag staan.';
  if (question.kind === 'single' && input.choices.length > 1) fields.choices = 'Kies één mogelijkheid.';
  if (question.kind !== 'scale' && input.scale !== null) fields.scale = 'Bij deze vraag hoort geen schaal.';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', undefined, fields);
  return { text: input.text, choices: [...new Set(input.choices)], scale: input.scale };
}

function conflictMessage(current: q.AnswerRow | undefined, actor: Actor): string {
  if (!current) return `Dit antwoord is intussen veranderd. ${MERGE}`;
  if (current.updated_by === actor.personId)
    return `U hebt dit antwoord intussen ergens anders gewijzigd, bijvoorbeeld in een ander venster. ${MERGE}`;
  return `${current.updated_by_name ?? 'Iemand anders'} heeft dit antwoord intussen gewijzigd. ${MERGE}`;
}

export function createResponsesService({ db, now, jobs, events, baseUrl }: Deps) {
  const linkTo = (roundId: string, organisationId: string) =>
    responseLink(baseUrl(), roundId, organisationId);

  /**
   * The round and the invited organisation, if this person may see its response. An organisation
   * that is not invited and another organisation's response are the same "not found": ids reveal nothing.
   */
  async function reach(actor: Actor, roundId: string, organisationId: string) {
    await visibleRound(db, roundId, actor);
    const organisation = await q.invitedOrganisation(db, roundId, organisationId);
    if (!organisation || !can(actor, 'response:read', { organisationId })) throw notFound(NOT_FOUND);
    return organisation;
  }

  async function reachToEdit(actor: Actor, roundId: string, organisationId: string) {
    const organisation = await reach(actor, roundId, organisationId);
    assertCan(actor, 'response:edit', { organisationId });
    return organisation;
  }

  async function assertRoundOpen(trx: Kysely<DB>, roundId: string) {
    const round = await q.roundStateHeld(trx, roundId);
    if (round?.state !== 'open') throw new AppError('CONFLICT', ROUND_NOT_OPEN);
    return round;
  }

  function presentOthers(responseId: string, actor: Actor) {
    return q.presentSince(db, responseId, new Date(now().getTime() - PRESENCE_WINDOW_MS), actor.personId);
  }

  async function view(actor: Actor, roundId: string, organisationId: string): Promise<GemeenteResponse> {
    const organisation = await reach(actor, roundId, organisationId);
    const [summary, questions, row] = await Promise.all([
      roundSummary(db, roundId),
      questionsOf(db, roundId),
      q.findResponse(db, roundId, organisationId),
    ]);
    const [answers, editors] = row
      ? await Promise.all([q.answersOf(db, row.id), presentOthers(row.id, actor)])
      : [[], []];
    const state = stateOf(row);
    return {
      id: row?.id ?? null,
      roundId,
      organisationId,
      organisationName: organisation.name,
      state,
      questions,
      themes: summary!.themes,
      answers: answers.map(toAnswer),
      submittedBy: row?.submitted_by_name ?? null,
      submittedAt: row?.submitted_at?.toISOString() ?? null,
      reopenedReason: row?.reopened_reason ?? null,
      editors,
      editable:
        summary!.state === 'open' && state !== 'submitted' && can(actor, 'response:edit', { organisationId }),
    };
  }

  /** After a commit: the response's own followers and the tracker hear of it. */
  async function announce(
    roundId: string,
    organisationId: string,
    event: { type: string; data: Record<string, unknown>; by: string | null },
  ) {
    const row = await q.findResponse(db, roundId, organisationId);
    await events.publish({ topic: `response:${roundId}:${organisationId}`, ...event });
    await events.publish({
      topic: `tracker:${roundId}`,
      type: 'response',
      data: { organisationId, state: stateOf(row), lastActivityAt: lastActivityOf(row) },
    });
  }

  return {
    view,

    async mine(actor: Actor): Promise<MyResponses> {
      const writerRoles: readonly string[] = q.CONTACT_ROLES;
      const organisationIds = [
        ...new Set(
          actor.memberships.filter((m) => writerRoles.includes(m.role)).map((m) => m.organisationId),
        ),
      ];
      const invitations = await q.invitationsFor(db, organisationIds);
      const roundIds = [...new Set(invitations.map((i) => i.round_id))];
      const [summaries, responses] = await Promise.all([
        roundSummaries(db, roundIds),
        q.responsesWithCounts(db, { roundIds, organisationIds }),
      ]);
      return {
        items: invitations.flatMap((i) => {
          const round = summaries.find((r) => r.id === i.round_id);
          if (!round) return [];
          const row = responses.find((r) => r.round_id === i.round_id && r.organisation_id === i.id);
          const state = stateOf(row);
          return [
            {
              round,
              organisationId: i.id,
              organisationName: i.name,
              state,
              lastActivityAt: lastActivityOf(row),
              submittedAt: row?.submitted_at?.toISOString() ?? null,
              editable:
                round.state === 'open' &&
                state !== 'submitted' &&
                can(actor, 'response:edit', { organisationId: i.id }),
            },
          ];
        }),
      };
    },

    async saveAnswer(
      actor: Actor & { name: string | null },
      roundId: string,
      organisationId: string,
      questionId: string,
      input: ResponseAnswerSave,
    ): Promise<ResponseAnswer> {
      await reachToEdit(actor, roundId, organisationId);
      if (input.questionId !== questionId)
        throw new AppError('VALIDATION', undefined, {
          questionId: 'Dit antwoord hoort bij een andere vraag.',
        });
      const question = (await questionsOf(db, roundId)).find((qq) => qq.id === questionId);
      if (!question) throw notFound('Deze vraag hoort niet bij deze ronde.');
      const content = fitAnswer(question, input);
      const at = now();

      const saved = await db.transaction().execute(async (trx) => {
        await assertRoundOpen(trx, roundId);
        await q.ensureResponse(trx, roundId, organisationId, at);
        const response = (await q.lockResponse(trx, roundId, organisationId))!;
        if (response.state === 'submitted') throw new AppError('CONFLICT', LOCKED);
        const write = { responseId: response.id, questionId, ...content, personId: actor.personId, at };
        const written =
          input.baseVersion === 0
            ? await q.insertFirstAnswer(trx, write)
            : await q.updateAnswerFrom(trx, write, input.baseVersion);
        const current = await q.answerOf(trx, response.id, questionId);
        if (!written) {
          // Someone saved in between. The very same content needs no merging; anything else does.
          if (current && JSON.stringify(toAnswerContent(current)) === JSON.stringify(content)) {
            return { answer: current, changed: false };
          }
          const theirs: ResponseAnswer = current
            ? toAnswer(current)
            : {
                questionId,
                text: '',
                choices: [],
                scale: null,
                version: 0,
                updatedBy: null,
                updatedAt: null,
              };
          throw new AnswerConflictError(conflictMessage(current, actor), theirs, { questionId, ...content });
        }
        await q.touchResponse(trx, response.id, at);
        return { answer: current!, changed: true };
      });

      if (saved.changed) {
        await announce(roundId, organisationId, {
          type: 'answer',
          data: { questionId, version: saved.answer.version },
          by: actor.name,
        });
      }
      return toAnswer(saved.answer);
    },

    async presence(
      actor: Actor & { name: string | null },
      roundId: string,
      organisationId: string,
    ): Promise<ResponsePresence> {
      await reachToEdit(actor, roundId, organisationId);
      const at = now();
      const responseId = await db.transaction().execute(async (trx) => {
        const round = await q.roundStateHeld(trx, roundId);
        if (round?.state === 'open') await q.ensureResponse(trx, roundId, organisationId, at);
        const row = await q.findResponse(trx, roundId, organisationId);
        if (!row) return null;
        await q.recordPresence(trx, row.id, actor.personId, at);
        return row.id;
      });
      if (!responseId) return { editors: [] };
      await events.publish({
        topic: `response:${roundId}:${organisationId}`,
        type: 'presence',
        data: { personId: actor.personId },
        by: actor.name,
      });
      return { editors: await presentOthers(responseId, actor) };
    },

    async submit(
      actor: Actor & { name: string | null },
      roundId: string,
      organisationId: string,
    ): Promise<GemeenteResponse> {
      await reachToEdit(actor, roundId, organisationId);
      const at = now();
      const changed = await db.transaction().execute(async (trx) => {
        // The round before the response, in every transaction here, so concurrent ones cannot deadlock.
        const round = await q.roundStateHeld(trx, roundId);
        const response = await q.lockResponse(trx, roundId, organisationId);
        // A second click, a retry or a colleague who was just as quick: the response is in, nothing to do.
        if (response?.state === 'submitted') return false;
        if (round?.state !== 'open') throw new AppError('CONFLICT', ROUND_NOT_OPEN);
        const filled = response ? (await q.answersOf(trx, response.id)).filter(hasContent) : [];
        if (!response || filled.length === 0) {
          throw new AppError(
            'VALIDATION',
            'Deze reactie is nog leeg. Beantwoord minstens één vraag voordat u hem indient.',
          );
        }
        const missing = (await questionsOf(trx, roundId)).filter(
          (qq) => qq.required && !filled.some((a) => a.question_id === qq.id),
        );
        if (missing.length > 0) {
          throw new AppError(
            'VALIDATION',
            missing.length === 1
              ? 'Er is nog één verplichte vraag niet beantwoord.'
              : `Er zijn nog ${missing.length} verplichte vragen niet beantwoord.`,
            Object.fromEntries(missing.map((qq) => [`answers.${qq.id}`, 'Deze vraag is verplicht.'])),
          );
        }
        await q.markSubmitted(trx, response.id, actor.personId, at);
        await audit(trx, {
          actorId: actor.personId,
          action: 'response.submitted',
          subjectType: 'gemeente_response',
          subjectId: response.id,
          organisationId,
          details: { roundId },
          at,
        });
        return true;
      });
      if (changed) {
        await announce(roundId, organisationId, {
          type: 'state',
          data: { state: 'submitted' },
          by: actor.name,
        });
      }
      return view(actor, roundId, organisationId);
    },

    async reopen(
      actor: Actor & { name: string | null },
      roundId: string,
      organisationId: string,
      reason: string,
    ): Promise<GemeenteResponse> {
      assertCan(actor, 'round:manage');
      const organisation = await reach(actor, roundId, organisationId);
      const at = now();
      await db.transaction().execute(async (trx) => {
        const round = await q.roundStateHeld(trx, roundId);
        const response = await q.lockResponse(trx, roundId, organisationId);
        if (response?.state !== 'submitted')
          throw new AppError('CONFLICT', 'Deze reactie is niet ingediend; heropenen is niet nodig.');
        if (round?.state !== 'open')
          throw new AppError(
            'CONFLICT',
            'De ronde is niet open. Heropen eerst de ronde; daarna kunt u deze reactie heropenen.',
          );
        await q.markReopened(trx, response.id, reason, at);
        await audit(trx, {
          actorId: actor.personId,
          action: 'response.reopened',
          subjectType: 'gemeente_response',
          subjectId: response.id,
          organisationId,
          details: { roundId, reason },
          at,
        });
        // Everyone who writes this response hears of it: its members and whoever saved an answer.
        const people = [
          ...(await q.contactsOf(trx, [organisationId])),
          ...(await q.editorsOf(trx, response.id)),
        ];
        const reached = new Set<string>();
        for (const person of people) {
          if (reached.has(person.id) || !person.email || person.notify === 'none') continue;
          reached.add(person.id);
          const mail = responseReopenedMail(person.locale, {
            name: person.name,
            organisationName: organisation.name,
            roundTitle: round.title,
            reason,
            link: linkTo(roundId, organisationId),
          });
          await queueMail(
            trx,
            { ...mail, to: person.email, personId: person.id, kind: 'response.reopened' },
            at,
          );
        }
      });
      jobs.wake();
      await announce(roundId, organisationId, { type: 'state', data: { state: 'drafting' }, by: actor.name });
      return view(actor, roundId, organisationId);
    },
  };
}

function toAnswerContent(row: q.AnswerRow) {
  return { text: row.text, choices: row.choices, scale: row.scale };
}

/** Erasure: the person no longer shows as who saved or submitted a response. Call within erasure's transaction. */
export async function forgetResponsesOf(trx: Kysely<DB>, personId: string): Promise<void> {
  await q.forgetPerson(trx, personId);
}

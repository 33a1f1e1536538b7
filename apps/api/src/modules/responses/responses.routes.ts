// HTTP for consolidated responses (officials of an invited organisation write one together) and the
// programme team's tracker with reminders; also who may follow their live updates.
import {
  ErrorBody,
  GemeenteResponse,
  MyResponses,
  ReminderInput,
  ReminderResult,
  ReopenInput,
  ResponseAnswer,
  ResponseAnswerSave,
  ResponseConflict,
  ResponseParams,
  ResponsePresence,
  RoundParams,
  Tracker,
} from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../access/policy.ts';
import { actorOf } from '../../plugins/access.ts';
import { AnswerConflictError, createResponsesService } from './responses.service.ts';
import { createTrackerService, REMINDER_JOB, reminderJob } from './responses.tracker.ts';

export type ResponsesOptions = { now: () => Date; baseUrl: () => string };

const AnswerParams = ResponseParams.extend({ questionId: z.uuid() });

export const responsesRoutes: FastifyPluginAsyncZod<ResponsesOptions> = async (app, { now, baseUrl }) => {
  const responses = createResponsesService({
    db: app.database.db,
    now,
    jobs: app.jobs,
    events: app.events,
    baseUrl,
  });
  const tracker = createTrackerService({ db: app.database.db, now, jobs: app.jobs });
  const tags = ['reacties'];

  app.jobs.register(REMINDER_JOB, reminderJob(baseUrl));

  app.events.authorize('tracker', (actor) => can(actor, 'tracker:read'));
  app.events.authorize(
    'response',
    (actor, [roundId, organisationId]) =>
      Boolean(roundId && organisationId) && can(actor, 'response:read', { organisationId }),
  );

  app.get(
    '/me/responses',
    {
      schema: {
        tags,
        summary: 'De reacties waaraan ik namens mijn organisatie kan werken',
        response: { 200: MyResponses },
      },
    },
    (request) => responses.mine(actorOf(request)),
  );

  app.get(
    '/rounds/:roundId/responses/:organisationId',
    {
      schema: {
        tags,
        summary: 'De reactie van één organisatie op een ronde, met vragen, antwoorden en wie er meewerkt',
        params: ResponseParams,
        response: { 200: GemeenteResponse },
      },
    },
    (request) => responses.view(actorOf(request), request.params.roundId, request.params.organisationId),
  );

  app.put(
    '/rounds/:roundId/responses/:organisationId/answers/:questionId',
    {
      schema: {
        tags,
        summary: 'Eén antwoord opslaan vanaf de versie waarmee u begon (409: iemand was u voor; voeg samen)',
        params: AnswerParams,
        body: ResponseAnswerSave,
        // A conflict carries both texts; a locked response or closed round is a plain error.
        response: { 200: ResponseAnswer, 409: z.union([ResponseConflict, ErrorBody]) },
      },
    },
    async (request, reply) => {
      const { roundId, organisationId, questionId } = request.params;
      try {
        return await responses.saveAnswer(
          actorOf(request),
          roundId,
          organisationId,
          questionId,
          request.body,
        );
      } catch (error) {
        if (!(error instanceof AnswerConflictError)) throw error;
        return reply.code(409).send({
          error: {
            code: 'CONFLICT' as const,
            message: error.message,
            theirs: error.theirs,
            yours: error.yours,
            requestId: request.id,
          },
        });
      }
    },
  );

  app.post(
    '/rounds/:roundId/responses/:organisationId/presence',
    {
      schema: {
        tags,
        summary: 'Ik heb deze reactie open (elke paar seconden); geeft wie er nog meer aan werkt',
        params: ResponseParams,
        response: { 200: ResponsePresence },
      },
    },
    (request) => responses.presence(actorOf(request), request.params.roundId, request.params.organisationId),
  );

  app.post(
    '/rounds/:roundId/responses/:organisationId/submit',
    {
      schema: {
        tags,
        summary: 'De reactie indienen (daarna vergrendeld); nogmaals indienen verandert niets',
        params: ResponseParams,
        response: { 200: GemeenteResponse },
      },
    },
    (request) => responses.submit(actorOf(request), request.params.roundId, request.params.organisationId),
  );

  app.post(
    '/rounds/:roundId/responses/:organisationId/reopen',
    {
      schema: {
        tags,
        summary: 'Een ingediende reactie heropenen, met een reden (programmateam)',
        params: ResponseParams,
        body: ReopenInput,
        response: { 200: GemeenteResponse },
      },
    },
    (request) =>
      responses.reopen(
        actorOf(request),
        request.params.roundId,
        request.params.organisationId,
        request.body.reason,
      ),
  );

  app.get(
    '/rounds/:roundId/tracker',
    {
      schema: {
        tags,
        summary: 'Welke gevraagde organisaties hebben gereageerd, zijn bezig of nog niet begonnen',
        params: RoundParams,
        response: { 200: Tracker },
      },
    },
    (request) => tracker.tracker(actorOf(request), request.params.roundId),
  );

  app.post(
    '/rounds/:roundId/reminders',
    {
      schema: {
        tags,
        summary: 'Herinnering sturen aan één organisatie, of aan alle die nog niet hebben ingediend',
        params: RoundParams,
        body: ReminderInput,
        response: { 200: ReminderResult },
      },
    },
    (request) => tracker.remind(actorOf(request), request.params.roundId, request.body),
  );
};

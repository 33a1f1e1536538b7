// HTTP for rounds: the programme team sets them up and moves them; everyone sees the rounds that ask them.
import {
  NotifyPreference,
  Ok,
  OpenForMe,
  Page,
  Question,
  QuestionInput,
  QuestionParams,
  RoundDetail,
  RoundInput,
  RoundParams,
  RoundQuery,
  RoundSummary,
  RoundTransition,
} from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amsterdamToday } from '../../clock.ts';
import { actorOf } from '../../plugins/access.ts';
import { audit } from '../audit/audit.ts';
import { queueDigests } from './rounds.notices.ts';
import { openForMe } from './rounds.open.ts';
import { createRoundsService } from './rounds.service.ts';

export type RoundsOptions = { now: () => Date; baseUrl: () => string };

const DIGEST_HOUR = 7;

export const roundsRoutes: FastifyPluginAsyncZod<RoundsOptions> = async (app, { now, baseUrl }) => {
  const db = app.database.db;
  const rounds = createRoundsService({ db, now, jobs: app.jobs, events: app.events, baseUrl });
  const tags = ['rondes'];

  // Every minute: open, close and remind on the rounds' dates. Every morning at 7: the digests.
  app.jobs.register('rounds.tick', async () => {
    await rounds.tick();
  });
  app.jobs.schedule('rounds.tick', (at) => `rounds.tick:${at.toISOString().slice(0, 16)}`);
  app.jobs.register('notifications.digest', async (_payload, { now: at }) => {
    if ((await queueDigests(db, at, baseUrl())) > 0) app.jobs.wake();
  });
  app.jobs.schedule('notifications.digest', (at) => {
    const hour = Number(
      at.toLocaleString('en-GB', { hour: 'numeric', hour12: false, timeZone: 'Europe/Amsterdam' }),
    );
    return hour >= DIGEST_HOUR ? `digest:${amsterdamToday(at)}` : undefined;
  });

  app.events.authorize('round', async (actor, [roundId]) => {
    if (!roundId) return false;
    try {
      await rounds.get(actor, roundId);
      return true;
    } catch {
      return false;
    }
  });

  app.get(
    '/rounds',
    {
      schema: {
        tags,
        summary: 'Rondes (het programmateam ziet alle, anderen de rondes die hen vragen)',
        querystring: RoundQuery,
        response: { 200: Page(RoundSummary) },
      },
    },
    (request) => rounds.list(actorOf(request), request.query),
  );

  app.post(
    '/rounds',
    {
      schema: {
        tags,
        summary: 'Ronde aanmaken (als concept)',
        body: RoundInput,
        response: { 201: RoundDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await rounds.create(actorOf(request), request.body)),
  );

  app.get(
    '/rounds/:roundId',
    {
      schema: { tags, summary: 'Eén ronde met vragen', params: RoundParams, response: { 200: RoundDetail } },
    },
    (request) => rounds.get(actorOf(request), request.params.roundId),
  );

  app.patch(
    '/rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Ronde wijzigen',
        params: RoundParams,
        body: RoundInput,
        response: { 200: RoundDetail },
      },
    },
    (request) => rounds.update(actorOf(request), request.params.roundId, request.body),
  );

  app.post(
    '/rounds/:roundId/transition',
    {
      schema: {
        tags,
        summary: 'Ronde openen, sluiten, heropenen (met reden) of op ‘verslag gedeeld’ zetten',
        params: RoundParams,
        body: RoundTransition,
        response: { 200: RoundDetail },
      },
    },
    (request) => rounds.changeState(actorOf(request), request.params.roundId, request.body),
  );

  app.post(
    '/rounds/:roundId/questions',
    {
      schema: {
        tags,
        summary: 'Vraag toevoegen (alleen in een concept)',
        params: RoundParams,
        body: QuestionInput,
        response: { 201: Question },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rounds.addQuestion(actorOf(request), request.params.roundId, request.body)),
  );

  app.patch(
    '/rounds/:roundId/questions/:questionId',
    {
      schema: {
        tags,
        summary: 'Vraag wijzigen (alleen in een concept)',
        params: QuestionParams,
        body: QuestionInput,
        response: { 200: Question },
      },
    },
    (request) =>
      rounds.updateQuestion(
        actorOf(request),
        request.params.roundId,
        request.params.questionId,
        request.body,
      ),
  );

  app.delete(
    '/rounds/:roundId/questions/:questionId',
    {
      schema: {
        tags,
        summary: 'Vraag verwijderen (alleen in een concept)',
        params: QuestionParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await rounds.deleteQuestion(actorOf(request), request.params.roundId, request.params.questionId);
      return { ok: true as const };
    },
  );

  app.get(
    '/me/open',
    { schema: { tags, summary: 'Wat nu open staat voor mij, per thema', response: { 200: OpenForMe } } },
    (request) => openForMe(db, actorOf(request)),
  );

  app.patch(
    '/me/notifications',
    {
      schema: {
        tags: ['profiel'],
        summary: 'Hoe ik over rondes hoor: meteen, dagelijks overzicht of niet',
        body: z.object({ notify: NotifyPreference }),
        response: { 200: z.object({ notify: NotifyPreference }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('person')
          .set({ notify: request.body.notify })
          .where('id', '=', actor.personId)
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'profile.updated',
          details: { notify: request.body.notify },
          at: now(),
        });
      });
      return { notify: request.body.notify };
    },
  );
};

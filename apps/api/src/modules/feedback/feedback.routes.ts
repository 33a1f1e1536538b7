// HTTP for "what became of my input": the signed-in person's own input with its cluster, the sections
// it fed and their state, and the comments' resolutions. Also runs the daily overview of the section
// notices (feedback.notices.ts) for people who chose a daily digest, and lists the person's own comments
// on the draft sections with what the team did with them.
import { MyComments, MyCommentsQuery, MyFeedback, FeedbackQuery } from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { amsterdamToday } from '../../clock.ts';
import { actorOf } from '../../plugins/access.ts';
import { queueFeedbackDigests } from './feedback.notices.ts';
import { commentsOfAuthor } from './feedback.queries.ts';
import { createFeedbackService } from './feedback.service.ts';

export type FeedbackOptions = { now: () => Date; baseUrl?: () => string };

const DIGEST_HOUR = 7;

export const feedbackRoutes: FastifyPluginAsyncZod<FeedbackOptions> = async (app, options) => {
  const db = app.database.db;
  const feedback = createFeedbackService({ db });
  // Links in the overview mail; app.ts passes the public address (this fallback mirrors its own).
  const baseUrl =
    options.baseUrl ?? (() => process.env.INBRENG_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`);

  app.jobs.register('feedback.digest', async (_payload, { now: at }) => {
    if ((await queueFeedbackDigests(db, at, baseUrl())) > 0) app.jobs.wake();
  });
  app.jobs.schedule('feedback.digest', (at) => {
    const hour = Number(
      at.toLocaleString('en-GB', { hour: 'numeric', hour12: false, timeZone: 'Europe/Amsterdam' }),
    );
    return hour >= DIGEST_HOUR ? `feedback.digest:${amsterdamToday(at)}` : undefined;
  });

  app.get(
    '/me/feedback',
    {
      schema: {
        tags: ['inbreng'],
        summary:
          'Wat is er met mijn inbreng gedaan: cluster, onderdelen met hun status en de afhandeling van reacties',
        querystring: FeedbackQuery,
        response: { 200: MyFeedback },
      },
    },
    (request) => feedback.mine(actorOf(request).personId, request.query),
  );

  app.get(
    '/me/comments',
    {
      schema: {
        tags: ['inbreng'],
        summary: 'Mijn reacties op het concept: mijn eigen reacties, nieuwste eerst, met wat ermee is gedaan',
        querystring: MyCommentsQuery,
        response: { 200: MyComments },
      },
    },
    (request) => commentsOfAuthor(db, actorOf(request).personId, request.query),
  );
};

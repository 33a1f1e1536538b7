// HTTP for draft sections, their revisions and the comments anchored to them. The access table lets the
// team write and resolve; reading and commenting are checked here (a concept is the team's alone;
// comments are for the councils and whom the team admits).
import { ErrorBody, Page } from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { amsterdamToday } from '../../clock.ts';
import { actorOf } from '../../plugins/access.ts';
import {
  CommentOverview,
  CommentOverviewQuery,
  CommentParams,
  CommentResolve,
  CommentThread,
  CommentThreads,
  CommentCreate,
  DiffQuery,
  PlanSections,
  PlanSectionsParams,
  ReplyCreate,
  RevisionDetail,
  RevisionParams,
  RevisionQuery,
  RevisionSummary,
  SectionClustersInput,
  SectionCommentersInput,
  SectionCommentsQuery,
  SectionConflict,
  SectionCreate,
  SectionDetail,
  SectionDiff,
  SectionParams,
  SectionSave,
  SectionTransitionInput,
} from '@inbreng/shared';
import { queueCommentDigests } from './sections.mails.ts';
import { createSectionsService, SectionConflictError } from './sections.service.ts';

export type SectionsOptions = { now: () => Date; baseUrl: () => string };

const DIGEST_HOUR = 7;

/** A save from an older revision answers with the revision on the server and the blocks sent. */
async function withConflict<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SectionConflictError)) throw error;
    return reply.code(409).send({
      error: {
        code: 'CONFLICT' as const,
        message: error.message,
        current: error.current,
        yours: error.yours,
        requestId: request.id,
      },
    });
  }
}

export const sectionsRoutes: FastifyPluginAsyncZod<SectionsOptions> = async (app, { now, baseUrl }) => {
  const db = app.database.db;
  const sections = createSectionsService({ db, now, events: app.events, baseUrl });
  const tags = ['onderdelen'];

  // Authors who chose a daily overview hear about resolved comments in the morning.
  app.jobs.register('sections.digest', async (_payload, { now: at }) => {
    if ((await queueCommentDigests(db, at, baseUrl())) > 0) app.jobs.wake();
  });
  app.jobs.schedule('sections.digest', (at) => {
    const hour = Number(
      at.toLocaleString('en-GB', { hour: 'numeric', hour12: false, timeZone: 'Europe/Amsterdam' }),
    );
    return hour >= DIGEST_HOUR ? `sections.digest:${amsterdamToday(at)}` : undefined;
  });

  app.events.authorize('section', async (actor, [sectionId]) =>
    sectionId ? sections.mayRead(actor, sectionId) : false,
  );

  const who = (request: FastifyRequest) => {
    const actor = actorOf(request);
    return { personId: actor.personId, memberships: actor.memberships, name: actor.name };
  };

  app.get(
    '/plans/:plan/sections',
    {
      schema: {
        tags,
        summary: 'Onderdelen van het plan per doel en hoofdstuk (een concept ziet alleen het programmateam)',
        params: PlanSectionsParams,
        response: { 200: PlanSections },
      },
    },
    (request) => sections.listForPlan(who(request), request.params.plan),
  );

  app.post(
    '/plans/:plan/sections',
    {
      schema: {
        tags,
        summary: 'Onderdeel aanmaken voor een doel en hoofdstuk (als concept)',
        params: PlanSectionsParams,
        body: SectionCreate,
        response: { 201: SectionDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sections.create(who(request), request.params.plan, request.body)),
  );

  app.get(
    '/sections/:sectionId',
    {
      schema: {
        tags,
        summary: 'Eén onderdeel: tekst, status, clusters en wie mag reageren',
        params: SectionParams,
        response: { 200: SectionDetail },
      },
    },
    (request) => sections.detail(who(request), request.params.sectionId),
  );

  app.put(
    '/sections/:sectionId',
    {
      schema: {
        tags,
        summary: 'Tekst opslaan (een nieuwe versie als de tekst veranderde; 409 bij een verouderde basis)',
        params: SectionParams,
        body: SectionSave,
        response: { 200: SectionDetail, 409: z.union([SectionConflict, ErrorBody]) },
      },
    },
    (request, reply) =>
      withConflict(request, reply, () => sections.save(who(request), request.params.sectionId, request.body)),
  );

  app.post(
    '/sections/:sectionId/transition',
    {
      schema: {
        tags,
        summary: 'Status wijzigen, bij een mijlpaal van het plan',
        params: SectionParams,
        body: SectionTransitionInput,
        response: { 200: SectionDetail },
      },
    },
    (request) => sections.transition(who(request), request.params.sectionId, request.body),
  );

  app.put(
    '/sections/:sectionId/clusters',
    {
      schema: {
        tags,
        summary: 'Clusters van de wand koppelen',
        params: SectionParams,
        body: SectionClustersInput,
        response: { 200: SectionDetail },
      },
    },
    (request) => sections.linkClusters(who(request), request.params.sectionId, request.body),
  );

  app.put(
    '/sections/:sectionId/commenters',
    {
      schema: {
        tags,
        summary: 'Naast de adviesraden organisaties of personen toelaten om te reageren',
        params: SectionParams,
        body: SectionCommentersInput,
        response: { 200: SectionDetail },
      },
    },
    (request) => sections.admitCommenters(who(request), request.params.sectionId, request.body),
  );

  app.get(
    '/sections/:sectionId/revisions',
    {
      schema: {
        tags,
        summary: 'Versies van het onderdeel, nieuwste eerst',
        params: SectionParams,
        querystring: RevisionQuery,
        response: { 200: Page(RevisionSummary) },
      },
    },
    (request) => sections.revisions(who(request), request.params.sectionId, request.query),
  );

  app.get(
    '/sections/:sectionId/revisions/:revisionId',
    {
      schema: {
        tags,
        summary: 'Eén versie met de tekst',
        params: RevisionParams,
        response: { 200: RevisionDetail },
      },
    },
    (request) => sections.revision(who(request), request.params.sectionId, request.params.revisionId),
  );

  app.get(
    '/sections/:sectionId/diff',
    {
      schema: {
        tags,
        summary: 'Verschillen woord voor woord tussen twee versies',
        params: SectionParams,
        querystring: DiffQuery,
        response: { 200: SectionDiff },
      },
    },
    (request) => sections.diff(who(request), request.params.sectionId, request.query.from, request.query.to),
  );

  app.get(
    '/sections/:sectionId/comments',
    {
      schema: {
        tags,
        summary: 'Reacties met antwoorden, elk op zijn plek in de huidige versie',
        params: SectionParams,
        querystring: SectionCommentsQuery,
        response: { 200: CommentThreads },
      },
    },
    (request) => sections.comments(who(request), request.params.sectionId, request.query.state),
  );

  app.post(
    '/sections/:sectionId/comments',
    {
      schema: {
        tags,
        summary: 'Reageren op een alinea of een geselecteerde passage',
        params: SectionParams,
        body: CommentCreate,
        response: { 201: CommentThread },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sections.comment(who(request), request.params.sectionId, request.body)),
  );

  app.post(
    '/comments/:commentId/replies',
    {
      schema: {
        tags,
        summary: 'Antwoorden in een draad',
        params: CommentParams,
        body: ReplyCreate,
        response: { 201: CommentThread },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sections.reply(who(request), request.params.commentId, request.body.body)),
  );

  app.post(
    '/comments/:commentId/resolve',
    {
      schema: {
        tags,
        summary: 'Reactie afhandelen: verwerkt, niet overgenomen of beantwoord',
        params: CommentParams,
        body: CommentResolve,
        response: { 200: CommentThread },
      },
    },
    (request) => sections.resolve(who(request), request.params.commentId, request.body),
  );

  app.get(
    '/comments',
    {
      schema: {
        tags,
        summary: 'Overzicht van reacties per onderdeel en per adviesraad, met een lijst',
        querystring: CommentOverviewQuery,
        response: { 200: CommentOverview },
      },
    },
    (request) => sections.overview(who(request), request.query),
  );
};

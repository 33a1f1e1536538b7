// HTTP for the wall: the programme team's shared workspace to sort input into clusters, live; and who
// may follow its live updates. The access table (access/policy.ts) lets only the programme team in.
import {
  CardConflict,
  CardEdit,
  CardMove,
  CardParams,
  CardQuery,
  ClusterCreate,
  ClusterEdit,
  ClusterMerge,
  ClusterParams,
  ClusterSplit,
  ErrorBody,
  FragmentCreate,
  Page,
  ProposalDecision,
  ProposalParams,
  RunCreate,
  RunParams,
  WallActionResult,
  WallCard,
  WallCreate,
  WallDetail,
  WallEvent,
  WallHistoryQuery,
  WallParams,
  WallPresence,
  WallProposalList,
  WallQuery,
  WallRun,
  WallSummary,
} from '@inbreng/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../access/policy.ts';
import { actorOf } from '../../plugins/access.ts';
import { wallRunJob } from './wall.runs.ts';
import { CardConflictError, createWallService, WALL_RUN_JOB } from './wall.service.ts';

export type WallOptions = { now: () => Date };

/** A stale move or edit answers with the card as it is now and who changed it. */
async function withConflict<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CardConflictError)) throw error;
    return reply.code(409).send({
      error: {
        code: 'CONFLICT' as const,
        message: error.message,
        card: error.card,
        by: error.by,
        requestId: request.id,
      },
    });
  }
}

export const wallRoutes: FastifyPluginAsyncZod<WallOptions> = async (app, { now }) => {
  const wall = createWallService({ db: app.database.db, now, events: app.events, jobs: app.jobs });
  const tags = ['wand'];

  app.jobs.register(WALL_RUN_JOB, wallRunJob({ events: app.events, now }));
  app.events.authorize('wall', (actor, [wallId]) => Boolean(wallId) && can(actor, 'wall:read'));

  const action = { 200: WallActionResult, 409: ErrorBody };
  const cardAction = { 200: WallActionResult, 409: z.union([CardConflict, ErrorBody]) };

  app.get(
    '/walls',
    {
      schema: {
        tags,
        summary: 'De wanden, met hoeveel kaarten er zijn ingedeeld',
        querystring: WallQuery,
        response: { 200: Page(WallSummary) },
      },
    },
    (request) => wall.list(request.query),
  );

  app.post(
    '/walls',
    {
      schema: {
        tags,
        summary: 'Een wand maken voor een plan of één thema (bestaat hij al, dan die)',
        body: WallCreate,
        response: { 200: WallDetail, 201: WallDetail },
      },
    },
    async (request, reply) => {
      const { wall: detail, created } = await wall.create(actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(detail);
    },
  );

  app.get(
    '/walls/:wallId',
    {
      schema: {
        tags,
        summary: 'Eén wand met clusters, wie er kijkt en de laatste ronde voorstellen',
        params: WallParams,
        response: { 200: WallDetail },
      },
    },
    (request) => wall.detail(actorOf(request), request.params.wallId),
  );

  app.get(
    '/walls/:wallId/cards',
    {
      schema: {
        tags,
        summary: 'Kaarten van de wand, te filteren en (in het Nederlands) te doorzoeken',
        params: WallParams,
        querystring: CardQuery,
        response: { 200: Page(WallCard) },
      },
    },
    (request) => wall.cards(request.params.wallId, request.query),
  );

  app.get(
    '/walls/:wallId/cards/:cardId',
    { schema: { tags, summary: 'Eén kaart', params: CardParams, response: { 200: WallCard } } },
    (request) => wall.card(request.params.wallId, request.params.cardId),
  );

  app.post(
    '/walls/:wallId/cards/:cardId/move',
    {
      schema: {
        tags,
        summary: 'Een kaart verplaatsen (409: iemand was u voor, met de kaart zoals hij nu is)',
        params: CardParams,
        body: CardMove,
        response: cardAction,
      },
    },
    (request, reply) =>
      withConflict(request, reply, () =>
        wall.move(actorOf(request), request.params.wallId, request.params.cardId, request.body),
      ),
  );

  app.patch(
    '/walls/:wallId/cards/:cardId',
    {
      schema: {
        tags,
        summary: 'Labels of dubbel-markering van een kaart wijzigen',
        params: CardParams,
        body: CardEdit,
        response: cardAction,
      },
    },
    (request, reply) =>
      withConflict(request, reply, () =>
        wall.editCard(actorOf(request), request.params.wallId, request.params.cardId, request.body),
      ),
  );

  app.post(
    '/walls/:wallId/cards/:cardId/fragments',
    {
      schema: {
        tags,
        summary: 'Een stuk tekst uit een kaart knippen tot een eigen kaart (event.cardIds[0] is de nieuwe)',
        params: CardParams,
        body: FragmentCreate,
        response: { 201: WallActionResult, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await wall.fragment(actorOf(request), request.params.wallId, request.params.cardId, request.body),
        ),
  );

  app.post(
    '/walls/:wallId/clusters',
    {
      schema: {
        tags,
        summary: 'Een cluster maken (event.clusterIds[0] is het nieuwe)',
        params: WallParams,
        body: ClusterCreate,
        response: { 201: WallActionResult, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await wall.createCluster(actorOf(request), request.params.wallId, request.body.name)),
  );

  app.patch(
    '/walls/:wallId/clusters/:clusterId',
    {
      schema: {
        tags,
        summary: 'Een cluster hernoemen, een notitie geven of verschuiven',
        params: ClusterParams,
        body: ClusterEdit,
        response: action,
      },
    },
    (request) =>
      wall.editCluster(actorOf(request), request.params.wallId, request.params.clusterId, request.body),
  );

  app.post(
    '/walls/:wallId/clusters/:clusterId/merge',
    {
      schema: {
        tags,
        summary: 'Alle kaarten naar een ander cluster; dit cluster verdwijnt',
        params: ClusterParams,
        body: ClusterMerge,
        response: action,
      },
    },
    (request) =>
      wall.merge(
        actorOf(request),
        request.params.wallId,
        request.params.clusterId,
        request.body.intoClusterId,
      ),
  );

  app.post(
    '/walls/:wallId/clusters/:clusterId/split',
    {
      schema: {
        tags,
        summary: 'Gekozen kaarten afsplitsen naar een nieuw cluster (event.clusterIds[0] is het nieuwe)',
        params: ClusterParams,
        body: ClusterSplit,
        response: action,
      },
    },
    (request) => wall.split(actorOf(request), request.params.wallId, request.params.clusterId, request.body),
  );

  app.post(
    '/walls/:wallId/clusters/:clusterId/dissolve',
    {
      schema: {
        tags,
        summary: 'Een cluster opheffen; de kaarten gaan terug naar "niet ingedeeld"',
        params: ClusterParams,
        response: action,
      },
    },
    (request) => wall.dissolve(actorOf(request), request.params.wallId, request.params.clusterId),
  );

  app.post(
    '/walls/:wallId/runs',
    {
      schema: {
        tags,
        summary: 'Clusters of plaatsingen laten voorstellen (op de achtergrond; loopt er al een, dan die)',
        params: WallParams,
        body: RunCreate,
        response: { 202: WallRun, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await wall.startRun(actorOf(request), request.params.wallId, request.body)),
  );

  app.get(
    '/walls/:wallId/runs/:runId',
    {
      schema: {
        tags,
        summary: 'Hoe ver een ronde voorstellen is',
        params: RunParams,
        response: { 200: WallRun },
      },
    },
    (request) => wall.run(request.params.wallId, request.params.runId),
  );

  app.get(
    '/walls/:wallId/proposals',
    {
      schema: {
        tags,
        summary: 'De voorstellen die nog openstaan',
        params: WallParams,
        response: { 200: WallProposalList },
      },
    },
    (request) => wall.proposals(request.params.wallId),
  );

  for (const decision of ['accept', 'reject'] as const) {
    app.post(
      `/walls/:wallId/proposals/:proposalId/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'accept'
              ? 'Een voorstel overnemen, helemaal of voor enkele kaarten (een kaart die iemand al indeelde blijft waar hij is)'
              : 'Een voorstel afwijzen, helemaal of voor enkele kaarten',
          params: ProposalParams,
          // No body is the whole proposal.
          body: z.preprocess((body) => body ?? {}, ProposalDecision),
          response: action,
        },
      },
      (request) =>
        wall.decide(
          actorOf(request),
          request.params.wallId,
          request.params.proposalId,
          decision,
          request.body.cardIds,
        ),
    );
    app.post(
      `/walls/:wallId/proposals/${decision}-all`,
      {
        schema: {
          tags,
          summary:
            decision === 'accept' ? 'Alle open voorstellen overnemen' : 'Alle open voorstellen afwijzen',
          params: WallParams,
          response: action,
        },
      },
      (request) => wall.decide(actorOf(request), request.params.wallId, null, decision),
    );
  }

  app.post(
    '/walls/:wallId/undo',
    {
      schema: {
        tags,
        summary: 'Mijn laatste handeling op deze wand ongedaan maken',
        params: WallParams,
        response: action,
      },
    },
    (request) => wall.undo(actorOf(request), request.params.wallId),
  );

  app.post(
    '/walls/:wallId/redo',
    {
      schema: {
        tags,
        summary: 'Wat ik net ongedaan maakte opnieuw doen',
        params: WallParams,
        response: action,
      },
    },
    (request) => wall.redo(actorOf(request), request.params.wallId),
  );

  app.get(
    '/walls/:wallId/history',
    {
      schema: {
        tags,
        summary: 'Wie heeft wat verplaatst, wanneer',
        params: WallParams,
        querystring: WallHistoryQuery,
        response: { 200: Page(WallEvent) },
      },
    },
    (request) => wall.history(request.params.wallId, request.query),
  );

  app.post(
    '/walls/:wallId/presence',
    {
      schema: {
        tags,
        summary: 'Ik heb deze wand open (elke paar seconden); geeft wie er kijken',
        params: WallParams,
        response: { 200: WallPresence },
      },
    },
    (request) => wall.presence(actorOf(request), request.params.wallId),
  );
};

// HTTP for contributions: the form per theme, autosave and submit, "Mijn inbreng", input heard in
// meetings, and finding input (list, search, CSV export).
import {
  Contribution,
  ContributionEdit,
  ContributionExportQuery,
  ContributionParams,
  ContributionQuery,
  ContributionSave,
  MeetingInput,
  Page,
  PageQuery,
  SavedDraft,
  ThemeForm,
  ThemeFormParams,
} from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/access.ts';
import { createContributionsService } from './contributions.service.ts';

export type ContributionsOptions = { now: () => Date; baseUrl: () => string };

export const contributionsRoutes: FastifyPluginAsyncZod<ContributionsOptions> = async (app, { now }) => {
  const contributions = createContributionsService({ db: app.database.db, now, events: app.events });
  const tags = ['inbreng'];

  app.get(
    '/rounds/:roundId/themes/:themeId/form',
    {
      schema: {
        tags,
        summary: 'Het formulier voor één thema van een ronde, met mijn concept',
        params: ThemeFormParams,
        response: { 200: ThemeForm },
      },
    },
    (request) => contributions.form(actorOf(request), request.params.roundId, request.params.themeId),
  );

  app.put(
    '/contributions/draft',
    {
      schema: {
        tags,
        summary: 'Concept automatisch opslaan (zelfde formuliersleutel: zelfde concept)',
        body: ContributionSave,
        response: { 200: SavedDraft },
      },
    },
    (request) => contributions.saveDraft(actorOf(request), request.body),
  );

  app.post(
    '/contributions',
    {
      schema: {
        tags,
        summary: 'Inbreng indienen (201); nogmaals met dezelfde sleutel geeft dezelfde inbreng (200)',
        body: ContributionSave,
        response: { 200: Contribution, 201: Contribution },
      },
    },
    async (request, reply) => {
      const { created, contribution } = await contributions.submit(actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(contribution);
    },
  );

  app.get(
    '/contributions',
    {
      schema: {
        tags,
        summary: 'Ingediende inbreng zoeken en filteren (Nederlandse zoekfunctie)',
        querystring: ContributionQuery,
        response: { 200: Page(Contribution) },
      },
    },
    (request) => contributions.list(actorOf(request), request.query),
  );

  app.get(
    '/contributions.csv',
    {
      schema: {
        tags,
        summary: 'Ingediende inbreng als CSV (Excel, puntkomma’s), gepseudonimiseerd',
        querystring: ContributionExportQuery,
      },
    },
    async (request, reply) => {
      const stream = await contributions.exportCsv(actorOf(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="inbreng-${now().toISOString().slice(0, 10)}.csv"`,
        )
        .send(stream);
    },
  );

  app.get(
    '/contributions/:contributionId',
    {
      schema: {
        tags,
        summary: 'Eén inbreng, zoals u die mag zien',
        params: ContributionParams,
        response: { 200: Contribution },
      },
    },
    (request) => contributions.get(actorOf(request), request.params.contributionId),
  );

  app.patch(
    '/contributions/:contributionId',
    {
      schema: {
        tags,
        summary: 'Mijn inbreng wijzigen (tot de ronde sluit)',
        params: ContributionParams,
        body: ContributionEdit,
        response: { 200: Contribution },
      },
    },
    (request) => contributions.edit(actorOf(request), request.params.contributionId, request.body),
  );

  app.get(
    '/me/contributions',
    {
      schema: {
        tags,
        summary: 'Mijn inbreng: concepten en ingediend, nieuwste eerst',
        querystring: PageQuery,
        response: { 200: Page(Contribution) },
      },
    },
    (request) => contributions.mine(actorOf(request), request.query),
  );

  app.post(
    '/meeting-input',
    {
      schema: {
        tags,
        summary: 'Inbreng uit een bijeenkomst vastleggen namens een groep of organisatie (programmateam)',
        body: MeetingInput,
        response: { 200: Contribution, 201: Contribution },
      },
    },
    async (request, reply) => {
      const { created, contribution } = await contributions.recordMeeting(actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(contribution);
    },
  );
};

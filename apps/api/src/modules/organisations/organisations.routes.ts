// HTTP for organisations, people and memberships (programme team reads, beheerder manages).
import {
  IdParams,
  MembershipInput,
  MembershipParams,
  Organisation,
  OrganisationInput,
  OrganisationQuery,
  Page,
  PersonQuery,
  PersonSummary,
} from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/access.ts';
import { createOrganisationsService } from './organisations.service.ts';

export const organisationsRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, { now }) => {
  const service = createOrganisationsService(app.database.db, now);
  const orgTags = ['organisaties'];
  const peopleTags = ['personen'];

  app.get(
    '/organisations',
    {
      schema: {
        tags: orgTags,
        summary: 'Organisaties, gefilterd en gepagineerd',
        querystring: OrganisationQuery,
        response: { 200: Page(Organisation) },
      },
    },
    (request) => service.listOrganisations(request.query),
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags: orgTags,
        summary: 'Organisatie toevoegen',
        body: OrganisationInput,
        response: { 201: Organisation },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createOrganisation(actorOf(request), request.body)),
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags: orgTags,
        summary: 'Eén organisatie',
        params: IdParams,
        response: { 200: Organisation },
      },
    },
    (request) => service.organisation(request.params.id),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags: orgTags,
        summary: 'Organisatie wijzigen',
        params: IdParams,
        body: OrganisationInput,
        response: { 200: Organisation },
      },
    },
    (request) => service.updateOrganisation(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/people',
    {
      schema: {
        tags: peopleTags,
        summary: 'Personen met hun lidmaatschappen',
        querystring: PersonQuery,
        response: { 200: Page(PersonSummary) },
      },
    },
    (request) => service.listPeople(request.query),
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags: peopleTags,
        summary: 'Eén persoon (wordt gelogd)',
        params: IdParams,
        response: { 200: PersonSummary },
      },
    },
    (request) => service.person(actorOf(request), request.params.id),
  );

  app.post(
    '/people/:id/memberships',
    {
      schema: {
        tags: peopleTags,
        summary: 'Lidmaatschap toevoegen',
        params: IdParams,
        body: MembershipInput,
        response: { 201: PersonSummary },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addMembership(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/people/:id/memberships/:membershipId',
    {
      schema: {
        tags: peopleTags,
        summary: 'Lidmaatschap verwijderen',
        params: MembershipParams,
        response: { 200: PersonSummary },
      },
    },
    (request) => service.removeMembership(actorOf(request), request.params.id, request.params.membershipId),
  );
};

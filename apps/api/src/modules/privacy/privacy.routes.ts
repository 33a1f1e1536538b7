// HTTP for a person's own data and erasure requests, and the beheerder's handling of them.
import {
  ErasureRequestInput,
  IdParams,
  MyData,
  Page,
  PrivacyDecision,
  PrivacyRequest,
  PrivacyRequestQuery,
} from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/access.ts';
import { createPrivacyService } from './privacy.service.ts';

export const privacyRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, { now }) => {
  const privacy = createPrivacyService(app.database.db, now);

  app.get(
    '/me/data',
    {
      schema: {
        tags: ['profiel'],
        summary:
          'Alles wat Inbreng over mij bewaart (JSON); download=1 als bestand (wordt gelogd als export)',
        querystring: z.object({ download: z.enum(['0', '1']).default('0') }),
        response: { 200: MyData },
      },
    },
    (request) => privacy.myData(actorOf(request), request.query.download === '1'),
  );

  app.post(
    '/me/erasure-request',
    {
      schema: {
        tags: ['profiel'],
        summary: 'Vragen om verwijdering van mijn gegevens',
        body: ErasureRequestInput,
        response: { 201: PrivacyRequest },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await privacy.requestErasure(actorOf(request), request.body.reason)),
  );

  app.get(
    '/admin/privacy-requests',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Verzoeken om verwijdering',
        querystring: PrivacyRequestQuery,
        response: { 200: Page(PrivacyRequest) },
      },
    },
    (request) => privacy.list(request.query),
  );

  app.post(
    '/admin/privacy-requests/:id',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Verzoek uitvoeren of afwijzen',
        params: IdParams,
        body: PrivacyDecision,
        response: { 200: PrivacyRequest },
      },
    },
    (request) => privacy.decide(actorOf(request), request.params.id, request.body),
  );
};

// HTTP for plans: list and read. Editing arrives with plan set-up for the programme team.
import { Page, PageQuery, PlanDetail, PlanParams, PlanSummary } from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPlansService } from './plans.service.ts';

export const plansRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, { now }) => {
  const plans = createPlansService(app.database.db, now);

  app.get(
    '/plans',
    {
      schema: {
        tags: ['plannen'],
        summary: 'Alle plannen, nieuwste eerst',
        querystring: PageQuery,
        response: { 200: Page(PlanSummary) },
      },
    },
    (request) => plans.list(request.query),
  );

  app.get(
    '/plans/:plan',
    {
      schema: {
        tags: ['plannen'],
        summary: 'Eén plan met doelen, thema’s en tijdlijn',
        params: PlanParams,
        response: { 200: PlanDetail },
      },
    },
    (request) => plans.get(request.params.plan),
  );
};

// HTTP for the board papers: the draft plan and the consultation report as files (audited), and the
// report's data for its web page. The access table admits only the programme team.
import { ConsultationReportView, PlanExportParams, PlanExportQuery } from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/access.ts';
import { createExportsService } from './exports.service.ts';

export type ExportsOptions = { now: () => Date };

/** RFC 6266: an ASCII fallback and the UTF-8 name, so no browser mangles or refuses it. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const exportsRoutes: FastifyPluginAsyncZod<ExportsOptions> = async (app, { now }) => {
  const exportsService = createExportsService({ db: app.database.db, now });
  const tags = ['stukken'];

  app.get(
    '/plans/:plan/export',
    {
      schema: {
        tags,
        summary:
          'Het conceptplan (docx, pdf), de bijlage met inbreng per cluster (csv) of het consultatieverslag (report-pdf, report-docx) als bestand',
        params: PlanExportParams,
        querystring: PlanExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await exportsService.export(actor.personId, request.params.plan, request.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', disposition(file.filename))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.body);
    },
  );

  app.get(
    '/plans/:plan/report',
    {
      schema: {
        tags,
        summary: 'Het consultatieverslag als gegevens, met de grafieken als SVG (kleine groepen verborgen)',
        params: PlanExportParams,
        response: { 200: ConsultationReportView },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return exportsService.reportView(request.params.plan);
    },
  );
};

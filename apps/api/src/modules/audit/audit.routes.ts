// HTTP for the beheerder's audit log: filtered pages and a CSV export (itself audited).
import { AuditEvent, AuditQuery, auditActionLabels, Page } from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCsv } from '../../csv.ts';
import { actorOf } from '../../plugins/access.ts';
import { audit } from './audit.ts';
import * as q from './audit.queries.ts';

const EXPORT_LIMIT = 50_000;

/** Dates are days in Amsterdam; `to` includes the whole day. */
function filterOf(query: AuditQuery): q.AuditFilter {
  const day = (date: string, plusDays = 0) => {
    const d = new Date(`${date}T00:00:00+01:00`);
    d.setUTCDate(d.getUTCDate() + plusDays);
    return d;
  };
  return {
    action: query.action,
    actorId: query.actorId,
    from: query.from ? day(query.from) : undefined,
    to: query.to ? day(query.to, 1) : undefined,
  };
}

export const auditRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, { now }) => {
  const db = app.database.db;
  const tags = ['beheer'];

  app.get(
    '/admin/audit',
    {
      schema: {
        tags,
        summary: 'Auditlog, nieuwste eerst',
        querystring: AuditQuery,
        response: { 200: Page(AuditEvent) },
      },
    },
    async (request) => {
      const filter = filterOf(request.query);
      const { page, pageSize } = request.query;
      const [rows, total] = await Promise.all([
        q.listAudit(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
        q.countAudit(db, filter),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          organisationId: r.organisation_id,
          details: r.details,
        })),
        page,
        pageSize,
        total,
      };
    },
  );

  app.get(
    '/admin/audit.csv',
    { schema: { tags, summary: 'Auditlog als CSV (Excel, puntkomma’s)', querystring: AuditQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const filter = filterOf(request.query);
      const rows = await q.listAudit(db, filter, { limit: EXPORT_LIMIT, offset: 0 });
      await audit(db, {
        actorId: actor.personId,
        action: 'audit.exported',
        details: { rows: rows.length },
        at: now(),
      });
      const csv = toCsv(
        [
          'tijdstip',
          'wie (id)',
          'wie',
          'handeling',
          'omschrijving',
          'onderwerp',
          'onderwerp-id',
          'organisatie-id',
          'details',
        ],
        rows.map((r) => [
          r.at.toISOString(),
          r.actor_id,
          r.actor_name,
          r.action,
          auditActionLabels[r.action] ?? '',
          r.subject_type,
          r.subject_id,
          r.organisation_id,
          JSON.stringify(r.details),
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="auditlog-${now().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );
};

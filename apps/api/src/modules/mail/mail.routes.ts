// HTTP for mail: the beheerder's view of every mail (sent, outbox, failed) and, in demo mode only,
// the public demo mailbox through which a newcomer receives their sign-in code.
import { IdParams, MailDetail, MailQuery, MailSummary, Page } from '@inbreng/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { actorOf } from '../../plugins/access.ts';
import { audit } from '../audit/audit.ts';

type Row = Awaited<ReturnType<typeof listMail>>[number];

function listMail(db: Kysely<DB>, query: MailQuery) {
  return db
    .selectFrom('mail_message')
    .select([
      'id',
      'kind',
      'to_address',
      'subject',
      'state',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
    ])
    .$if(Boolean(query.state), (q) => q.where('state', '=', query.state!))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
}

async function countMail(db: Kysely<DB>, query: MailQuery) {
  const row = await db
    .selectFrom('mail_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(Boolean(query.state), (q) => q.where('state', '=', query.state!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const summary = (r: Row): MailSummary => ({
  id: r.id,
  kind: r.kind,
  to: r.to_address,
  subject: r.subject,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
});

async function page(db: Kysely<DB>, query: MailQuery) {
  const [rows, total] = await Promise.all([listMail(db, query), countMail(db, query)]);
  return { items: rows.map(summary), page: query.page, pageSize: query.pageSize, total };
}

async function detail(db: Kysely<DB>, id: string): Promise<MailDetail> {
  const row = await db.selectFrom('mail_message').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze e-mail bestaat niet (meer).');
  return { ...summary(row), text: row.text_body, html: row.html_body };
}

export const mailRoutes: FastifyPluginAsyncZod<{ now: () => Date; demo: boolean }> = async (
  app,
  { now, demo },
) => {
  const db = app.database.db;

  app.get(
    '/admin/mail',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Alle e-mail: verzonden, in het postvak, mislukt',
        querystring: MailQuery,
        response: { 200: Page(MailSummary) },
      },
    },
    (request) => page(db, request.query),
  );

  app.get(
    '/admin/mail/:id',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Eén e-mail met inhoud (wordt gelogd)',
        params: IdParams,
        response: { 200: MailDetail },
      },
    },
    async (request) => {
      const mail = await detail(db, request.params.id);
      await audit(db, {
        actorId: actorOf(request).personId,
        action: 'mail.viewed',
        subjectType: 'mail',
        subjectId: mail.id,
        at: now(),
      });
      return mail;
    },
  );

  const demoOnly = () => {
    if (!demo) throw notFound('Het demopostvak bestaat alleen in de demo.');
  };

  app.get(
    '/demo/mail',
    {
      schema: {
        tags: ['demo'],
        summary: 'Demopostvak (alleen in de demo)',
        querystring: MailQuery,
        response: { 200: Page(MailSummary) },
      },
    },
    (request) => {
      demoOnly();
      return page(db, request.query);
    },
  );

  app.get(
    '/demo/mail/:id',
    {
      schema: {
        tags: ['demo'],
        summary: 'Eén e-mail uit het demopostvak',
        params: IdParams,
        response: { 200: MailDetail },
      },
    },
    (request) => {
      demoOnly();
      return detail(db, request.params.id);
    },
  );
};

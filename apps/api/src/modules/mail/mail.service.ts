// The one mail sender. Callers queue a mail inside their transaction; the job queue delivers it over
// SMTP (nodemailer), retrying with back-off. Without SMTP_URL a mail stays in the outbox table.
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB } from '../../db/schema.ts';
import { enqueue, type JobHandler } from '../jobs/queue.ts';
import type { Mail } from './templates.ts';

export const MAIL_JOB = 'mail.send';

export type QueuedMail = Mail & { to: string; personId: string | null; kind: string };

export async function queueMail(db: Kysely<DB>, mail: QueuedMail, now: Date): Promise<string> {
  const { id } = await db
    .insertInto('mail_message')
    .values({
      person_id: mail.personId,
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The mail id as dedupe key: however often this is retried, the mail is queued once.
  await enqueue(db, MAIL_JOB, { mailId: id }, now, { dedupeKey: `mail:${id}` });
  return id;
}

export function mailSender(options: { smtpUrl: string | undefined; from: string }): JobHandler {
  const transporter: Transporter | undefined = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : undefined;

  return async (payload, { db, final, now }) => {
    const mailId = String(payload.mailId);
    const mail = await db.selectFrom('mail_message').selectAll().where('id', '=', mailId).executeTakeFirst();
    // Already delivered (a retried job after a crash) or erased: nothing to do.
    if (!mail || mail.state !== 'queued') return;
    if (!transporter) {
      await db.updateTable('mail_message').set({ state: 'outbox' }).where('id', '=', mailId).execute();
      return;
    }
    try {
      await transporter.sendMail({
        from: options.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        messageId: `<${mail.id}@inbreng>`,
      });
      await db
        .updateTable('mail_message')
        .set({ state: 'sent', sent_at: now, attempts: mail.attempts + 1, last_error: null })
        .where('id', '=', mailId)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db
        .updateTable('mail_message')
        .set({
          attempts: mail.attempts + 1,
          last_error: message.slice(0, 1000),
          ...(final ? { state: 'failed' } : {}),
        })
        .where('id', '=', mailId)
        .execute();
      throw err;
    }
  };
}

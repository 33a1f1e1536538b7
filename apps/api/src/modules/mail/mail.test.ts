import { createServer } from 'node:net';
import { MailDetail, MailSummary, Page } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_NOW } from '../../test/app.ts';
import { startSmtpServer } from '../../test/smtp.ts';
import { backoffMs } from '../jobs/queue.ts';
import { queueMail } from './mail.service.ts';

async function signIn(app: Awaited<ReturnType<typeof createTestApp>>['app'], account: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
  return `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
}

/** A port where nothing listens, so every SMTP connection is refused. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mail = {
  to: 'iemand@voorbeeld.nl',
  personId: null,
  kind: 'test',
  subject: 'Proef',
  text: 'Hallo',
  html: '<p>Hallo</p>',
};

describe('mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('delivers a queued mail over SMTP exactly once, however often the queue runs', async () => {
    const t = await createTestApp({ config: { smtpUrl: smtp.url } });
    try {
      const id = await queueMail(t.database.db, mail, DEMO_NOW);
      expect(await t.app.jobs.drain()).toBe(1);
      expect(await t.app.jobs.drain()).toBe(0);
      expect(smtp.received.filter((m) => m.subject === 'Proef')).toHaveLength(1);
      const row = await t.database.db
        .selectFrom('mail_message')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('sent');
    } finally {
      await t.close();
    }
  });

  it('keeps mail in the outbox when no SMTP server is configured, visible to the beheerder', async () => {
    const t = await createTestApp();
    try {
      await queueMail(t.database.db, mail, DEMO_NOW);
      await t.app.jobs.drain();
      const cookie = await signIn(t.app, 'beheerder');
      const page = Page(MailSummary).parse(
        (
          await t.app.inject({ method: 'GET', url: '/api/admin/mail?state=outbox', headers: { cookie } })
        ).json(),
      );
      expect(page.items.map((m) => m.subject)).toContain('Proef');
      const detail = MailDetail.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/admin/mail/${page.items[0]!.id}`,
            headers: { cookie },
          })
        ).json(),
      );
      expect(detail.text).toBe('Hallo');
    } finally {
      await t.close();
    }
  });

  it('retries with back-off while the mail server is down, then marks the mail failed for the beheerder', async () => {
    let clock = new Date(DEMO_NOW);
    const t = await createTestApp({
      config: { smtpUrl: `smtp://127.0.0.1:${await deadPort()}`, now: () => clock },
    });
    try {
      const id = await queueMail(t.database.db, mail, clock);
      const states: string[] = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        expect(await t.app.jobs.drain()).toBe(1);
        // Not again before its back-off has passed.
        expect(await t.app.jobs.drain()).toBe(0);
        const row = await t.database.db
          .selectFrom('mail_message')
          .select(['state', 'attempts'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        states.push(`${row.state}:${row.attempts}`);
        clock = new Date(clock.getTime() + backoffMs(attempt) + 1000);
      }
      expect(states).toEqual(['queued:1', 'queued:2', 'queued:3', 'queued:4', 'queued:5', 'failed:6']);
      const cookie = await signIn(t.app, 'beheerder');
      const failed = Page(MailSummary).parse(
        (
          await t.app.inject({ method: 'GET', url: '/api/admin/mail?state=failed', headers: { cookie } })
        ).json(),
      );
      expect(failed.items).toHaveLength(1);
      expect(failed.items[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await t.close();
    }
  });

  it('has no demo mailbox outside demo mode', async () => {
    const t = await createTestApp({ demo: false, config: { demo: false } });
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/demo/mail' });
      expect(response.statusCode).toBe(404);
      const demo = await t.app.inject({
        method: 'POST',
        url: '/api/auth/demo',
        payload: { account: 'beheerder' },
      });
      expect(demo.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

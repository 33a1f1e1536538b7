// Makes the job queue available as app.jobs, registers the job kinds, and runs the worker while the
// app is up (off in tests, which call app.jobs.drain() to run due jobs at a moment of their choosing).
import fp from 'fastify-plugin';
import { mailSender, MAIL_JOB } from '../modules/mail/mail.service.ts';
import { JobRunner } from '../modules/jobs/queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
  }
}

export const jobsPlugin = fp<{
  now: () => Date;
  runWorker: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
}>(
  async (app, options) => {
    const runner = new JobRunner(app.database.db, options.now, app.log);
    runner.register(MAIL_JOB, mailSender({ smtpUrl: options.smtpUrl, from: options.mailFrom }));
    app.decorate('jobs', runner);
    if (options.runWorker) {
      app.addHook('onReady', async () => runner.start());
      app.addHook('preClose', async () => runner.stop());
    }
  },
  { name: 'jobs', dependencies: ['database'] },
);

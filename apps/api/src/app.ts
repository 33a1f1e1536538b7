// buildApp(config) wires every plugin and module; the server and the tests build the app the same way.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { useDutchValidationMessages } from '@inbreng/shared';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import rootPackage from '../../../package.json' with { type: 'json' };
import { repoRoot, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { oidcRoutes } from './modules/identity/oidc.routes.ts';
import { invitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { organisationsRoutes } from './modules/organisations/organisations.routes.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { contributionsRoutes } from './modules/contributions/contributions.routes.ts';
import { responsesRoutes } from './modules/responses/responses.routes.ts';
import { roundsRoutes } from './modules/rounds/rounds.routes.ts';
import { plansRoutes } from './modules/plans/plans.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { wallRoutes } from './modules/wall/wall.routes.ts';
import { sectionsRoutes } from './modules/sections/sections.routes.ts';
import { adviceRoutes } from './modules/advice/advice.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { accessPlugin } from './plugins/access.ts';
import { databasePlugin } from './plugins/database.ts';
import { docsPlugin } from './plugins/docs.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { eventsPlugin } from './plugins/events.ts';
import { jobsPlugin } from './plugins/jobs.ts';
import { securityPlugin } from './plugins/security.ts';
import { webPlugin } from './plugins/web.ts';

export const version = rootPackage.version;
export const webBuildDir = path.join(repoRoot, 'apps/web/build');

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(config.prettyLogs
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

export type Deps = {
  /** An open database the caller owns (tests, the server after migrating); otherwise the app opens one. */
  database?: Database;
};

export async function buildApp(config: Config, deps: Deps = {}) {
  useDutchValidationMessages();
  const app = Fastify({
    logger: loggerOptions(config),
    // A caller's request id (from a proxy) is kept when it is sane, so one id follows a request.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // Behind an https proxy, trust its X-Forwarded-* headers. Otherwise trust them only from this
    // machine: the web pages' server side calls the API over loopback and names the visitor's address,
    // so rate limits count visitors, not the web server.
    trustProxy: config.publicUrl?.startsWith('https://') ? true : ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const database = deps.database ?? (await openDatabase(config));
  const { now } = config;
  // Links in e-mails point here; without PUBLIC_URL, to the address this process listens on.
  const baseUrl = () => config.publicUrl ?? process.env.INBRENG_API_URL ?? `http://127.0.0.1:${config.port}`;
  await app.register(errorsPlugin);
  await app.register(databasePlugin, { database, closeWithApp: !deps.database });
  await app.register(securityPlugin, { publicUrl: config.publicUrl });
  await app.register(accessPlugin, { now, publicUrl: config.publicUrl });
  await app.register(jobsPlugin, {
    now,
    runWorker: config.jobs,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
  });
  await app.register(docsPlugin, { version });
  // After the docs plugin, so that /api/events is in the OpenAPI document like every route.
  await app.register(eventsPlugin);
  await app.register(systemRoutes, { prefix: '/api', version });
  await app.register(plansRoutes, { prefix: '/api', now });
  await app.register(identityRoutes, { prefix: '/api', now, baseUrl, demo: config.demo, oidc: config.oidc });
  await app.register(oidcRoutes, { prefix: '/api', now, baseUrl, oidc: config.oidc });
  await app.register(invitationsRoutes, { prefix: '/api', now, baseUrl });
  await app.register(organisationsRoutes, { prefix: '/api', now });
  await app.register(auditRoutes, { prefix: '/api', now });
  await app.register(mailRoutes, { prefix: '/api', now, demo: config.demo });
  await app.register(privacyRoutes, { prefix: '/api', now });
  await app.register(roundsRoutes, { prefix: '/api', now, baseUrl });
  await app.register(contributionsRoutes, { prefix: '/api', now, baseUrl });
  await app.register(responsesRoutes, { prefix: '/api', now, baseUrl });
  await app.register(wallRoutes, { prefix: '/api', now });
  await app.register(sectionsRoutes, { prefix: '/api', now, baseUrl });
  await app.register(adviceRoutes, { prefix: '/api', now, baseUrl });
  await app.register(exportsRoutes, { prefix: '/api', now });
  await app.register(feedbackRoutes, { prefix: '/api', now, baseUrl });
  if (config.web) await app.register(webPlugin, { buildDir: webBuildDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

// HTTP for OpenID Connect sign-in of Hecht staff. The browser navigates here (it is not an API call),
// so both routes answer with redirects; the web page /inloggen explains a failure in Dutch.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OidcConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { cookieSecure, setSessionCookie } from '../../plugins/access.ts';
import { createIdentityService } from './identity.service.ts';
import { createOidcService, OIDC_COOKIE, OIDC_PATH } from './oidc.service.ts';
import { describeDevice } from './sessions.ts';

export type OidcOptions = { now: () => Date; baseUrl: () => string; oidc: OidcConfig | undefined };

const NOT_CONFIGURED = 'Inloggen met een Hecht-account is hier niet ingesteld.';
const FAILED = '/inloggen?fout=oidc';
// Long enough to sign in at the provider, short enough that a forgotten attempt expires soon.
const PENDING_SECONDS = 10 * 60;

const StartQuery = z.object({
  returnTo: z.string().max(1000).optional().describe('Pad binnen Inbreng om na het inloggen naartoe te gaan'),
});

// Only what the provider may send back; openid-client reads and checks the raw query string itself.
const CallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

export const oidcRoutes: FastifyPluginAsyncZod<OidcOptions> = async (app, { now, baseUrl, oidc }) => {
  // Only its startSession is used here, so the demo flag does not matter.
  const identity = createIdentityService({ db: app.database.db, jobs: app.jobs, baseUrl, demo: false });
  const service = oidc && createOidcService({ db: app.database.db, identity, oidc, baseUrl });
  const configured = () => {
    if (!service) throw new AppError('NOT_FOUND', NOT_CONFIGURED);
    return service;
  };
  const tags = ['inloggen'];

  const pendingCookie = (request: FastifyRequest) => ({
    path: OIDC_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cookieSecure(request),
  });
  const redirect = (reply: FastifyReply, location: string) =>
    reply.header('cache-control', 'no-store').redirect(location, 302);

  app.get(
    '/auth/oidc/start',
    {
      schema: {
        tags,
        summary: 'Inloggen met een Hecht-account: naar de inlogpagina van Hecht',
        querystring: StartQuery,
      },
    },
    async (request, reply) => {
      const oidcService = configured();
      try {
        const { url, cookie } = await oidcService.start(request.query.returnTo);
        reply.setCookie(OIDC_COOKIE, cookie, { ...pendingCookie(request), maxAge: PENDING_SECONDS });
        return redirect(reply, url);
      } catch (error) {
        // Most likely the provider cannot be reached; the person can still sign in by e-mail.
        request.log.error({ err: error }, 'OIDC sign-in could not start');
        return redirect(reply, FAILED);
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags,
        summary: 'Inloggen met een Hecht-account: terug van Hecht',
        querystring: CallbackQuery,
      },
    },
    async (request, reply) => {
      const oidcService = configured();
      const queryStart = request.url.indexOf('?');
      const search = queryStart === -1 ? '' : request.url.slice(queryStart);
      reply.clearCookie(OIDC_COOKIE, pendingCookie(request));
      const ctx = { ip: request.ip, device: describeDevice(request.headers['user-agent']), now: now() };
      try {
        const result = await oidcService.finish(request.cookies[OIDC_COOKIE], search, ctx);
        if (!result.ok) {
          request.log.warn({ reason: result.reason, err: result.cause }, 'OIDC sign-in refused');
          return redirect(reply, FAILED);
        }
        setSessionCookie(request, reply, result.token, result.expiresAt);
        return redirect(reply, result.returnTo);
      } catch (error) {
        request.log.error({ err: error }, 'OIDC sign-in failed');
        return redirect(reply, FAILED);
      }
    },
  );
};

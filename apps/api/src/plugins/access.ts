// Who is calling, and may they call this route? Reads the session cookie into request.actor, then
// checks the route against the policy table (access/policy.ts). A route missing there is refused.
import type { Membership, Role } from '@inbreng/shared';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { mayAttempt, routeRule, type Actor } from '../access/policy.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE, validateSessionToken } from '../modules/identity/sessions.ts';

export type SignedInActor = Actor & {
  sessionId: string;
  name: string | null;
  email: string | null;
  locale: 'nl' | 'en';
  memberships: Array<Membership & { role: Role }>;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: SignedInActor | null;
  }
  interface FastifyInstance {
    /** Secure whenever the public address is https (behind a proxy a request may look like http). */
    secureCookies: boolean;
  }
}

/** The signed-in person; throws 401 when there is none (routes marked signed_in always have one). */
export function actorOf(request: FastifyRequest): SignedInActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Secure whenever the public address is https (behind a proxy a request may look like http). */
export function cookieSecure(request: FastifyRequest): boolean {
  return request.server.secureCookies || request.protocol === 'https';
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(request),
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(request),
  });
}

export const accessPlugin = fp<{ now: () => Date; publicUrl: string | undefined }>(
  async (app, { now, publicUrl }) => {
    app.decorate('secureCookies', publicUrl?.startsWith('https://') ?? false);
    await app.register(cookie);
    app.decorateRequest('actor', null);

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
      for (const method of methods) {
        if (isApi && method !== 'HEAD' && !routeRule(method, route.url)) {
          // Default deny: the route answers 403 to everyone, and the route × role test fails.
          app.log.warn(`Route ${method} ${route.url} staat niet in de toegangstabel en weigert iedereen.`);
        }
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      if (!url?.startsWith('/api/') || url.startsWith('/api/docs')) return;

      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const loaded = await loadActor(token, now());
        request.actor = loaded?.actor ?? null;
        // The session slid forward in the database; the browser's cookie must follow.
        if (loaded?.extendedUntil) setSessionCookie(request, reply, token, loaded.extendedUntil);
      }

      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const rule = routeRule(method, url);
      if (rule === 'public') return;
      if (rule !== undefined && !request.actor) throw new AppError('UNAUTHENTICATED');
      if (rule === 'signed_in') return;
      if (rule === undefined || !mayAttempt(request.actor!, rule)) throw new AppError('FORBIDDEN');
    });

    async function loadActor(token: string, at: Date) {
      const session = await validateSessionToken(app.database.db, token, at);
      if (!session) return null;
      const actor: SignedInActor = {
        personId: session.personId,
        sessionId: session.id,
        ...session.person,
        memberships: session.memberships,
      };
      return { actor, extendedUntil: session.extended ? session.expiresAt : undefined };
    }
  },
  { name: 'access', dependencies: ['database'] },
);

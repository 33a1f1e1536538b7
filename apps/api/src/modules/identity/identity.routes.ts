// HTTP for signing in and out, sessions and the profile. Cookies are set here, never in the service.
import {
  DemoAccount,
  DemoAccountList,
  Me,
  Ok,
  ProfileInput,
  SessionList,
  SessionParams,
  SignedIn,
  SignInCode,
  SignInLink,
  SignInMethods,
  SignInRequest,
  SignInRequested,
} from '@inbreng/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OidcConfig } from '../../config.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../plugins/access.ts';
import { createIdentityService, type Context } from './identity.service.ts';
import { describeDevice } from './sessions.ts';

type Options = { now: () => Date; baseUrl: () => string; demo: boolean; oidc: OidcConfig | undefined };

// Sign-in bodies are small; a large one is an attack, not a person.
const smallBody = { bodyLimit: 4 * 1024 };

export const identityRoutes: FastifyPluginAsyncZod<Options> = async (app, { now, baseUrl, demo, oidc }) => {
  const identity = createIdentityService({ db: app.database.db, jobs: app.jobs, baseUrl, demo });
  const context = (request: FastifyRequest): Context => ({
    ip: request.ip,
    device: describeDevice(request.headers['user-agent']),
    now: now(),
  });
  const tags = ['inloggen'];

  app.get(
    '/auth/methods',
    { schema: { tags, summary: 'Hoe men kan inloggen', response: { 200: SignInMethods } } },
    () => ({ email: true as const, oidc: { enabled: Boolean(oidc), label: oidc?.label ?? '' }, demo }),
  );

  app.post(
    '/auth/sign-in',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Stuur een inloglink en -code naar dit adres (zelfde antwoord voor elk adres)',
        body: SignInRequest,
        response: { 202: SignInRequested },
      },
    },
    async (request, reply) => {
      const message = await identity.requestSignIn(request.body.email, context(request));
      return reply.code(202).send({ message });
    },
  );

  app.post(
    '/auth/code',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Inloggen met de code uit de e-mail',
        body: SignInCode,
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const result = await identity.signInWithCode(request.body.email, request.body.code, context(request));
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { me: result.me };
    },
  );

  app.post(
    '/auth/link',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Inloggen met de link uit de e-mail',
        body: SignInLink,
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const result = await identity.signInWithLink(request.body.token, context(request));
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { me: result.me };
    },
  );

  app.get(
    '/auth/demo',
    { schema: { tags, summary: 'De demo-accounts (alleen in de demo)', response: { 200: DemoAccountList } } },
    () => ({ items: identity.demoAccounts() }),
  );

  app.post(
    '/auth/demo',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Inloggen als demo-account (alleen in de demo)',
        body: z.object({ account: DemoAccount }),
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const result = await identity.signInAsDemo(request.body.account, context(request));
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { me: result.me };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: 'Uitloggen op dit apparaat', response: { 200: Ok } } },
    async (request, reply) => {
      await identity.signOut(actorOf(request), now());
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    { schema: { tags, summary: 'Uitloggen op alle apparaten', response: { 200: Ok } } },
    async (request, reply) => {
      await identity.signOutEverywhere(actorOf(request), now());
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.get('/me', { schema: { tags: ['profiel'], summary: 'Wie ben ik', response: { 200: Me } } }, (request) =>
    identity.me(actorOf(request).personId),
  );

  app.patch(
    '/me',
    {
      ...smallBody,
      schema: {
        tags: ['profiel'],
        summary: 'Naam en taal wijzigen',
        body: ProfileInput,
        response: { 200: Me },
      },
    },
    (request) => identity.updateProfile(actorOf(request), request.body, now()),
  );

  app.get(
    '/me/sessions',
    { schema: { tags: ['profiel'], summary: 'Mijn sessies', response: { 200: SessionList } } },
    async (request) => ({ items: await identity.sessions(actorOf(request), now()) }),
  );

  app.delete(
    '/me/sessions/:sessionId',
    {
      schema: {
        tags: ['profiel'],
        summary: 'Eén sessie beëindigen',
        params: SessionParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await identity.revokeSession(actorOf(request), request.params.sessionId, now());
      return { ok: true as const };
    },
  );
};

// HTTP for invitations: the programme team's list and actions, and the public page behind the mail's link.
import {
  IdParams,
  Invitation,
  InvitationAccept,
  InvitationCsv,
  InvitationCsvReport,
  InvitationInput,
  InvitationPreview,
  InvitationQuery,
  InvitationToken,
  Page,
  SignedIn,
} from '@inbreng/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, setSessionCookie } from '../../plugins/access.ts';
import { createIdentityService, type Context } from '../identity/identity.service.ts';
import { describeDevice } from '../identity/sessions.ts';
import { createInvitationsService } from './invitations.service.ts';

export type InvitationOptions = { now: () => Date; baseUrl: () => string };

// Everything but the CSV is a few fields; a large body is an attack, not a person.
const smallBody = { bodyLimit: 4 * 1024 };
// The CSV may be 512 k characters; escaped in JSON and in UTF-8 that stays well under 2 MB.
const csvBody = { bodyLimit: 2 * 1024 * 1024 };

export const invitationsRoutes: FastifyPluginAsyncZod<InvitationOptions> = async (app, { now, baseUrl }) => {
  const db = app.database.db;
  // Only sessions and `me` are used here; demo sign-in belongs to the identity routes.
  const identity = createIdentityService({ db, jobs: app.jobs, baseUrl, demo: false });
  const invitations = createInvitationsService({ db, jobs: app.jobs, baseUrl, identity });
  const context = (request: FastifyRequest): Context => ({
    ip: request.ip,
    device: describeDevice(request.headers['user-agent']),
    now: now(),
  });
  const tags = ['uitnodigingen'];

  app.get(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Uitnodigingen, nieuwste eerst; te filteren op status en te zoeken op e-mail of naam',
        querystring: InvitationQuery,
        response: { 200: Page(Invitation) },
      },
    },
    (request) => invitations.list(request.query, now()),
  );

  app.post(
    '/invitations',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Iemand uitnodigen (een open uitnodiging voor dezelfde rol wordt opnieuw verstuurd)',
        body: InvitationInput,
        response: { 200: Invitation, 201: Invitation },
      },
    },
    async (request, reply) => {
      const { invitation, created } = await invitations.invite(actorOf(request), request.body, now());
      return reply.code(created ? 201 : 200).send(invitation);
    },
  );

  app.post(
    '/invitations/csv',
    {
      ...csvBody,
      schema: {
        tags,
        summary: 'Veel mensen tegelijk uitnodigen met een CSV-bestand (e-mail, naam, organisatie, rol)',
        body: InvitationCsv,
        response: { 200: InvitationCsvReport },
      },
    },
    (request) => invitations.importCsv(actorOf(request), request.body.csv, now()),
  );

  app.post(
    '/invitations/:id/resend',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Een uitnodiging opnieuw versturen, met een nieuwe link',
        params: IdParams,
        response: { 200: Invitation },
      },
    },
    (request) => invitations.resend(actorOf(request), request.params.id, now()),
  );

  app.post(
    '/invitations/:id/revoke',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Een uitnodiging intrekken; de link werkt dan niet meer',
        params: IdParams,
        response: { 200: Invitation },
      },
    },
    (request) => invitations.revoke(actorOf(request), request.params.id, now()),
  );

  app.get(
    '/invitations/preview',
    {
      schema: {
        tags,
        summary: 'Wat een uitnodigingslink inhoudt, voordat iemand hem aanneemt',
        querystring: InvitationToken,
        response: { 200: InvitationPreview },
      },
    },
    (request) => invitations.preview(request.query.token, context(request)),
  );

  app.post(
    '/invitations/accept',
    {
      ...smallBody,
      schema: {
        tags,
        summary: 'Een uitnodiging aannemen: maakt zo nodig het account aan en logt in',
        body: InvitationAccept,
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const result = await invitations.accept(request.body, context(request));
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { me: result.me };
    },
  );
};

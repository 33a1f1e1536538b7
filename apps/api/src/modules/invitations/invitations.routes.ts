// Invitations (filled in by the invitations work).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export type InvitationOptions = { now: () => Date; baseUrl: () => string };

export const invitationsRoutes: FastifyPluginAsyncZod<InvitationOptions> = async () => {};

// OpenID Connect sign-in for Hecht staff (filled in by the OIDC work).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OidcConfig } from '../../config.ts';

export type OidcOptions = { now: () => Date; baseUrl: () => string; oidc: OidcConfig | undefined };

export const oidcRoutes: FastifyPluginAsyncZod<OidcOptions> = async () => {};

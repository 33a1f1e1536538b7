// Liveness and readiness for load balancers and orchestrators.
import { HealthReply, ReadyReply } from '@inbreng/shared';
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';

export const systemRoutes: FastifyPluginAsyncZod<{ version: string }> = async (app, { version }) => {
  app.get(
    '/health',
    {
      schema: { tags: ['systeem'], summary: 'Het proces draait', response: { 200: HealthReply } },
    },
    async () => ({ status: 'ok' as const, version }),
  );

  app.get(
    '/ready',
    {
      schema: { tags: ['systeem'], summary: 'De database antwoordt', response: { 200: ReadyReply } },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(app.database.db);
      } catch (error) {
        throw new AppError('DATABASE_UNAVAILABLE', undefined, undefined, { cause: error });
      }
      return { status: 'ready' as const, database: app.database.kind };
    },
  );
};

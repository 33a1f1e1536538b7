// Makes the database available to every route as app.database, and closes it with the app.
import fp from 'fastify-plugin';
import type { Database } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export const databasePlugin = fp<{ database: Database; closeWithApp: boolean }>(
  async (app, { database, closeWithApp }) => {
    app.decorate('database', database);
    if (closeWithApp) app.addHook('onClose', () => database.close());
  },
  { name: 'database' },
);

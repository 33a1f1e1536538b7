// Every API route says who may call it; a route that does not is refused at start (default deny).
import fp from 'fastify-plugin';

/** 'public': anyone, signed in or not. Role-based actions join this union with the identity work. */
export type RouteAccess = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const accessPlugin = fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
      if (isApi && route.config?.access === undefined) {
        throw new Error(
          `Route ${String(route.method)} ${route.url} declares no access rule (config.access).`,
        );
      }
    });
  },
  { name: 'access' },
);

// Browser-facing protections for the whole process: CSRF refusal of cross-site writes, and the
// headers every answer carries. Pages get their Content-Security-Policy (with nonces) from SvelteKit.
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const securityPlugin = fp<{ publicUrl: string | undefined }>(
  async (app, { publicUrl }) => {
    const https = publicUrl?.startsWith('https://') ?? false;

    // A browser tells where a request comes from (Sec-Fetch-Site, Origin). A write from another site
    // is refused; callers that are not browsers send neither header and cannot carry a victim's cookie.
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      const site = request.headers['sec-fetch-site'];
      if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
        throw new AppError('FORBIDDEN', 'Dit verzoek komt van een andere website en is daarom geweigerd.');
      }
      const origin = request.headers.origin;
      if (typeof origin === 'string' && !sameOrigin(origin, request.protocol, request.host, publicUrl)) {
        throw new AppError('FORBIDDEN', 'Dit verzoek komt van een andere website en is daarom geweigerd.');
      }
    });

    // Set on the raw response, first thing: the web pages are written by SvelteKit on a hijacked
    // reply, where Fastify's onSend never runs, and Node merges these into whatever it writes.
    app.addHook('onRequest', async (_request, reply) => {
      reply.raw.setHeader('x-content-type-options', 'nosniff');
      reply.raw.setHeader('referrer-policy', 'same-origin');
      reply.raw.setHeader('x-frame-options', 'DENY');
      reply.raw.setHeader('cross-origin-opener-policy', 'same-origin');
      if (https) reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    });

    app.addHook('onSend', async (request, reply) => {
      const url = request.routeOptions.url ?? request.url;
      // API answers are data, never documents: nothing in them may run or be framed.
      if (url.startsWith('/api/') && !url.startsWith('/api/docs')) {
        reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
        reply.header('cache-control', 'no-store');
      }
    });
  },
  { name: 'security' },
);

function sameOrigin(origin: string, protocol: string, host: string, publicUrl: string | undefined): boolean {
  if (origin === 'null') return false;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  return origin === `${protocol}://${host}`;
}

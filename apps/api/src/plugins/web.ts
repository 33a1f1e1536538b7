// Serves the built SvelteKit app (adapter-node) from this process, on the same port as the API.
// Encapsulated on purpose: its requests bypass Fastify's body parsers so SvelteKit reads the raw
// stream itself (form actions), while /api keeps its JSON parsing.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export async function webPlugin(app: FastifyInstance, { buildDir }: { buildDir: string }) {
  // adapter-node reads these when its handler is imported. It assumes https unless a header tells the
  // protocol, and SvelteKit would then refuse every form post on a plain-http install as cross-site.
  // We set that header ourselves below, from what Fastify knows (the socket, or a trusted proxy).
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  // Room for a council's advice with its attachment (the API allows 10 MB) in a multipart form, so an
  // oversize file reaches the API and gets its own message; the API checks every other size itself.
  process.env.BODY_SIZE_LIMIT ??= '12M';
  const handlerFile = path.join(buildDir, 'handler.js');
  const handler = fs.existsSync(handlerFile)
    ? ((await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler }).handler
    : undefined;
  if (!handler) app.log.warn(`web app not built (${handlerFile} missing): run "./inbreng build"`);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    url: '/*',
    handler: (request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') return reply.callNotFound();
      if (!handler) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('De webapp van Inbreng is nog niet gebouwd. Start Inbreng met ./inbreng start.');
      }
      // Overwrite, never pass on: a visitor must not be able to choose the protocol SvelteKit sees.
      request.raw.headers['x-forwarded-proto'] = request.protocol;
      reply.hijack();
      handler(request.raw, reply.raw, () => {
        reply.raw.statusCode = 404;
        reply.raw.end('Niet gevonden');
      });
    },
  });
}

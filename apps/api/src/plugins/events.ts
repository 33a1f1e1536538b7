// Live updates: an in-process bus that services publish to and Server-Sent Event streams read from.
// On a PostgreSQL server the bus runs over LISTEN/NOTIFY, so every process sees every event; the
// embedded database belongs to one process, so there the bus stays in memory.
import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { actorOf, type SignedInActor } from './access.ts';

const CHANNEL = 'inbreng_events';
const HEARTBEAT_MS = 15_000;
const RETRY_MS = 3_000;

export type LiveEvent = { topic: string; type: string; data: Record<string, unknown>; by?: string | null };

/** Decides whether a person may follow a topic; registered per topic kind (the part before ':'). */
export type TopicAuthorizer = (actor: SignedInActor, parts: string[]) => Promise<boolean> | boolean;

export class EventBus {
  readonly #local = new EventEmitter().setMaxListeners(0);
  readonly #authorizers = new Map<string, TopicAuthorizer>();
  #listener: pg.PoolClient | undefined;
  readonly #pool: pg.Pool;
  readonly #server: boolean;
  #stopped = true;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(pool: pg.Pool, server: boolean) {
    this.#pool = pool;
    this.#server = server;
  }

  /**
   * Listens on the server; never throws. A lost connection (a restart of PostgreSQL, a killed backend)
   * is retried every few seconds, so live updates come back by themselves.
   */
  async start(log: { warn: (obj: object, msg: string) => void }) {
    if (!this.#server) return;
    this.#stopped = false;
    try {
      const client = await this.#pool.connect();
      client.on('notification', (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        const event = JSON.parse(message.payload) as LiveEvent;
        this.#local.emit(event.topic, event);
      });
      client.on('error', (err) => {
        // After stop() the client is already back in the pool; a late error is not ours to handle.
        if (this.#stopped || this.#listener !== client) return;
        log.warn({ err }, 'live updates: connection lost, reconnecting');
        client.release(err);
        if (this.#listener === client) this.#listener = undefined;
        this.#retry(log);
      });
      await client.query(`LISTEN ${CHANNEL}`);
      this.#listener = client;
    } catch (err) {
      log.warn({ err }, 'live updates: cannot listen yet, retrying');
      this.#retry(log);
    }
  }

  #retry(log: { warn: (obj: object, msg: string) => void }) {
    if (this.#stopped) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.start(log), RETRY_MS);
    this.#retryTimer.unref();
  }

  async stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    if (!this.#listener) return;
    await this.#listener.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
    this.#listener.release();
    this.#listener = undefined;
  }

  /** Call after the change has committed: a listener that reloads must see it. */
  async publish(event: LiveEvent): Promise<void> {
    if (this.#server) {
      await this.#pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    } else {
      this.#local.emit(event.topic, event);
    }
  }

  subscribe(topic: string, listener: (event: LiveEvent) => void): () => void {
    this.#local.on(topic, listener);
    return () => this.#local.off(topic, listener);
  }

  authorize(kind: string, authorizer: TopicAuthorizer) {
    this.#authorizers.set(kind, authorizer);
  }

  async mayFollow(actor: SignedInActor, topic: string): Promise<boolean> {
    const parts = topic.split(':');
    const authorizer = this.#authorizers.get(parts[0]!);
    return authorizer ? authorizer(actor, parts.slice(1)) : false;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus;
  }
}

const EventsQuery = z.object({
  topic: z
    .string()
    .regex(/^[a-z_]+(:[A-Za-z0-9_-]+){0,3}$/, { error: 'Onbekend onderwerp.' })
    .max(200),
});

export const eventsPlugin = fp(
  async (app) => {
    const bus = new EventBus(app.database.pool, app.database.kind === 'server');
    app.decorate('events', bus);
    app.addHook('onReady', () => bus.start(app.log));
    app.addHook('preClose', () => bus.stop());

    // Open streams end when the app stops, so a graceful shutdown does not wait for them.
    const streams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of streams) end();
    });

    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/events',
      {
        schema: {
          tags: ['live'],
          summary: 'Live updates als Server-Sent Events',
          querystring: EventsQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { topic } = request.query;
        if (!(await bus.mayFollow(actor, topic))) throw new AppError('FORBIDDEN');

        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(`retry: 3000\n: verbonden met ${topic}\n\n`);
        const unsubscribe = bus.subscribe(topic, (event) => {
          res.write(
            `event: ${event.type}\ndata: ${JSON.stringify({ ...event.data, by: event.by ?? null })}\n\n`,
          );
        });
        const heartbeat = setInterval(() => res.write(': hartslag\n\n'), HEARTBEAT_MS);
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(end);
          res.end();
        };
        streams.add(end);
        request.raw.on('close', end);
      },
    );
  },
  { name: 'events', dependencies: ['database', 'access'] },
);

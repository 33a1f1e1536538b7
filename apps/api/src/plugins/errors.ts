// The one place where errors become HTTP answers, always in the shape {error:{code,message}}.
import { type ErrorBody, type ErrorCode, errorMessages } from '@inbreng/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { RateLimitedError } from '../modules/identity/rate-limit.ts';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'DATABASE_UNAVAILABLE',
};

const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'De verzonden gegevens zijn geen geldige JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Er zijn geen gegevens meegestuurd, terwijl dat wel moet.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Wat u verstuurt is te groot.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Dit soort gegevens kan Inbreng niet verwerken.',
};

// Connection failures and server shutdowns: the database is away, the request may be retried.
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08')
  );
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: ErrorBody['error']) {
  const payload: ErrorBody = { error: { ...body, requestId: request.id } };
  return reply.code(status).type('application/json; charset=utf-8').send(payload);
}

export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
        return send(reply, request, error.status, {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields: Record<string, string> = {};
        for (const issue of error.validation) {
          const key = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
          fields[key] ??= issue.message ?? errorMessages.VALIDATION;
        }
        return send(reply, request, 400, { code: 'VALIDATION', message: errorMessages.VALIDATION, fields });
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', '30');
        return send(reply, request, 503, {
          code: 'DATABASE_UNAVAILABLE',
          message: errorMessages.DATABASE_UNAVAILABLE,
        });
      }
      const status = error.statusCode ?? 500;
      const code = codeByStatus[status];
      if (status < 500 && code) {
        return send(reply, request, status, {
          code,
          message: fastifyMessages[error.code] ?? errorMessages[code],
        });
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, request, 500, { code: 'INTERNAL', message: errorMessages.INTERNAL });
    });

    app.setNotFoundHandler((request, reply) =>
      send(reply, request, 404, {
        code: 'NOT_FOUND',
        message: 'Dit adres bestaat niet in de API van Inbreng.',
      }),
    );
  },
  { name: 'errors' },
);

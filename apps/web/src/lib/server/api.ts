// Typed client of the Inbreng API for server-side loads. The web app knows the API only through
// its HTTP contract: the shapes come from @inbreng/shared and every reply is checked against them.
import { ErrorBody, Page, PageQuery, PlanDetail, PlanSummary } from '@inbreng/shared';
import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody['error']) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.requestId = body.requestId;
  }
}

// Read per call, not at import: in production the server sets it once it knows its own port.
function apiBase(): string {
  return process.env.INBRENG_API_URL ?? 'http://127.0.0.1:3000';
}

const forwardedHeaders = ['cookie', 'accept-language', 'x-request-id'];

export function api(event: Pick<RequestEvent, 'fetch' | 'request'>) {
  async function call<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    const headers = new Headers({ accept: 'application/json' });
    for (const name of forwardedHeaders) {
      const value = event.request.headers.get(name);
      if (value) headers.set(name, value);
    }
    let response: Response;
    try {
      response = await event.fetch(`${apiBase()}${path}`, { headers });
    } catch {
      throw new ApiError(503, { code: 'DATABASE_UNAVAILABLE', message: 'De API is niet bereikbaar.' });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(body);
      throw new ApiError(
        response.status,
        parsed.success
          ? parsed.data.error
          : { code: 'INTERNAL', message: `API antwoordde ${response.status}` },
      );
    }
    return schema.parse(body);
  }

  return {
    plans: {
      list: (query: Partial<PageQuery> = {}) =>
        call(
          `/api/plans?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
          Page(PlanSummary),
        ),
      get: (reference: string) => call(`/api/plans/${encodeURIComponent(reference)}`, PlanDetail),
    },
  };
}

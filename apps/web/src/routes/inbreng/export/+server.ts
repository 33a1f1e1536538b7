import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import { inputFilters } from '../filters.ts';
import type { RequestHandler } from './$types';

// The raw input as the API writes it (CSV, pseudonymised per contribution), with the page's filters.
// The API's stream is passed on as it comes, so a large export starts at once.
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  const { query } = inputFilters(event.url);
  let response: Response;
  try {
    response = await api(event).download('/api/contributions.csv', query);
  } catch (cause) {
    pageError(cause);
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="inbreng-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
};

import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { auditFilters } from '../filters.ts';
import type { RequestHandler } from './$types';

// The audit log as the API writes it (CSV for Excel), with the page's filters, saved as a file.
export const GET: RequestHandler = async (event) => {
  const { query } = auditFilters(event.url);
  let response: Response;
  try {
    response = await api(event).download('/api/admin/audit.csv', query);
  } catch (cause) {
    pageError(cause);
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="inbreng-auditlog-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
};

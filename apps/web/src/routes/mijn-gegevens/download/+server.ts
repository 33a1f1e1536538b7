import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { RequestHandler } from './$types';

// Everything Inbreng stores about the person, as the API gives it, saved as a file.
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  let response: Response;
  try {
    response = await api(event).download('/api/me/data', { download: '1' });
  } catch (cause) {
    pageError(cause);
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(response.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="inbreng-mijn-gegevens-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
};

import { ExportFormat } from '@inbreng/shared';
import { error } from '@sveltejs/kit';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import { m } from '#lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

// The board papers as the API writes them (and logs in the audit trail), passed on to the browser
// with the API's file name.
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  const format = ExportFormat.safeParse(event.params.format);
  if (!format.success) error(404, { message: m.error_not_found_body() });
  let response: Response;
  try {
    response = await api(event).download(`/api/plans/${encodeURIComponent(event.params.slug)}/export`, {
      format: format.data,
    });
  } catch (cause) {
    pageError(cause);
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};

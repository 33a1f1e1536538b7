import { adviceApi } from '#lib/server/advice.ts';
import { pageError } from '#lib/server/errors.ts';
import type { RequestHandler } from './$types';

// The advice's attachment passed on as the API serves it: a download that no browser opens, runs or
// sniffs (the API's name, type and safety headers go along unchanged).
const passOn = [
  'content-type',
  'content-disposition',
  'content-length',
  'x-content-type-options',
  'content-security-policy',
];

export const GET: RequestHandler = async (event) => {
  let response: Response;
  try {
    response = await adviceApi(event).attachment(event.params.id);
  } catch (cause) {
    pageError(cause);
  }
  const headers = new Headers({ 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' });
  for (const name of passOn) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { headers });
};

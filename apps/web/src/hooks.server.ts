import { useDutchValidationMessages } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { ApiError, SESSION_COOKIE, api } from '#lib/server/api.ts';
import { signInPath } from '#lib/server/guard.ts';

useDutchValidationMessages();

// Pages that only make sense for a signed-in person; the rest of the site is public.
const signedInOnly = [
  '/profiel',
  '/mijn-gegevens',
  '/beheer',
  '/rondes',
  '/mijn-inbreng',
  '/inbreng',
  '/wanden',
  '/onderdelen',
  '/opmerkingen',
  '/reacties',
  '/advies',
];

const isSignedInOnly = (pathname: string) =>
  signedInOnly.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

// Resolves the person's language (cookie, else Dutch) for the whole request and sets <html lang>.
// The locale lives in a cookie, not in the URL, so the request itself needs no rewriting.
// With a session cookie, the person is read from the API once; a 401 means the cookie is stale.
export const handle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, async ({ locale }) => {
    event.locals.me = null;
    if (event.cookies.get(SESSION_COOKIE)) {
      try {
        event.locals.me = await api(event).me.get();
      } catch (cause) {
        // Anything but a 401 (the API unreachable, say) is left to the page, which shows its own error.
        if (cause instanceof ApiError && cause.status === 401)
          event.cookies.delete(SESSION_COOKIE, { path: '/' });
        else if (!(cause instanceof ApiError)) throw cause;
      }
    }
    if (!event.locals.me && isSignedInOnly(event.url.pathname)) {
      redirect(303, signInPath(event.url));
    }
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });

// What happens around signing in and out, on the web side: the person's language follows their
// profile, and they land where they were going.
import type { Locale } from '@inbreng/shared';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '#lib/paraglide/runtime.js';
import { safeReturnPath } from './guard.ts';

/** Paraglide reads the language from this cookie on the next request. */
export function rememberLocale(event: Pick<RequestEvent, 'cookies' | 'url'>, locale: Locale) {
  event.cookies.set(cookieName, locale, {
    path: '/',
    maxAge: cookieMaxAge,
    httpOnly: false,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
  });
}

/** After a sign-in: the profile's language, then back to `terug` (a local path) or home. */
export function signedIn(
  event: Pick<RequestEvent, 'cookies' | 'url'>,
  locale: Locale,
  terug: string | null,
): never {
  rememberLocale(event, locale);
  redirect(303, safeReturnPath(terug) ?? '/');
}

/** The API's "check your mail" sentence, carried from the sign-in form to the code page for one visit. */
export const NOTICE_COOKIE = 'inbreng_notice';

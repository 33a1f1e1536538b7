// Who may see what, as the web app needs it: the sign-in detour for signed-out people and the
// return path afterwards. The API decides access for real; these only spare people a dead end.
import type { Me } from '@inbreng/shared';
import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';

/** A path on this site to return to after signing in; anything else (another site, "//x") is dropped. */
export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  const url = new URL(value, 'http://inbreng.invalid');
  if (url.origin !== 'http://inbreng.invalid') return undefined;
  // Back to the sign-in pages would only loop.
  if (url.pathname === '/inloggen' || url.pathname.startsWith('/inloggen/')) return undefined;
  return `${url.pathname}${url.search}`;
}

/** /inloggen?terug=<this page> */
export function signInPath(url: URL): string {
  return `/inloggen?${new URLSearchParams({ terug: `${url.pathname}${url.search}` })}`;
}

/** The signed-in person for pages under a signed-in-only prefix (hooks.server.ts redirects the others). */
export function requireMe(locals: App.Locals, url: URL): Me {
  if (!locals.me) redirect(303, signInPath(url));
  return locals.me;
}

export function forbidden(): never {
  error(403, { message: m.error_forbidden_body() });
}

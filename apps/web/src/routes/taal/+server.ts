// The header's language switch. Everyone gets the language cookie; a signed-in person also gets it
// saved in their profile, so the next sign-in (and every e-mail) speaks it too.
import { Locale } from '@inbreng/shared';
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.ts';
import { rememberLocale } from '#lib/server/session.ts';

/** Back to the page the switch was on: a path on this site only, never another site ("//x"). */
function backTo(value: FormDataEntryValue | null): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return '/';
  const url = new URL(value, 'http://inbreng.invalid');
  return url.origin === 'http://inbreng.invalid' ? `${url.pathname}${url.search}` : '/';
}

export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const locale = Locale.safeParse(form.get('locale'));
  const terug = backTo(form.get('terug'));
  if (!locale.success) redirect(303, terug);
  if (event.locals.me && event.locals.me.locale !== locale.data) {
    try {
      await api(event).me.update({ locale: locale.data });
    } catch (cause) {
      // A session that ended meanwhile: the cookie alone still switches this browser.
      if (!(cause instanceof ApiError && cause.status === 401)) throw cause;
    }
  }
  rememberLocale(event, locale.data);
  redirect(303, terug);
};

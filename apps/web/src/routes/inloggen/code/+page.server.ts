import { SignInCode } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { api } from '#lib/server/api.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { safeReturnPath } from '#lib/server/guard.ts';
import { NOTICE_COOKIE, signedIn } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, cookies }) => {
  const email = url.searchParams.get('adres');
  if (!email) redirect(303, '/inloggen');
  const notice = cookies.get(NOTICE_COOKIE);
  if (notice) cookies.delete(NOTICE_COOKIE, { path: '/inloggen/code' });
  return { email, notice, terug: safeReturnPath(url.searchParams.get('terug')) ?? '' };
};

export const actions: Actions = {
  default: async (event) => {
    const values = readValues(await event.request.formData(), ['email', 'code', 'terug']);
    const input = check(SignInCode, { email: values.email, code: values.code });
    if (input.errors) return failure(400, { form: 'code', values, errors: input.errors });
    try {
      const { me } = await api(event).auth.signInWithCode(input.data.email, input.data.code);
      signedIn(event, me.locale, values.terug ?? null);
    } catch (cause) {
      return apiFailure(event, 'code', values, cause);
    }
  },
};

import { SignInLink } from '@inbreng/shared';
import { api } from '#lib/server/api.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { signedIn } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// Mail scanners open links, so opening this page must not use the token: only the button does.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const values = readValues(await event.request.formData(), ['token']);
    const input = check(SignInLink, { token: values.token });
    if (input.errors) return failure(400, { form: 'link', values, message: input.errors.token });
    try {
      const { me } = await api(event).auth.signInWithLink(input.data.token);
      signedIn(event, me.locale, null);
    } catch (cause) {
      return apiFailure(event, 'link', values, cause);
    }
  },
};

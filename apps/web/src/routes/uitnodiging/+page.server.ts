import { InvitationAccept } from '@inbreng/shared';
import { api, ApiError } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { signedIn } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// The invitation from the e-mail: looking at it changes nothing; only "accept" uses the token.
export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token') ?? '';
  if (token.length < 20) return { token: '', invitation: null };
  try {
    return { token, invitation: await api(event).invitations.preview(token) };
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) {
      return { token: '', invitation: null };
    }
    pageError(cause);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const values = readValues(await event.request.formData(), ['token', 'name']);
    const input = check(InvitationAccept, values);
    if (input.errors) return failure(400, { form: 'accept', values, errors: input.errors });
    try {
      const { me } = await api(event).invitations.accept(input.data.token, input.data.name);
      signedIn(event, me.locale, null);
    } catch (cause) {
      return apiFailure(event, 'accept', values, cause);
    }
  },
};

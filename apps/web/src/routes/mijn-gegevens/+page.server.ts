import { ErasureRequestInput } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    return { data: await api(event).me.data() };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  erasure: async (event) => {
    const values = readValues(await event.request.formData(), ['reason']);
    const input = check(ErasureRequestInput, { reason: values.reason || undefined });
    if (input.errors) return failure(400, { form: 'erasure', values, errors: input.errors });
    try {
      await api(event).me.requestErasure(input.data.reason);
    } catch (cause) {
      return apiFailure(event, 'erasure', values, cause);
    }
    return { form: 'erasure', done: m.my_data_erasure_requested() };
  },
};

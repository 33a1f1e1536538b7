import { PrivacyDecision, PrivacyRequestState } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { filter, filterOf, pageNumber } from '#lib/server/lists.ts';
import type { Actions, PageServerLoad } from './$types';

// Erasure requests. Deciding takes two steps: a link opens the confirmation (?bevestig=<id>&besluit=…)
// next to the request, and only its form carries the decision out, because erasure cannot be undone.
export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const state = filterOf(event.url, 'state', PrivacyRequestState);
  const decision = filterOf(event.url, 'besluit', PrivacyDecision.shape.decision);
  const confirm = decision ? { id: filter(event.url, 'bevestig'), decision } : undefined;
  try {
    return {
      state,
      confirm,
      requests: await api(event).admin.privacyRequests({ page, pageSize: 20, state }),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  decide: async (event) => {
    const values = readValues(await event.request.formData(), ['requestId', 'decision', 'note']);
    const input = check(PrivacyDecision, { decision: values.decision, note: values.note || undefined });
    if (input.errors) return failure(400, { form: 'decide', values, errors: input.errors });
    try {
      await api(event).admin.decide(values.requestId ?? '', input.data);
    } catch (cause) {
      return apiFailure(event, 'decide', values, cause);
    }
    return {
      form: 'decide',
      done: input.data.decision === 'execute' ? m.beheer_privacy_executed() : m.beheer_privacy_rejected(),
    };
  },
};

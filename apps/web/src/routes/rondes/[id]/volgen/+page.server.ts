import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// The tracker: which invited gemeenten and organisations have responded. The page reloads this data
// (invalidate) whenever the API reports a change on the round's tracker topic.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  event.depends('app:tracker');
  try {
    return { tracker: await api(event).rounds.tracker(event.params.id) };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  remind: async (event) => {
    const values = readValues(await event.request.formData(), ['organisationId', 'organisationName']);
    try {
      const { queued } = await api(event).rounds.remind(event.params.id, values.organisationId || undefined);
      return {
        form: 'remind',
        done: values.organisationId
          ? m.tracker_reminded_one({ name: values.organisationName ?? '', count: queued })
          : m.tracker_reminded_all({ count: queued }),
      };
    } catch (cause) {
      return apiFailure(event, 'remind', values, cause);
    }
  },
};

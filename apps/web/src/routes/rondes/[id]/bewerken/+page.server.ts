import { redirect } from '@sveltejs/kit';
import { isProgrammeTeam } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, failure } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { readRoundForm, roundFormChoices } from '#lib/server/rounds.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  try {
    const client = api(event);
    const round = await client.rounds.get(event.params.id);
    return { round, ...(await roundFormChoices(client, await client.plans.get(round.planId))) };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { values, lists, input } = await readRoundForm(event.request);
    if (input.errors) return failure(400, { form: 'round', values, lists, errors: input.errors });
    try {
      await api(event).rounds.update(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, 'round', values, cause, lists);
    }
    redirect(303, `/rondes/${event.params.id}?opgeslagen=1`);
  },
};

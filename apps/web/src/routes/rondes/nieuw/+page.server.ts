import { error, redirect } from '@sveltejs/kit';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, failure } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { readRoundForm, roundFormChoices } from '#lib/server/rounds.ts';
import type { Actions, PageServerLoad } from './$types';

// A new round belongs to a plan: the newest, or the one named in ?plan=<slug>.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  try {
    const client = api(event);
    const plans = (await client.plans.list({ pageSize: 20 })).items;
    const chosen = plans.find((p) => p.slug === event.url.searchParams.get('plan')) ?? plans[0];
    if (!chosen) error(404, { message: m.rounds_no_plan() });
    const choices = await roundFormChoices(client, await client.plans.get(chosen.slug));
    return { ...choices, plans: plans.map((p) => ({ slug: p.slug, title: p.title })) };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { values, lists, input } = await readRoundForm(event.request);
    if (input.errors) return failure(400, { form: 'round', values, lists, errors: input.errors });
    let roundId: string;
    try {
      roundId = (await api(event).rounds.create(input.data)).id;
    } catch (cause) {
      return apiFailure(event, 'round', values, cause, lists);
    }
    redirect(303, `/rondes/${roundId}?aangemaakt=1`);
  },
};

import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { readContributionEdit } from '#lib/server/contributions.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, failure } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// One contribution of mine: read it, and change it while its round is open.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    const client = api(event);
    const contribution = await client.contributions.get(event.params.id);
    // The questions with their choices come from the round's form, which exists while it is open.
    const form = contribution.editable
      ? await client.rounds.form(contribution.roundId, contribution.themeId)
      : undefined;
    return {
      contribution,
      questions: form?.questions ?? [],
      organisations: form?.organisations ?? [],
      submitted: event.url.searchParams.has('ingediend'),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  opslaan: async (event) => {
    let result: Awaited<ReturnType<typeof readContributionEdit>> | undefined;
    try {
      const client = api(event);
      const contribution = await client.contributions.get(event.params.id);
      const { questions } = await client.rounds.form(contribution.roundId, contribution.themeId);
      result = await readContributionEdit(event.request, questions);
      const { values, lists, data, errors } = result;
      if (!data) return failure(400, { form: 'contribution', values, lists, errors });
      await client.contributions.update(event.params.id, data);
    } catch (cause) {
      return apiFailure(event, 'contribution', result?.values ?? {}, cause, result?.lists);
    }
    return { form: 'contribution', done: m.contribution_changed() };
  },
};

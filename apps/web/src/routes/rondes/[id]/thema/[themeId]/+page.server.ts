import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { newClientKey, readNewContribution } from '#lib/server/contributions.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, failure } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The form for one theme of a round. A person's unsubmitted answers live on the server as a draft,
// so they survive closing the browser; the client key makes a repeated submit one contribution.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    const form = await api(event).rounds.form(event.params.id, event.params.themeId);
    return { form, clientKey: form.draft?.clientKey ?? newClientKey() };
  } catch (cause) {
    pageError(cause);
  }
};

async function read(event: RequestEvent, submitting: boolean) {
  const { questions } = await api(event).rounds.form(event.params.id, event.params.themeId);
  return readNewContribution(
    event.request,
    { roundId: event.params.id, themeId: event.params.themeId, questions },
    { submitting },
  );
}

export const actions: Actions = {
  opslaan: async (event) => {
    let result: Awaited<ReturnType<typeof read>> | undefined;
    try {
      result = await read(event, false);
      const { values, lists, data, errors } = result;
      if (!data) return failure(400, { form: 'contribution', values, lists, errors });
      const saved = await api(event).contributions.saveDraft(data);
      return { form: 'contribution', values, lists, savedAt: saved.savedAt, draftId: saved.id };
    } catch (cause) {
      return apiFailure(event, 'contribution', result?.values ?? {}, cause, result?.lists);
    }
  },

  indienen: async (event) => {
    let result: Awaited<ReturnType<typeof read>> | undefined;
    let contributionId: string;
    try {
      result = await read(event, true);
      const { values, lists, data, errors } = result;
      if (!data) {
        return failure(400, { form: 'contribution', values, lists, errors, message: m.contribution_check() });
      }
      contributionId = (await api(event).contributions.submit(data)).id;
    } catch (cause) {
      return apiFailure(event, 'contribution', result?.values ?? {}, cause, result?.lists);
    }
    redirect(303, `/mijn-inbreng/${contributionId}?ingediend=1`);
  },
};

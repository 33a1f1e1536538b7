import { ReopenInput, ResponseConflict } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { ApiError, api } from '#lib/server/api.ts';
import { readAnswers } from '#lib/server/answers.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// One gemeente's consolidated response to a round. Its officials write it together: each answer is
// saved on its own, from the version its writer started with; the programme team reads along.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  event.depends('app:response');
  const { roundId, organisationId } = event.params;
  try {
    const client = api(event);
    // The response names its round by id only; the round's title and dates come from the round.
    const [response, round] = await Promise.all([
      client.responses.get(roundId, organisationId),
      client.rounds.get(roundId),
    ]);
    return {
      response,
      round: { id: round.id, title: round.title, purpose: round.purpose, closesOn: round.closesOn },
      me: { id: me.id, name: me.name },
      team: isProgrammeTeam(me.roles),
      confirming: event.url.searchParams.has('indienen'),
      justSubmitted: event.url.searchParams.has('ingediend'),
      justReopened: event.url.searchParams.has('heropend'),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  save: async (event) => {
    const { roundId, organisationId } = event.params;
    const formData = await event.request.formData();
    const questionId = String(formData.get('questionId') ?? '');
    const baseVersion = Number(formData.get('baseVersion') ?? 0);
    const client = api(event);
    let values: Record<string, string> = {};
    let lists: Record<string, string[]> = {};
    try {
      const { questions } = await client.responses.get(roundId, organisationId);
      const index = questions.findIndex((q) => q.id === questionId);
      const question = questions[index];
      if (!question) return failure(404, { form: 'answers', message: m.answer_question_gone() });
      const read = readAnswers(formData, [question]);
      values = read.values;
      lists = read.lists;
      const answer = await client.responses.saveAnswer(roundId, organisationId, questionId, {
        ...read.answers[0]!,
        baseVersion: Number.isInteger(baseVersion) && baseVersion >= 0 ? baseVersion : 0,
      });
      return { form: `answer-${questionId}`, done: m.answer_saved({ number: index + 1 }), answer };
    } catch (cause) {
      // Someone saved this answer first: both texts go back to the page to be merged.
      const conflict =
        cause instanceof ApiError && cause.status === 409
          ? ResponseConflict.safeParse(cause.body)
          : undefined;
      if (conflict?.success) {
        const { message, theirs, yours } = conflict.data.error;
        return failure(409, {
          form: `answer-${questionId}`,
          message,
          values,
          lists,
          conflict: { theirs, yours },
        });
      }
      return apiFailure(event, `answer-${questionId}`, values, cause, lists);
    }
  },

  submit: async (event) => {
    const { roundId, organisationId } = event.params;
    try {
      await api(event).responses.submit(roundId, organisationId);
    } catch (cause) {
      return apiFailure(event, 'submit', {}, cause);
    }
    redirect(303, `/reacties/${roundId}/${organisationId}?ingediend=1`);
  },

  reopen: async (event) => {
    const { roundId, organisationId } = event.params;
    const values = readValues(await event.request.formData(), ['reason']);
    const input = check(ReopenInput, values);
    if (input.errors) return failure(400, { form: 'reopen', values, errors: input.errors });
    try {
      await api(event).responses.reopen(roundId, organisationId, input.data.reason);
    } catch (cause) {
      return apiFailure(event, 'reopen', values, cause);
    }
    redirect(303, `/reacties/${roundId}/${organisationId}?heropend=1`);
  },
};

import { QuestionInput, RoundTransition } from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { roundStateLabels } from '#lib/labels.ts';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import { linesOf } from '#lib/rounds.ts';
import type { Actions, PageServerLoad } from './$types';

// One round. The team sees its state, moves it on and writes its questions; the people it asks see
// its themes, each with a link to the form (and to their draft, when they have one).
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  const team = isProgrammeTeam(me.roles);
  try {
    const client = api(event);
    const round = await client.rounds.get(event.params.id);
    const [open, responses] = team
      ? [undefined, undefined]
      : await Promise.all([round.state === 'open' ? client.me.open() : undefined, client.me.responses()]);
    const mine = open?.items.find((item) => item.round.id === round.id)?.themes ?? [];
    return {
      team,
      round,
      // The joint responses this person writes for this round, on behalf of their gemeente.
      responses: responses?.items.filter((r) => r.round.id === round.id) ?? [],
      drafts: Object.fromEntries(
        mine.map((t) => [t.id, { draftId: t.draftId, submitted: t.submittedCount }]),
      ),
      notice: event.url.searchParams.has('aangemaakt')
        ? m.round_created()
        : event.url.searchParams.has('opgeslagen')
          ? m.round_saved()
          : undefined,
    };
  } catch (cause) {
    pageError(cause);
  }
};

const questionFields = ['themeId', 'kind', 'prompt', 'help', 'options', 'required'] as const;

/** The question as the contract wants it; one choice per line; errors on "options.2" shown at "options". */
async function readQuestion(request: Request) {
  const formData = await request.formData();
  const values = readValues(formData, [...questionFields, 'questionId']);
  const input = check(QuestionInput, {
    ...values,
    options: linesOf(values.options ?? ''),
    required: values.required === 'ja',
  });
  const errors = input.errors
    ? Object.fromEntries(Object.entries(input.errors).map(([key, message]) => [key.split('.')[0], message]))
    : undefined;
  return { values, input, errors };
}

export const actions: Actions = {
  transition: async (event) => {
    const values = readValues(await event.request.formData(), ['to', 'reason']);
    const input = check(RoundTransition, { to: values.to, reason: values.reason || undefined });
    if (input.errors) return failure(400, { form: 'transition', values, errors: input.errors });
    try {
      const round = await api(event).rounds.transition(event.params.id, input.data);
      return { form: 'transition', done: m.round_transitioned({ state: roundStateLabels[round.state]() }) };
    } catch (cause) {
      return apiFailure(event, 'transition', values, cause);
    }
  },

  addQuestion: async (event) => {
    const { values, input, errors } = await readQuestion(event.request);
    const form = `question-new-${values.themeId}`;
    if (errors || !input.data) return failure(400, { form, values, errors: errors ?? {} });
    try {
      await api(event).rounds.addQuestion(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return { form, done: m.question_added() };
  },

  updateQuestion: async (event) => {
    const { values, input, errors } = await readQuestion(event.request);
    const form = `question-${values.questionId}`;
    if (errors || !input.data) return failure(400, { form, values, errors: errors ?? {} });
    try {
      await api(event).rounds.updateQuestion(event.params.id, values.questionId ?? '', input.data);
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return { form: 'questions', done: m.question_saved() };
  },

  deleteQuestion: async (event) => {
    const values = readValues(await event.request.formData(), ['questionId']);
    try {
      await api(event).rounds.deleteQuestion(event.params.id, values.questionId ?? '');
    } catch (cause) {
      return apiFailure(event, 'questions', values, cause);
    }
    return { form: 'questions', done: m.question_deleted() };
  },
};

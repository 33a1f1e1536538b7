import { AdviceResponsesInput, AdviceTaken, type AdviceDetail } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { ApiError } from '#lib/server/api.ts';
import { adviceApi } from '#lib/server/advice.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// One council's advice: its points, per point what the team did and why, the attachment, and for the
// programme team the form to answer the points.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    return {
      advice: await adviceApi(event).get(event.params.id),
      justSubmitted: event.url.searchParams.has('uitgebracht'),
      justAnswered: event.url.searchParams.has('beantwoord'),
    };
  } catch (cause) {
    pageError(cause);
  }
};

/** Field names per point, so every point's fields have ids of their own. */
const fieldOf = (field: string, pointId: string) => `${field}-${pointId}`;

/**
 * The contract's keys (`responses.1.why`) as this form's fields (`why-<point>`), and the message of
 * the whole list (`responses`) at the first point's choice.
 */
function pointErrors(errors: Record<string, string>, sent: string[], first: string) {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = /^responses\.(\d+)\.(\w+)$/.exec(key);
    const pointId = match ? sent[Number(match[1])] : undefined;
    if (match && pointId) out[fieldOf(match[2] === 'pointId' ? 'taken' : match[2]!, pointId)] = message;
    else out[fieldOf('taken', first)] = message;
  }
  return out;
}

export const actions: Actions = {
  // Every point with something filled in is sent; a point left empty stays unanswered.
  respond: async (event) => {
    requireMe(event.locals, event.url);
    const client = adviceApi(event);
    let advice: AdviceDetail;
    try {
      advice = await client.get(event.params.id);
    } catch (cause) {
      pageError(cause);
    }
    const formData = await event.request.formData();
    const values: Record<string, string> = {};
    const responses: Array<{ pointId: string; taken?: AdviceTaken; what: string; why: string }> = [];
    for (const point of advice.points) {
      const read = (field: string) => {
        const value = formData.get(fieldOf(field, point.id));
        values[fieldOf(field, point.id)] = typeof value === 'string' ? value : '';
        return values[fieldOf(field, point.id)]!;
      };
      const taken = AdviceTaken.safeParse(read('taken'));
      const what = read('what').trim();
      const why = read('why').trim();
      if (!taken.success && !what && !why) continue;
      responses.push({ pointId: point.id, ...(taken.success ? { taken: taken.data } : {}), what, why });
    }
    const first = advice.points[0]?.id ?? '';
    const sent = responses.map((r) => r.pointId);
    if (responses.length === 0) {
      return failure(400, {
        form: 'respond',
        values,
        errors: { [fieldOf('taken', first)]: m.advice_respond_none() },
      });
    }
    const input = check(AdviceResponsesInput, { responses });
    if (input.errors) {
      return failure(400, { form: 'respond', values, errors: pointErrors(input.errors, sent, first) });
    }
    try {
      await client.respond(advice.id, input.data);
    } catch (cause) {
      if (cause instanceof ApiError && cause.fields) {
        return failure(cause.status >= 500 ? 503 : cause.status, {
          form: 'respond',
          values,
          errors: pointErrors(cause.fields, sent, first),
          message: cause.message,
        });
      }
      return apiFailure(event, 'respond', values, cause);
    }
    redirect(303, `/advies/${encodeURIComponent(advice.id)}?beantwoord`);
  },
};

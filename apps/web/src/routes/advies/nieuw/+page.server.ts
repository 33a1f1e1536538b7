import { AdviceSubmit, ADVICE_ATTACHMENT_MAX_BYTES, ADVICE_POINTS_MAX } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { adviceApi } from '#lib/server/advice.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// A council member gives their council's formal advice: the milestone it is for, numbered points and
// optionally a PDF or DOCX. Only the councils the API names in `mayAdviseFor` get the form.
async function planReference(event: Parameters<PageServerLoad>[0]) {
  const chosen = event.url.searchParams.get('plan');
  if (chosen) return chosen;
  return (await api(event).plans.list({ pageSize: 1 })).items[0]?.slug;
}

export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    const reference = await planReference(event);
    if (!reference) forbidden();
    const client = adviceApi(event);
    const [plan, advice] = await Promise.all([client.plan(reference), client.list(reference)]);
    if (advice.mayAdviseFor.length === 0) forbidden();
    return {
      plan: { id: plan.id, slug: plan.slug, title: plan.title },
      councils: advice.mayAdviseFor,
      // Advice is given before a meeting, so only the milestones still to come.
      milestones: plan.milestones
        .filter((milestone) => milestone.status !== 'past')
        .map((milestone) => ({ id: milestone.id, title: milestone.title, date: milestone.date })),
    };
  } catch (cause) {
    pageError(cause);
  }
};

/** The contract's `points.2.text` is the third filled-in row: the rows come back compacted. */
function rowErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => {
      const match = /^points\.(\d+)(\.text)?$/.exec(key);
      return [match ? `point-${Number(match[1]) + 1}` : key === 'points' ? 'point-1' : key, message];
    }),
  );
}

export const actions: Actions = {
  submit: async (event) => {
    requireMe(event.locals, event.url);
    let formData: FormData;
    try {
      formData = await event.request.formData();
    } catch (cause) {
      // Over the web server's body limit the form cannot even be read: only the file can be that big.
      if ((cause as { status?: unknown }).status !== 413) throw cause;
      const message = m.advice_too_large({ size: ADVICE_ATTACHMENT_MAX_BYTES / (1024 * 1024) });
      return failure(413, { form: 'submit', message, errors: { attachment: message } });
    }
    const values = readValues(formData, ['plan', 'milestoneId', 'summary', 'organisationId']);
    const points = formData
      .getAll('points')
      .filter((p): p is string => typeof p === 'string')
      .map((p) => p.trim())
      .filter(Boolean);
    const lists = { points };
    const chosen = formData.get('attachment');
    // A form without a chosen file still sends an empty file.
    const file = chosen instanceof File && (chosen.size > 0 || chosen.name) ? chosen : undefined;
    const input = check(AdviceSubmit, {
      milestoneId: values.milestoneId,
      summary: values.summary,
      points: points.slice(0, ADVICE_POINTS_MAX + 1).map((text) => ({ text })),
    });
    if (input.errors) return failure(400, { form: 'submit', values, lists, errors: rowErrors(input.errors) });
    let adviceId: string;
    try {
      const organisationId = values.organisationId || undefined;
      adviceId = (
        await adviceApi(event).submit(
          values.plan ?? '',
          { ...input.data, ...(organisationId ? { organisationId } : {}) },
          file,
        )
      ).id;
    } catch (cause) {
      const answer = apiFailure(event, 'submit', values, cause, lists);
      answer.data.errors = rowErrors(answer.data.errors);
      return answer;
    }
    redirect(303, `/advies/${encodeURIComponent(adviceId)}?uitgebracht`);
  },
};

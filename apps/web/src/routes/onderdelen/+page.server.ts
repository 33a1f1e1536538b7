import { SectionCreate } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { isProgrammeTeam } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { sectionsApi } from '#lib/server/sections.ts';
import type { Actions, PageServerLoad } from './$types';

// The plan's outline: per goal its four parts, each with its state, last change and open comments.
// Without ?plan= the first plan (there is one strategic plan at a time).
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  try {
    const plans = await api(event).plans.list({ pageSize: 100 });
    const reference = event.url.searchParams.get('plan') || plans.items[0]?.slug;
    if (!reference) return { plans: plans.items, plan: undefined, sections: undefined, team: false };
    const sections = sectionsApi(event);
    const [plan, outline] = await Promise.all([sections.plan(reference), sections.forPlan(reference)]);
    return {
      plans: plans.items,
      plan: { id: plan.id, slug: plan.slug, title: plan.title },
      sections: outline,
      team: isProgrammeTeam(me.roles),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  // Writes a missing part as an empty concept and opens the editor on it.
  create: async (event) => {
    const me = requireMe(event.locals, event.url);
    if (!isProgrammeTeam(me.roles)) forbidden();
    const values = readValues(await event.request.formData(), ['plan', 'goalId', 'slot']);
    const input = check(SectionCreate, { goalId: values.goalId, slot: values.slot, blocks: [] });
    if (input.errors) return failure(400, { form: 'create', values, errors: input.errors });
    let sectionId: string;
    try {
      sectionId = (await sectionsApi(event).create(values.plan ?? '', input.data)).id;
    } catch (cause) {
      return apiFailure(event, 'create', values, cause);
    }
    redirect(303, `/onderdelen/${sectionId}/bewerken`);
  },
};

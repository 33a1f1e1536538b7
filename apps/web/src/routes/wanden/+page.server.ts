import { WallCreate } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { isProgrammeTeam } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { pageNumber } from '#lib/server/lists.ts';
import { wallApi } from '#lib/server/wall.ts';
import type { Actions, PageServerLoad } from './$types';

// The walls of the plans, where the programme team sorts the input: their progress, and the form to
// open one for a whole plan or for one theme.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  const page = pageNumber(event.url);
  try {
    const client = api(event);
    const [walls, plans] = await Promise.all([
      wallApi(event).list({ page, pageSize: 20 }),
      client.plans.list({ pageSize: 100 }),
    ]);
    // Hecht works with one plan at a time; its themes are the choices for a theme wall.
    const details = await Promise.all(plans.items.slice(0, 10).map((p) => client.plans.get(p.slug)));
    return {
      walls,
      plans: details.map((p) => ({
        id: p.id,
        title: p.title,
        themes: p.goals.flatMap((g) => g.themes.map((t) => ({ value: t.id, label: t.title }))),
      })),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  create: async (event) => {
    const values = readValues(await event.request.formData(), ['planId', 'themeId', 'title']);
    const input = check(WallCreate, {
      planId: values.planId,
      themeId: values.themeId || null,
      title: values.title || undefined,
    });
    if (input.errors) return failure(400, { form: 'create', values, errors: input.errors });
    let wallId: string;
    try {
      wallId = (await wallApi(event).create(input.data)).id;
    } catch (cause) {
      return apiFailure(event, 'create', values, cause);
    }
    redirect(303, `/wanden/${wallId}`);
  },
};

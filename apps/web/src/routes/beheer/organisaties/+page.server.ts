import { OrganisationInput, OrganisationType } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { filter, filterOf, pageNumber } from '#lib/server/lists.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const filters = { type: filterOf(event.url, 'type', OrganisationType), q: filter(event.url, 'q') };
  try {
    return {
      filters,
      organisations: await api(event).organisations.list({ page, pageSize: 25, ...filters }),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  create: async (event) => {
    const values = readValues(await event.request.formData(), ['name', 'type']);
    const input = check(OrganisationInput, values);
    if (input.errors) return failure(400, { form: 'create', values, errors: input.errors });
    try {
      const organisation = await api(event).organisations.create(input.data);
      return { form: 'create', done: m.beheer_organisation_created({ name: organisation.name }) };
    } catch (cause) {
      return apiFailure(event, 'create', values, cause);
    }
  },
};

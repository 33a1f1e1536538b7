import { OrganisationInput } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { pageNumber } from '#lib/server/lists.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const organisationId = event.params.id;
  try {
    const client = api(event);
    const [organisation, members] = await Promise.all([
      client.organisations.get(organisationId),
      client.people.list({ organisationId, page, pageSize: 25 }),
    ]);
    return { organisation, members };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  update: async (event) => {
    const values = readValues(await event.request.formData(), ['name', 'type']);
    const input = check(OrganisationInput, values);
    if (input.errors) return failure(400, { form: 'update', values, errors: input.errors });
    try {
      await api(event).organisations.update(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, 'update', values, cause);
    }
    return { form: 'update', done: m.beheer_organisation_saved() };
  },
};

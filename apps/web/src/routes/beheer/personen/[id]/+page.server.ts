import { MembershipInput } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { organisationOptions } from '#lib/server/organisations.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { mayManage } = await event.parent();
  try {
    const client = api(event);
    const [person, organisations] = await Promise.all([
      client.people.get(event.params.id),
      mayManage ? organisationOptions(client) : [],
    ]);
    return { person, organisations };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  add: async (event) => {
    const values = readValues(await event.request.formData(), ['organisationId', 'role']);
    const input = check(MembershipInput, values);
    if (input.errors) return failure(400, { form: 'add', values, errors: input.errors });
    try {
      await api(event).people.addMembership(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, 'add', values, cause);
    }
    return { form: 'add', done: m.beheer_membership_added() };
  },

  remove: async (event) => {
    const values = readValues(await event.request.formData(), ['membershipId']);
    try {
      await api(event).people.removeMembership(event.params.id, values.membershipId ?? '');
    } catch (cause) {
      return apiFailure(event, 'remove', values, cause);
    }
    return { form: 'remove', done: m.beheer_membership_removed() };
  },
};

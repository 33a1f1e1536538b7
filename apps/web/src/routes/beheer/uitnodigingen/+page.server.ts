import { InvitationCsv, InvitationInput, InvitationState } from '@inbreng/shared';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { filter, filterOf, pageNumber } from '#lib/server/lists.ts';
import { organisationOptions } from '#lib/server/organisations.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const filters = { state: filterOf(event.url, 'state', InvitationState), q: filter(event.url, 'q') };
  try {
    const client = api(event);
    const [invitations, organisations] = await Promise.all([
      client.invitations.list({ page, pageSize: 25, ...filters }),
      organisationOptions(client),
    ]);
    return { filters, invitations, organisations };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  invite: async (event) => {
    const values = readValues(await event.request.formData(), ['email', 'name', 'organisationId', 'role']);
    const input = check(InvitationInput, { ...values, name: values.name || undefined });
    if (input.errors) return failure(400, { form: 'invite', values, errors: input.errors });
    try {
      await api(event).invitations.create(input.data);
    } catch (cause) {
      return apiFailure(event, 'invite', values, cause);
    }
    return { form: 'invite', done: m.beheer_invitation_sent({ email: input.data.email }) };
  },

  // The file is read here, on the server, and sent to the API as text.
  csv: async (event) => {
    const file = (await event.request.formData()).get('csv');
    const text = file instanceof File ? (await file.text()).replace(/^\uFEFF/, '') : '';
    const input = check(InvitationCsv, { csv: text });
    if (input.errors) return failure(400, { form: 'csv', errors: input.errors });
    try {
      const report = await api(event).invitations.uploadCsv(input.data.csv);
      return {
        form: 'csv',
        done: m.beheer_invitation_csv_done({ accepted: report.accepted, rejected: report.rejected }),
        report,
      };
    } catch (cause) {
      return apiFailure(event, 'csv', {}, cause);
    }
  },

  resend: async (event) => {
    const values = readValues(await event.request.formData(), ['invitationId', 'email']);
    try {
      await api(event).invitations.resend(values.invitationId ?? '');
    } catch (cause) {
      return apiFailure(event, 'row', values, cause);
    }
    return { form: 'row', done: m.beheer_invitation_resent({ email: values.email ?? '' }) };
  },

  revoke: async (event) => {
    const values = readValues(await event.request.formData(), ['invitationId', 'email']);
    try {
      await api(event).invitations.revoke(values.invitationId ?? '');
    } catch (cause) {
      return apiFailure(event, 'row', values, cause);
    }
    return { form: 'row', done: m.beheer_invitation_revoked({ email: values.email ?? '' }) };
  },
};

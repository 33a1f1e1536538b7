import { MeetingInput, OrganisationType, organisationTypeLabels } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { isProgrammeTeam } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { newClientKey } from '#lib/server/contributions.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// The programme team writes down input heard in a meeting, on behalf of the group that said it, so it
// joins the written input. Round and theme are one choice ("round/theme"), which needs no script.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  try {
    const client = api(event);
    const [rounds, organisations] = await Promise.all([
      client.rounds.list({ pageSize: 100 }),
      client.organisations.list({ pageSize: 100 }),
    ]);
    return {
      clientKey: newClientKey(),
      recorded: event.url.searchParams.has('vastgelegd'),
      themes: rounds.items
        .filter((r) => r.state !== 'draft')
        .map((r) => ({
          label: r.title,
          options: r.themes.map((t) => ({ value: `${r.id}/${t.id}`, label: t.title })),
        })),
      organisations: OrganisationType.options
        .map((type) => ({
          label: organisationTypeLabels[type],
          options: organisations.items
            .filter((o) => o.type === type)
            .map((o) => ({ value: o.id, label: o.name })),
        }))
        .filter((g) => g.options.length > 0),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const values = readValues(await event.request.formData(), [
      'clientKey',
      'theme',
      'organisationId',
      'meetingDate',
      'meetingSource',
      'text',
    ]);
    const [roundId = '', themeId = ''] = values.theme?.split('/') ?? [];
    const input = check(MeetingInput, { ...values, roundId, themeId });
    if (input.errors) {
      const { roundId: roundError, themeId: themeError, ...errors } = input.errors;
      const theme = roundError ?? themeError;
      return failure(400, { form: 'meeting', values, errors: theme ? { theme, ...errors } : errors });
    }
    try {
      await api(event).contributions.recordMeeting(input.data);
    } catch (cause) {
      return apiFailure(event, 'meeting', values, cause);
    }
    redirect(303, '/inbreng/vastleggen?vastgelegd=1');
  },
};

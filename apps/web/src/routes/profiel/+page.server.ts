import { NotifyPreference, ProfileInput } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import { rememberLocale } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  try {
    const client = api(event);
    const [sessions, notify] = await Promise.all([client.me.sessions(), client.me.notifications()]);
    return {
      me,
      sessions: sessions.items,
      notify,
      saved: event.url.searchParams.has('opgeslagen'),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  profile: async (event) => {
    const values = readValues(await event.request.formData(), ['name', 'locale']);
    const input = check(ProfileInput, values);
    if (input.errors) return failure(400, { form: 'profile', values, errors: input.errors });
    try {
      const me = await api(event).me.update(input.data);
      rememberLocale(event, me.locale);
    } catch (cause) {
      return apiFailure(event, 'profile', values, cause);
    }
    // A new request, so the page (and its header) speaks the language just chosen.
    redirect(303, '/profiel?opgeslagen=1');
  },

  notify: async (event) => {
    const values = readValues(await event.request.formData(), ['notify']);
    const input = check(NotifyPreference, values.notify);
    if (input.errors)
      return failure(400, { form: 'notify', values, errors: { notify: input.errors._ ?? '' } });
    try {
      const saved = await api(event).me.setNotifications(input.data);
      return { form: 'notify', values: { notify: saved.notify }, done: m.profile_notify_saved() };
    } catch (cause) {
      return apiFailure(event, 'notify', values, cause);
    }
  },

  endSession: async (event) => {
    const values = readValues(await event.request.formData(), ['sessionId']);
    try {
      await api(event).me.endSession(values.sessionId ?? '');
    } catch (cause) {
      return apiFailure(event, 'sessions', values, cause);
    }
    return { form: 'sessions', done: m.profile_session_ended() };
  },

  signOutEverywhere: async (event) => {
    try {
      await api(event).auth.signOutEverywhere();
    } catch (cause) {
      return apiFailure(event, 'everywhere', {}, cause);
    }
    redirect(303, '/inloggen?uitgelogd=1');
  },
};

import { redirect } from '@sveltejs/kit';
import { api, ApiError, SESSION_COOKIE } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

// Signed-out people have nothing to sign out of.
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.me) redirect(303, '/inloggen');
};

export const actions: Actions = {
  default: async (event) => {
    try {
      await api(event).auth.signOut();
    } catch (cause) {
      // Already signed out (session ended elsewhere): the outcome the person wanted anyway.
      if (!(cause instanceof ApiError && cause.status === 401)) throw cause;
    }
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/inloggen?uitgelogd=1');
  },
};

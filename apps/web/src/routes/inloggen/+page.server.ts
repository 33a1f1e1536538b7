import { DemoAccount, SignInRequest } from '@inbreng/shared';
import { redirect } from '@sveltejs/kit';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { safeReturnPath } from '#lib/server/guard.ts';
import { NOTICE_COOKIE, signedIn } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (event.locals.me) redirect(303, safeReturnPath(event.url.searchParams.get('terug')) ?? '/');
  try {
    const client = api(event);
    const methods = await client.auth.methods();
    return {
      methods,
      demoAccounts: methods.demo ? (await client.auth.demoAccounts()).items : [],
      terug: safeReturnPath(event.url.searchParams.get('terug')) ?? '',
      oidcFailed: event.url.searchParams.get('fout') === 'oidc',
      signedOut: event.url.searchParams.has('uitgelogd'),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  // The e-mail address → a mail with a code and a link; then the page where the code goes.
  email: async (event) => {
    const values = readValues(await event.request.formData(), ['email', 'terug']);
    const input = check(SignInRequest, { email: values.email });
    if (input.errors) return failure(400, { form: 'email', values, errors: input.errors });
    let message: string;
    try {
      ({ message } = await api(event).auth.requestSignIn(input.data.email));
    } catch (cause) {
      return apiFailure(event, 'email', values, cause);
    }
    event.cookies.set(NOTICE_COOKIE, message, {
      path: '/inloggen/code',
      maxAge: 600,
      httpOnly: true,
      secure: event.url.protocol === 'https:',
    });
    const query = new URLSearchParams({ adres: input.data.email });
    const terug = safeReturnPath(values.terug);
    if (terug) query.set('terug', terug);
    redirect(303, `/inloggen/code?${query}`);
  },

  demo: async (event) => {
    const values = readValues(await event.request.formData(), ['account', 'terug']);
    const account = DemoAccount.safeParse(values.account);
    if (!account.success)
      return failure(400, { form: 'demo', values, message: account.error.issues[0]?.message });
    try {
      const { me } = await api(event).auth.signInAsDemo(account.data);
      signedIn(event, me.locale, values.terug ?? null);
    } catch (cause) {
      // apiFailure passes the redirect of signedIn on untouched.
      return apiFailure(event, 'demo', values, cause);
    }
  },
};

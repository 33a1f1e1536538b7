// Typed client of the Inbreng API for server-side loads and actions. The web app knows the API only
// through its HTTP contract: the shapes come from @inbreng/shared and every reply is checked against
// them. The browser's session cookie goes along with each call, and cookies the API sets or clears
// (sign-in, sign-out) are passed on to the browser.
import {
  AuditEvent,
  Contribution,
  GemeenteResponse,
  MyResponses,
  ResponsePresence,
  OpenForMe,
  Question,
  ReminderResult,
  ResponseAnswer,
  RoundDetail,
  RoundSummary,
  SavedDraft,
  ThemeForm,
  Tracker,
  NotifyPreference,
  type ContributionEdit,
  type ContributionQuery,
  type ContributionSave,
  type MeetingInput,
  type QuestionInput,
  type ResponseAnswerSave,
  type RoundInput,
  type RoundQuery,
  type RoundTransition,
  DemoAccountList,
  ErrorBody,
  Invitation,
  InvitationCsvReport,
  InvitationPreview,
  MailDetail,
  MailSummary,
  Me,
  MyData,
  Organisation,
  Page,
  PersonSummary,
  PlanDetail,
  PlanSummary,
  PrivacyRequest,
  SessionList,
  SignedIn,
  SignInMethods,
  SignInRequested,
  type AuditQuery,
  type DemoAccount,
  type InvitationInput,
  type InvitationQuery,
  type MailQuery,
  type MembershipInput,
  type OrganisationInput,
  type OrganisationQuery,
  type PageQuery,
  type PersonQuery,
  type PrivacyDecision,
  type ProfileInput,
} from '@inbreng/shared';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';

export const SESSION_COOKIE = 'inbreng_session';

// The profile's notification choice is not in the contract's Me yet: read where it will be, so the
// profile shows it once the API sends it.
const MeNotify = z.object({ notify: NotifyPreference.optional() });

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  readonly requestId: string | undefined;
  /** The reply as the API sent it, for errors that carry more than the common shape (a 409 with both texts). */
  readonly body: unknown;

  constructor(status: number, error: ErrorBody['error'], body?: unknown) {
    super(error.message);
    this.status = status;
    this.code = error.code;
    this.fields = error.fields;
    this.requestId = error.requestId;
    this.body = body;
  }
}

// Read per call, not at import: in production the server sets it once it knows its own port.
function apiBase(): string {
  return process.env.INBRENG_API_URL ?? 'http://127.0.0.1:3000';
}

type Query = Record<string, string | number | undefined | null>;

/** `path?query`, leaving out empty values so the API applies its defaults. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

type CookieOptions = NonNullable<Parameters<Cookies['set']>[2]>;
type ParsedCookie = { name: string; value: string; options: CookieOptions; expired: boolean };

/** One Set-Cookie header → what `event.cookies.set` needs. Only the attributes the API uses. */
export function parseSetCookie(header: string, now = Date.now()): ParsedCookie | undefined {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const options: CookieOptions = { path: '/', httpOnly: false, secure: false, encode: (v) => v };
  const cookie: ParsedCookie = {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    options,
    expired: false,
  };
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=');
    switch (key.toLowerCase()) {
      case 'path':
        options.path = value || '/';
        break;
      case 'expires': {
        const expires = new Date(value);
        if (!Number.isNaN(expires.getTime())) {
          options.expires = expires;
          if (expires.getTime() <= now) cookie.expired = true;
        }
        break;
      }
      case 'max-age': {
        const maxAge = Number(value);
        if (Number.isFinite(maxAge)) {
          options.maxAge = maxAge;
          if (maxAge <= 0) cookie.expired = true;
        }
        break;
      }
      case 'httponly':
        options.httpOnly = true;
        break;
      case 'secure':
        options.secure = true;
        break;
      case 'samesite': {
        const sameSite = value.toLowerCase();
        if (sameSite === 'lax' || sameSite === 'strict' || sameSite === 'none') options.sameSite = sameSite;
        break;
      }
    }
  }
  return cookie;
}

/** The part of a SvelteKit request the client needs: the cookies (read and written) and a few headers. */
export type ApiEvent = Pick<RequestEvent, 'cookies' | 'request'>;

// The user agent names the device in the session list. The forwarded-for/-proto headers of a reverse
// proxy go along so that, where the API trusts its proxy, rate limits count per visitor, not per server.
const forwardedHeaders = [
  'accept-language',
  'user-agent',
  'x-request-id',
  'x-forwarded-for',
  'x-forwarded-proto',
];

/** How every client of the API sends: one request, its checks and its cookies. */
export function transport(event: ApiEvent) {
  // Plain fetch, not event.fetch: the API is another server to SvelteKit, even when it answers on the
  // same origin, so SvelteKit must neither route the call through its own handler nor add an Origin.
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    for (const name of forwardedHeaders) {
      const value = event.request.headers.get(name);
      if (value) headers.set(name, value);
    }
    // cookies.get sees what this same request already set or deleted (after a sign-in, say).
    const session = event.cookies.get(SESSION_COOKIE);
    if (session) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
    // A FormData body (a form with a file) goes as multipart: fetch writes its content type and boundary.
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers.set('content-type', 'application/json');

    let response: Response;
    try {
      response = await fetch(`${apiBase()}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: multipart ? body : JSON.stringify(body) } : {}),
        redirect: 'manual',
      });
    } catch {
      throw new ApiError(503, { code: 'DATABASE_UNAVAILABLE', message: 'De API is niet bereikbaar.' });
    }
    relayCookies(response);
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      const parsed = ErrorBody.safeParse(body);
      throw new ApiError(
        response.status,
        parsed.success
          ? parsed.data.error
          : { code: 'INTERNAL', message: `API antwoordde ${response.status}` },
        body,
      );
    }
    return response;
  }

  function relayCookies(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (!cookie) continue;
      if (cookie.expired || cookie.value === '') {
        event.cookies.delete(cookie.name, cookie.options);
      } else {
        event.cookies.set(cookie.name, cookie.value, cookie.options);
      }
    }
  }

  async function call<T extends z.ZodType>(
    method: string,
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<z.infer<T>> {
    const response = await send(method, path, body);
    return schema.parse(await response.json());
  }

  const get = <T extends z.ZodType>(path: string, schema: T, query?: Query) =>
    call('GET', withQuery(path, query), schema);
  /** For writes whose answer the page does not show. */
  const write = async (method: string, path: string, body?: unknown) => {
    await send(method, path, body);
  };

  return { send, call, get, write };
}

export function api(event: ApiEvent) {
  const { send, call, get, write } = transport(event);
  const id = (value: string) => encodeURIComponent(value);

  return {
    /** The raw answer, for endpoints that pass a download on to the browser. */
    download: (path: string, query?: Query) => send('GET', withQuery(path, query)),

    plans: {
      list: (query: Partial<PageQuery> = {}) => get('/api/plans', Page(PlanSummary), query),
      get: (reference: string) => get(`/api/plans/${id(reference)}`, PlanDetail),
    },

    auth: {
      methods: () => get('/api/auth/methods', SignInMethods),
      requestSignIn: (email: string) => call('POST', '/api/auth/sign-in', SignInRequested, { email }),
      signInWithCode: (email: string, code: string) =>
        call('POST', '/api/auth/code', SignedIn, { email, code }),
      signInWithLink: (token: string) => call('POST', '/api/auth/link', SignedIn, { token }),
      demoAccounts: () => get('/api/auth/demo', DemoAccountList),
      signInAsDemo: (account: DemoAccount) => call('POST', '/api/auth/demo', SignedIn, { account }),
      signOut: () => write('POST', '/api/auth/sign-out', {}),
      signOutEverywhere: () => write('POST', '/api/auth/sign-out-everywhere', {}),
    },

    me: {
      get: () => get('/api/me', Me),
      update: (input: ProfileInput) => call('PATCH', '/api/me', Me, input),
      sessions: () => get('/api/me/sessions', SessionList),
      endSession: (sessionId: string) => write('DELETE', `/api/me/sessions/${id(sessionId)}`),
      data: () => get('/api/me/data', MyData),
      requestErasure: (reason: string | undefined) =>
        call('POST', '/api/me/erasure-request', PrivacyRequest, reason ? { reason } : {}),
      open: () => get('/api/me/open', OpenForMe),
      /** The notification choice, once the API reports it with the person (it does not yet: undefined). */
      notifications: async () => (await get('/api/me', MeNotify)).notify,
      setNotifications: (notify: NotifyPreference) =>
        call('PATCH', '/api/me/notifications', z.object({ notify: NotifyPreference }), { notify }),
      contributions: (query: Partial<PageQuery>) => get('/api/me/contributions', Page(Contribution), query),
      responses: () => get('/api/me/responses', MyResponses),
    },

    rounds: {
      list: (query: Partial<RoundQuery>) => get('/api/rounds', Page(RoundSummary), query),
      get: (roundId: string) => get(`/api/rounds/${id(roundId)}`, RoundDetail),
      create: (input: RoundInput) => call('POST', '/api/rounds', RoundDetail, input),
      update: (roundId: string, input: RoundInput) =>
        call('PATCH', `/api/rounds/${id(roundId)}`, RoundDetail, input),
      transition: (roundId: string, change: RoundTransition) =>
        call('POST', `/api/rounds/${id(roundId)}/transition`, RoundDetail, change),
      addQuestion: (roundId: string, input: QuestionInput) =>
        call('POST', `/api/rounds/${id(roundId)}/questions`, Question, input),
      updateQuestion: (roundId: string, questionId: string, input: QuestionInput) =>
        call('PATCH', `/api/rounds/${id(roundId)}/questions/${id(questionId)}`, Question, input),
      deleteQuestion: (roundId: string, questionId: string) =>
        write('DELETE', `/api/rounds/${id(roundId)}/questions/${id(questionId)}`),
      form: (roundId: string, themeId: string) =>
        get(`/api/rounds/${id(roundId)}/themes/${id(themeId)}/form`, ThemeForm),
      tracker: (roundId: string) => get(`/api/rounds/${id(roundId)}/tracker`, Tracker),
      remind: (roundId: string, organisationId?: string) =>
        call(
          'POST',
          `/api/rounds/${id(roundId)}/reminders`,
          ReminderResult,
          organisationId ? { organisationId } : {},
        ),
    },

    contributions: {
      list: (query: Partial<ContributionQuery>) => get('/api/contributions', Page(Contribution), query),
      get: (contributionId: string) => get(`/api/contributions/${id(contributionId)}`, Contribution),
      saveDraft: (input: ContributionSave) => call('PUT', '/api/contributions/draft', SavedDraft, input),
      submit: (input: ContributionSave) => call('POST', '/api/contributions', Contribution, input),
      update: (contributionId: string, input: ContributionEdit) =>
        call('PATCH', `/api/contributions/${id(contributionId)}`, Contribution, input),
      recordMeeting: (input: MeetingInput) => call('POST', '/api/meeting-input', Contribution, input),
    },

    responses: {
      get: (roundId: string, organisationId: string) =>
        get(`/api/rounds/${id(roundId)}/responses/${id(organisationId)}`, GemeenteResponse),
      saveAnswer: (roundId: string, organisationId: string, questionId: string, input: ResponseAnswerSave) =>
        call(
          'PUT',
          `/api/rounds/${id(roundId)}/responses/${id(organisationId)}/answers/${id(questionId)}`,
          ResponseAnswer,
          input,
        ),
      presence: (roundId: string, organisationId: string) =>
        call(
          'POST',
          `/api/rounds/${id(roundId)}/responses/${id(organisationId)}/presence`,
          ResponsePresence,
          {},
        ),
      submit: (roundId: string, organisationId: string) =>
        write('POST', `/api/rounds/${id(roundId)}/responses/${id(organisationId)}/submit`, {}),
      reopen: (roundId: string, organisationId: string, reason: string) =>
        write('POST', `/api/rounds/${id(roundId)}/responses/${id(organisationId)}/reopen`, { reason }),
    },

    invitations: {
      preview: (token: string) => get('/api/invitations/preview', InvitationPreview, { token }),
      accept: (token: string, name: string) =>
        call('POST', '/api/invitations/accept', SignedIn, { token, name }),
      list: (query: Partial<InvitationQuery>) => get('/api/invitations', Page(Invitation), query),
      create: (input: InvitationInput) => write('POST', '/api/invitations', input),
      uploadCsv: (csv: string) => call('POST', '/api/invitations/csv', InvitationCsvReport, { csv }),
      resend: (invitationId: string) => write('POST', `/api/invitations/${id(invitationId)}/resend`, {}),
      revoke: (invitationId: string) => write('POST', `/api/invitations/${id(invitationId)}/revoke`, {}),
    },

    organisations: {
      list: (query: Partial<OrganisationQuery>) => get('/api/organisations', Page(Organisation), query),
      get: (organisationId: string) => get(`/api/organisations/${id(organisationId)}`, Organisation),
      create: (input: OrganisationInput) => call('POST', '/api/organisations', Organisation, input),
      update: (organisationId: string, input: OrganisationInput) =>
        call('PATCH', `/api/organisations/${id(organisationId)}`, Organisation, input),
    },

    people: {
      list: (query: Partial<PersonQuery>) => get('/api/people', Page(PersonSummary), query),
      get: (personId: string) => get(`/api/people/${id(personId)}`, PersonSummary),
      addMembership: (personId: string, input: MembershipInput) =>
        write('POST', `/api/people/${id(personId)}/memberships`, input),
      removeMembership: (personId: string, membershipId: string) =>
        write('DELETE', `/api/people/${id(personId)}/memberships/${id(membershipId)}`),
    },

    admin: {
      audit: (query: Partial<AuditQuery>) => get('/api/admin/audit', Page(AuditEvent), query),
      mail: (query: Partial<MailQuery>) => get('/api/admin/mail', Page(MailSummary), query),
      mailDetail: (mailId: string) => get(`/api/admin/mail/${id(mailId)}`, MailDetail),
      privacyRequests: (query: { page?: number; pageSize?: number; state?: string }) =>
        get('/api/admin/privacy-requests', Page(PrivacyRequest), query),
      decide: (requestId: string, decision: PrivacyDecision) =>
        write('POST', `/api/admin/privacy-requests/${id(requestId)}`, decision),
    },

    demo: {
      mail: (query: Partial<MailQuery>) => get('/api/demo/mail', Page(MailSummary), query),
      mailDetail: (mailId: string) => get(`/api/demo/mail/${id(mailId)}`, MailDetail),
    },
  };
}

export type Api = ReturnType<typeof api>;

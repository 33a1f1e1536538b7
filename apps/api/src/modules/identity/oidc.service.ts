// OpenID Connect sign-in for Hecht staff: the authorization request, the callback, and who that is here.
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../audit/audit.ts';
import type { Context, IdentityService } from './identity.service.ts';
import * as q from './oidc.queries.ts';

export const OIDC_COOKIE = 'inbreng_oidc';
export const OIDC_PATH = '/api/auth/oidc';
const SCOPE = 'openid email profile';

/** What the browser keeps between start and callback, in the short-lived OIDC cookie. */
const Pending = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  returnTo: z.string(),
});
type Pending = z.infer<typeof Pending>;

export type FailureReason =
  | 'no_pending_sign_in'
  | 'state_mismatch'
  | 'provider_error'
  | 'exchange_failed'
  | 'email_missing'
  | 'email_unverified'
  | 'account_conflict'
  | 'organisation_missing';

export type CallbackResult =
  | { ok: true; token: string; expiresAt: Date; returnTo: string }
  | { ok: false; reason: FailureReason; cause?: unknown };

type Profile = { subject: string; email: string; name: string | null };

// Thrown inside the callback (also inside its transaction, which it rolls back) and caught at its end.
class SignInRefused extends Error {
  readonly reason: FailureReason;
  readonly details: Record<string, unknown>;
  readonly actorId: string | null;

  constructor(
    reason: FailureReason,
    options: { details?: Record<string, unknown>; actorId?: string; cause?: unknown } = {},
  ) {
    super(reason, { cause: options.cause });
    this.reason = reason;
    this.details = options.details ?? {};
    this.actorId = options.actorId ?? null;
  }
}

/**
 * A path on this site to return to after signing in; anything else becomes "/". Only printable ASCII
 * without spaces, and no "//" or "/\" at the start: browsers read those as another host.
 */
export function safeReturnTo(value: string | undefined): string {
  return value && value.length <= 1000 && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/';
}

const encodePending = (pending: Pending) => Buffer.from(JSON.stringify(pending)).toString('base64url');

function decodePending(value: string | undefined): Pending | undefined {
  if (!value) return undefined;
  try {
    const parsed = Pending.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// Plain http only for a provider on this machine (a test or a local Keycloak), never across a network.
function isLoopback(issuer: string) {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(issuer).hostname);
}

const Email = z.email();
const ErrorCode = z.string().regex(/^[a-z_]{1,64}$/);

type Deps = { db: Kysely<DB>; identity: IdentityService; oidc: OidcConfig; baseUrl: () => string };

export function createOidcService({ db, identity, oidc, baseUrl }: Deps) {
  let discovered: Promise<client.Configuration> | undefined;
  const redirectUri = () => `${baseUrl()}${OIDC_PATH}/callback`;

  // Discovered on first use, so the API starts while the provider is away; a failure is retried next time.
  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, {
        execute: isLoopback(oidc.issuer) ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  async function exchange(pending: Pending, search: string): Promise<Profile> {
    const config = await configuration();
    const tokens = await client.authorizationCodeGrant(config, new URL(`${redirectUri()}${search}`), {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Providers that follow the spec to the letter put e-mail and name only in userinfo.
    const claims =
      idToken.email === undefined
        ? await client.fetchUserInfo(config, tokens.access_token, idToken.sub)
        : idToken;
    const email = Email.safeParse(typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '');
    if (!email.success) throw new SignInRefused('email_missing');
    if (claims.email_verified === false) throw new SignInRefused('email_unverified');
    const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
    return { subject: idToken.sub, email: email.data, name: name || null };
  }

  /** The person behind this Hecht account: known by account, else by e-mail (then linked), else new. */
  async function personFor(trx: Kysely<DB>, profile: Profile, now: Date): Promise<string> {
    const known = await q.findPersonBySubject(trx, profile.subject);
    if (known) return known.id;

    const byEmail = await q.findPersonByEmail(trx, profile.email);
    if (byEmail) {
      // Another Hecht account already signs in as this person; re-linking would hand over their account.
      if (byEmail.oidc_subject) throw new SignInRefused('account_conflict', { actorId: byEmail.id });
      await q.linkSubject(trx, byEmail.id, profile.subject);
      await audit(trx, {
        actorId: byEmail.id,
        action: 'person.oidc_linked',
        subjectType: 'person',
        subjectId: byEmail.id,
        at: now,
      });
      return byEmail.id;
    }

    const organisation = await q.findOrganisationBySlug(trx, oidc.organisation);
    if (!organisation) throw new SignInRefused('organisation_missing');
    const personId = await q.createPerson(trx, profile);
    const membershipId = await q.addMembership(trx, {
      personId,
      organisationId: organisation.id,
      role: 'medewerker',
    });
    await audit(trx, {
      actorId: personId,
      action: 'membership.added',
      subjectType: 'person',
      subjectId: personId,
      organisationId: organisation.id,
      details: { role: 'medewerker', membershipId, via: 'oidc' },
      at: now,
    });
    return personId;
  }

  return {
    /** Where to send the browser, and the cookie value that proves on return that it started here. */
    async start(returnTo: string | undefined): Promise<{ url: string; cookie: string }> {
      const config = await configuration();
      const pending: Pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        returnTo: safeReturnTo(returnTo),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(),
        scope: SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, cookie: encodePending(pending) };
    },

    /**
     * Handles the provider's answer (`search` is the callback's query string, "?code=…&state=…"):
     * a session for the person, or a refusal recorded in the audit log.
     */
    async finish(cookie: string | undefined, search: string, ctx: Context): Promise<CallbackResult> {
      try {
        const pending = decodePending(cookie);
        if (!pending) throw new SignInRefused('no_pending_sign_in');
        const params = new URLSearchParams(search);
        const error = params.get('error');
        if (error !== null) {
          const code = ErrorCode.safeParse(error);
          throw new SignInRefused('provider_error', { details: code.success ? { error: code.data } : {} });
        }
        if (params.get('state') !== pending.state) throw new SignInRefused('state_mismatch');

        let profile: Profile;
        try {
          profile = await exchange(pending, search);
        } catch (error) {
          throw error instanceof SignInRefused
            ? error
            : new SignInRefused('exchange_failed', { cause: error });
        }

        const session = await db.transaction().execute(async (trx) => {
          const personId = await personFor(trx, profile, ctx.now);
          return identity.startSession(trx, personId, 'oidc', ctx);
        });
        return { ok: true, ...session, returnTo: pending.returnTo };
      } catch (error) {
        if (!(error instanceof SignInRefused)) throw error;
        await audit(db, {
          actorId: error.actorId,
          action: 'sign_in.failed',
          details: { method: 'oidc', reason: error.reason, ...error.details },
          at: ctx.now,
        });
        return { ok: false, reason: error.reason, cause: error.cause };
      }
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;

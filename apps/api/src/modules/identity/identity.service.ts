// Signing in and out: e-mail link or six-digit code, demo accounts, sessions, and a person's profile.
import type { DemoAccount, Locale, Me, ProfileInput, Session } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../plugins/access.ts';
import type { DB, SignInMethod } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { demoPeople } from '../../demo/accounts.ts';
import { audit } from '../audit/audit.ts';
import type { JobRunner } from '../jobs/queue.ts';
import { queueMail } from '../mail/mail.service.ts';
import { signInMail } from '../mail/templates.ts';
import * as q from './identity.queries.ts';
import { hitLimits } from './rate-limit.ts';
import { createSession } from './sessions.ts';
import { hash, hashHex, randomToken, sameHash, sixDigitCode } from './tokens.ts';

export const TOKEN_MINUTES = 15;
const MAX_CODE_ATTEMPTS = 5;
const QUARTER = 15 * 60 * 1000;

export const SIGN_IN_REQUESTED =
  'Als dit e-mailadres bij ons bekend is, hebt u binnen een paar minuten een e-mail met een inloglink en een code van zes cijfers. Kijk ook in uw map met ongewenste e-mail.';
const BAD_CODE = 'Deze code klopt niet of is verlopen. Controleer de cijfers of vraag een nieuwe code aan.';
const BAD_LINK = 'Deze inloglink is al gebruikt of verlopen. Vraag hieronder een nieuwe aan.';

export type Context = { ip: string; device: string; now: Date };
export type SignInResult = { token: string; expiresAt: Date; me: Me };

type Deps = { db: Kysely<DB>; jobs: JobRunner; baseUrl: () => string; demo: boolean };

const codeHash = (tokenId: string, code: string) => hash(`${tokenId}:${code}`);
const iso = (d: Date) => d.toISOString();

export function createIdentityService({ db, jobs, baseUrl, demo }: Deps) {
  async function me(personId: string): Promise<Me> {
    const person = await db
      .selectFrom('person')
      .select(['id', 'name', 'email', 'locale', 'notify'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const memberships = await q.membershipsOf(db, personId);
    return { ...person, roles: [...new Set(memberships.map((m) => m.role))], memberships };
  }

  /** Opens a session for a person who proved who they are, and records it. */
  async function startSession(
    trx: Kysely<DB>,
    personId: string,
    method: SignInMethod,
    ctx: Context,
  ): Promise<{ token: string; expiresAt: Date }> {
    const { token, session } = await createSession(trx, personId, method, ctx.device, ctx.now);
    await trx.updateTable('person').set({ last_sign_in_at: ctx.now }).where('id', '=', personId).execute();
    await audit(trx, { actorId: personId, action: 'sign_in.succeeded', details: { method }, at: ctx.now });
    return { token, expiresAt: session.expiresAt };
  }

  return {
    me,
    startSession,

    /** Sends a link and a code when the address is known; answers the same either way. */
    async requestSignIn(email: string, ctx: Context): Promise<string> {
      await hitLimits(
        db,
        [
          { key: `sign-in:address:${hashHex(email)}`, max: 5, windowMs: QUARTER },
          { key: `sign-in:ip:${ctx.ip}`, max: 30, windowMs: QUARTER },
        ],
        ctx.now,
      );
      const person = await q.findPersonByEmail(db, email);
      if (!person) return SIGN_IN_REQUESTED;
      const link = randomToken();
      const code = sixDigitCode();
      await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('sign_in_token')
          .values({
            person_id: person.id,
            link_hash: hash(link),
            code_hash: new Uint8Array(32),
            created_at: ctx.now,
            expires_at: new Date(ctx.now.getTime() + TOKEN_MINUTES * 60_000),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // The code is hashed with its token's id, so equal codes of two tokens hash differently.
        await trx
          .updateTable('sign_in_token')
          .set({ code_hash: codeHash(id, code) })
          .where('id', '=', id)
          .execute();
        const mail = signInMail(person.locale, {
          name: person.name,
          code,
          link: `${baseUrl()}/inloggen/link?token=${link}`,
          minutes: TOKEN_MINUTES,
        });
        await queueMail(trx, { ...mail, to: email, personId: person.id, kind: 'sign_in' }, ctx.now);
        await audit(trx, { actorId: person.id, action: 'sign_in.requested', at: ctx.now });
      });
      jobs.wake();
      return SIGN_IN_REQUESTED;
    },

    async signInWithCode(email: string, code: string, ctx: Context): Promise<SignInResult> {
      await hitLimits(
        db,
        [
          { key: `code:address:${hashHex(email)}`, max: 10, windowMs: QUARTER },
          { key: `code:ip:${ctx.ip}`, max: 30, windowMs: QUARTER },
        ],
        ctx.now,
      );
      const person = await q.findPersonByEmail(db, email);
      const result = await db.transaction().execute(async (trx) => {
        if (!person) return undefined;
        const tokens = await q.activeTokensOf(trx, person.id, ctx.now);
        const match = tokens.find((t) => sameHash(codeHash(t.id, code), new Uint8Array(t.code_hash)));
        if (match && (await q.useToken(trx, { id: match.id }, ctx.now))) {
          return startSession(trx, person.id, 'email', ctx);
        }
        // A wrong code counts against every open token; after five, they stop working.
        if (tokens.length > 0) {
          await trx
            .updateTable('sign_in_token')
            .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
            .where(
              'id',
              'in',
              tokens.map((t) => t.id),
            )
            .execute();
          await trx
            .updateTable('sign_in_token')
            .set({ used_at: ctx.now })
            .where(
              'id',
              'in',
              tokens.map((t) => t.id),
            )
            .where('failed_attempts', '>=', MAX_CODE_ATTEMPTS)
            .execute();
        }
        await audit(trx, {
          actorId: person.id,
          action: 'sign_in.failed',
          details: { method: 'code' },
          at: ctx.now,
        });
        return undefined;
      });
      if (!result) throw new AppError('VALIDATION', BAD_CODE, { code: BAD_CODE });
      return { ...result, me: await me(person!.id) };
    },

    async signInWithLink(link: string, ctx: Context): Promise<SignInResult> {
      await hitLimits(db, [{ key: `link:ip:${ctx.ip}`, max: 30, windowMs: QUARTER }], ctx.now);
      const result = await db.transaction().execute(async (trx) => {
        const used = await q.useToken(trx, { linkHash: hash(link) }, ctx.now);
        if (!used) return undefined;
        return { personId: used.person_id, ...(await startSession(trx, used.person_id, 'email', ctx)) };
      });
      if (!result) throw new AppError('VALIDATION', BAD_LINK, { token: BAD_LINK });
      return { token: result.token, expiresAt: result.expiresAt, me: await me(result.personId) };
    },

    demoAccounts() {
      if (!demo) throw notFound('Demo-accounts zijn alleen beschikbaar in de demo.');
      return demoPeople.map(({ account, name, description }) => ({ account, name, description }));
    },

    async signInAsDemo(account: DemoAccount, ctx: Context): Promise<SignInResult> {
      if (!demo) throw notFound('Demo-accounts zijn alleen beschikbaar in de demo.');
      const demoPerson = demoPeople.find((p) => p.account === account)!;
      const person = await q.findPersonByEmail(db, demoPerson.email);
      if (!person) throw notFound('Dit demo-account bestaat niet (meer).');
      const session = await db.transaction().execute((trx) => startSession(trx, person.id, 'demo', ctx));
      return { ...session, me: await me(person.id) };
    },

    async signOut(actor: SignedInActor, now: Date) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('session').where('id', '=', actor.sessionId).execute();
        await audit(trx, { actorId: actor.personId, action: 'sign_out', at: now });
      });
    },

    async signOutEverywhere(actor: SignedInActor, now: Date) {
      await db.transaction().execute(async (trx) => {
        const { numDeletedRows } = await trx
          .deleteFrom('session')
          .where('person_id', '=', actor.personId)
          .executeTakeFirst();
        await audit(trx, {
          actorId: actor.personId,
          action: 'sign_out.everywhere',
          details: { sessions: Number(numDeletedRows) },
          at: now,
        });
      });
    },

    async sessions(actor: SignedInActor, now: Date): Promise<Session[]> {
      const rows = await q.sessionsOf(db, actor.personId, now);
      return rows.map((s) => ({
        id: s.id,
        createdAt: iso(s.created_at),
        lastSeenAt: iso(s.last_seen_at),
        expiresAt: iso(s.expires_at),
        device: s.device,
        method: s.method,
        current: s.id === actor.sessionId,
      }));
    },

    async revokeSession(actor: SignedInActor, sessionId: string, now: Date) {
      await db.transaction().execute(async (trx) => {
        const { numDeletedRows } = await trx
          .deleteFrom('session')
          .where('id', '=', sessionId)
          .where('person_id', '=', actor.personId)
          .executeTakeFirst();
        if (Number(numDeletedRows) === 0) throw notFound('Deze sessie bestaat niet (meer).');
        await audit(trx, { actorId: actor.personId, action: 'session.revoked', at: now });
      });
    },

    async updateProfile(actor: SignedInActor, input: ProfileInput, now: Date): Promise<Me> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('person')
          .set({
            ...(input.name === undefined ? {} : { name: input.name }),
            locale: input.locale satisfies Locale,
          })
          .where('id', '=', actor.personId)
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'profile.updated',
          subjectType: 'person',
          subjectId: actor.personId,
          at: now,
        });
      });
      return me(actor.personId);
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

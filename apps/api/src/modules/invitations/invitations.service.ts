// Invitations: the programme team and the beheerder invite people, one at a time or from a
// spreadsheet; the invited person follows the link in the e-mail, accepts, and is signed in.
import {
  Email,
  type Invitation,
  type InvitationAccept,
  type InvitationCsvReport,
  type InvitationInput,
  type InvitationPreview,
  type InvitationQuery,
  type InvitationState,
  type Page,
  type Role,
  roleLabels,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import { assertMayGrantRole, mayGrantRole } from '../../access/policy.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SignedInActor } from '../../plugins/access.ts';
import { audit } from '../audit/audit.ts';
import type { Context, IdentityService, SignInResult } from '../identity/identity.service.ts';
import { hitLimits } from '../identity/rate-limit.ts';
import { hash, randomToken } from '../identity/tokens.ts';
import type { JobRunner } from '../jobs/queue.ts';
import { queueMail } from '../mail/mail.service.ts';
import { invitationMail } from '../mail/templates.ts';
import {
  checkRows,
  type InvitationTarget,
  organisationFinder,
  readInvitationCsv,
} from './invitations.csv.ts';
import * as q from './invitations.queries.ts';

const VALID_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;
const QUARTER = 15 * 60 * 1000;

const UNKNOWN = 'Deze uitnodiging bestaat niet. Controleer of u de hele link uit de e-mail hebt gebruikt.';
const EXPIRED = 'Deze uitnodiging is verlopen. Vraag het programmateam om een nieuwe.';
const ACCEPTED = 'Deze uitnodiging is al aangenomen. U kunt inloggen met uw e-mailadres.';
const REVOKED =
  'Deze uitnodiging is ingetrokken. Vraag het programmateam om een nieuwe als u toch wilt meedoen.';
const TRY_AGAIN = 'Het aannemen van deze uitnodiging lukte niet. Probeer het nog een keer.';
const NO_ORGANISATION = 'Deze organisatie bestaat niet (meer). Kies een organisatie uit de lijst.';

type Deps = { db: Kysely<DB>; jobs: JobRunner; baseUrl: () => string; identity: IdentityService };

type Person = { id: string; name: string | null; locale: 'nl' | 'en' };

const iso = (d: Date) => d.toISOString();
/** Address, organisation and role: what makes an invitation the same invitation. */
const keyOf = (i: q.InvitationKey) => `${i.email}|${i.organisationId}|${i.role}`;

const amsterdamOffset = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  timeZoneName: 'longOffset',
});
const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * Fourteen days on, to the last second of that day in Amsterdam: the mail says "geldig tot en met
 * 7 december", and a date shown anywhere in Dutch time is the day the link still works.
 */
export function expiryFrom(now: Date): Date {
  const day = amsterdamDate.format(new Date(now.getTime() + VALID_DAYS * DAY));
  const noon = new Date(`${day}T12:00:00Z`);
  const offset = amsterdamOffset
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')!
    .value.slice(3);
  return new Date(`${day}T23:59:59${offset || 'Z'}`);
}

function formatDay(date: Date, locale: 'nl' | 'en'): string {
  return date.toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** "expired" is not stored: an open invitation past its expiry is expired. */
function stateOf(
  row: { state: 'open' | 'accepted' | 'revoked'; expires_at: Date },
  now: Date,
): InvitationState {
  return row.state === 'open' && row.expires_at <= now ? 'expired' : row.state;
}

function toInvitation(row: q.InvitationViewRow, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    role: row.role,
    state: stateOf(row, now),
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    sentCount: row.sent_count,
    lastSentAt: iso(row.last_sent_at),
  };
}

function alreadyMember(who: string, role: Role, organisationName: string): AppError {
  return new AppError(
    'CONFLICT',
    `${who} is al ${roleLabels[role].toLowerCase()} bij ${organisationName}. Een uitnodiging is niet nodig.`,
  );
}

export function createInvitationsService({ db, jobs, baseUrl, identity }: Deps) {
  async function view(id: string, now: Date): Promise<Invitation> {
    const row = await q.invitationView(db, { id });
    if (!row) throw notFound('Deze uitnodiging bestaat niet (meer).');
    return toInvitation(row, now);
  }

  /** Queues the invitation mail with its link, in the language of the person if we know them. */
  async function mailInvitation(
    trx: Kysely<DB>,
    actor: SignedInActor,
    invitation: { email: string; name: string | null; role: Role; organisationName: string },
    person: Person | undefined,
    link: { token: string; expiresAt: Date; now: Date },
  ) {
    const locale = person?.locale ?? 'nl';
    const mail = invitationMail(locale, {
      name: person?.name ?? invitation.name,
      organisationName: invitation.organisationName,
      role: invitation.role,
      link: `${baseUrl()}/uitnodiging?token=${link.token}`,
      expiresOn: formatDay(link.expiresAt, locale),
      inviter: actor.name,
    });
    const to = { to: invitation.email, personId: person?.id ?? null, kind: 'invitation' };
    await queueMail(trx, { ...mail, ...to }, link.now);
  }

  /**
   * Invites each target, or resends the open invitation it already has; one mail and one audit entry
   * each. Targets must be distinct. Set-based, so that a CSV of 2,000 people costs a few statements
   * plus the mails rather than thousands of round trips while holding the (embedded) database.
   */
  async function sendAll(
    trx: Kysely<DB>,
    actor: SignedInActor,
    targets: InvitationTarget[],
    now: Date,
  ): Promise<Array<{ id: string; resent: boolean }>> {
    const emails = [...new Set(targets.map((target) => target.email))];
    const people = new Map((await q.peopleByEmail(trx, emails)).map((p) => [p.email, p]));
    const held = new Set((await q.membershipsByEmail(trx, emails)).map(keyOf));
    const member = targets.find((target) => held.has(keyOf(target)));
    if (member) {
      const who = people.get(member.email)?.name ?? member.email;
      throw alreadyMember(who, member.role, member.organisationName);
    }

    const expiresAt = expiryFrom(now);
    const tokens = new Map(targets.map((target) => [keyOf(target), randomToken()]));
    const rows = targets.map((target) => ({
      email: target.email,
      organisationId: target.organisationId,
      role: target.role,
      name: target.name ?? null,
      tokenHash: hash(tokens.get(keyOf(target))!),
    }));
    const done = new Map<string, { id: string; name: string | null; resent: boolean }>();
    const pending = () => rows.filter((row) => !done.has(keyOf(row)));
    for (const row of await q.renewOpenInvitations(trx, rows, { expiresAt, now })) {
      done.set(keyOf(row), { ...row, resent: true });
    }
    const at = { invitedBy: actor.personId, expiresAt, now };
    for (const row of await q.insertInvitations(trx, pending(), at)) {
      done.set(keyOf(row), { ...row, resent: false });
    }
    // Lost a race with an identical invitation made at the same moment: resend that one.
    for (const row of await q.renewOpenInvitations(trx, pending(), { expiresAt, now })) {
      done.set(keyOf(row), { ...row, resent: true });
    }

    const results = [];
    for (const target of targets) {
      const sent = done.get(keyOf(target));
      if (!sent) throw new AppError('CONFLICT');
      const link = { token: tokens.get(keyOf(target))!, expiresAt, now };
      await mailInvitation(trx, actor, { ...target, name: sent.name }, people.get(target.email), link);
      await audit(trx, {
        actorId: actor.personId,
        action: sent.resent ? 'invitation.resent' : 'invitation.created',
        subjectType: 'invitation',
        subjectId: sent.id,
        organisationId: target.organisationId,
        details: { organisationId: target.organisationId, role: target.role },
        at: now,
      });
      results.push({ id: sent.id, resent: sent.resent });
    }
    return results;
  }

  /** Why an invitation cannot be accepted, in words for the person holding the link. */
  async function refusal(tokenHash: Uint8Array, now: Date): Promise<AppError> {
    const row = await q.invitationView(db, { tokenHash });
    if (!row) return notFound(UNKNOWN);
    // Still open means a simultaneous attempt held it and then gave up: trying again may work.
    const messages = { open: TRY_AGAIN, expired: EXPIRED, accepted: ACCEPTED, revoked: REVOKED };
    const message = messages[stateOf(row, now)];
    return new AppError('VALIDATION', message, { token: message });
  }

  return {
    async list(query: InvitationQuery, now: Date): Promise<Page<Invitation>> {
      const filter = { state: query.state, q: query.q };
      const page = { now, limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
      const [rows, total] = await Promise.all([
        q.listInvitations(db, filter, page),
        q.countInvitations(db, filter, now),
      ]);
      const items = rows.map((row) => toInvitation(row, now));
      return { items, page: query.page, pageSize: query.pageSize, total };
    },

    /** created: false when an open invitation existed and was sent again. */
    async invite(
      actor: SignedInActor,
      input: InvitationInput,
      now: Date,
    ): Promise<{ invitation: Invitation; created: boolean }> {
      assertMayGrantRole(actor, input.role);
      const [sent] = await db.transaction().execute(async (trx) => {
        const organisation = await q.findOrganisation(trx, input.organisationId);
        if (!organisation) {
          throw new AppError('VALIDATION', NO_ORGANISATION, { organisationId: NO_ORGANISATION });
        }
        return sendAll(trx, actor, [{ ...input, organisationName: organisation.name }], now);
      });
      jobs.wake();
      return { invitation: await view(sent!.id, now), created: !sent!.resent };
    },

    /** Every row is checked first; the good ones are then invited together, the others change nothing. */
    async importCsv(actor: SignedInActor, csv: string, now: Date): Promise<InvitationCsvReport> {
      const rows = readInvitationCsv(csv);
      const emails = rows.flatMap((row) => Email.safeParse(row.email).data ?? []);
      const held = new Set((await q.membershipsByEmail(db, emails)).map(keyOf));
      const checked = checkRows(rows, {
        findOrganisation: organisationFinder(await q.allOrganisations(db)),
        holds: (key) => held.has(keyOf(key)),
        mayGrant: (role) => mayGrantRole(actor, role),
      });

      const good = checked.filter((row) => row.target);
      const targets = good.map((row) => row.target!);
      const results =
        targets.length > 0 ? await db.transaction().execute((trx) => sendAll(trx, actor, targets, now)) : [];
      if (results.length > 0) jobs.wake();
      const sent = new Map(good.map((row, i) => [row.line, results[i]!]));

      return {
        accepted: sent.size,
        rejected: checked.length - sent.size,
        rows: checked.map(({ line, email, problems }) => {
          const result = sent.get(line);
          if (!result) {
            return { line, email, accepted: false, reason: problems.join('; ') };
          }
          return { line, email, accepted: true, invitationId: result.id, resent: result.resent };
        }),
      };
    },

    async resend(actor: SignedInActor, id: string, now: Date): Promise<Invitation> {
      await db.transaction().execute(async (trx) => {
        const invitation = await q.findInvitationForUpdate(trx, id);
        if (!invitation) throw notFound('Deze uitnodiging bestaat niet (meer).');
        if (invitation.state === 'accepted') {
          throw new AppError(
            'CONFLICT',
            'Deze uitnodiging is al aangenomen; opnieuw versturen is niet nodig.',
          );
        }
        if (invitation.state === 'revoked') {
          throw new AppError('CONFLICT', 'Deze uitnodiging is ingetrokken. Nodig de persoon opnieuw uit.');
        }
        // Resending hands out the role again, so the same rule applies as for inviting.
        assertMayGrantRole(actor, invitation.role);
        const link = { token: randomToken(), expiresAt: expiryFrom(now), now };
        await q.renewInvitation(trx, id, { ...link, tokenHash: hash(link.token) });
        const organisation = (await q.findOrganisation(trx, invitation.organisation_id))!;
        const [person] = await q.peopleByEmail(trx, [invitation.email]);
        const target = { ...invitation, organisationName: organisation.name };
        await mailInvitation(trx, actor, target, person, link);
        await audit(trx, {
          actorId: actor.personId,
          action: 'invitation.resent',
          subjectType: 'invitation',
          subjectId: id,
          organisationId: invitation.organisation_id,
          details: { organisationId: invitation.organisation_id, role: invitation.role },
          at: now,
        });
      });
      jobs.wake();
      return view(id, now);
    },

    /** Revoking twice is harmless: the second time changes nothing. */
    async revoke(actor: SignedInActor, id: string, now: Date): Promise<Invitation> {
      await db.transaction().execute(async (trx) => {
        const invitation = await q.findInvitationForUpdate(trx, id);
        if (!invitation) throw notFound('Deze uitnodiging bestaat niet (meer).');
        if (invitation.state === 'accepted') {
          throw new AppError(
            'CONFLICT',
            'Deze uitnodiging is al aangenomen en kan niet meer worden ingetrokken. Haal zo nodig de rol weg bij de persoon.',
          );
        }
        if (invitation.state === 'revoked') return;
        await q.revokeInvitation(trx, id);
        await audit(trx, {
          actorId: actor.personId,
          action: 'invitation.revoked',
          subjectType: 'invitation',
          subjectId: id,
          organisationId: invitation.organisation_id,
          details: { organisationId: invitation.organisation_id, role: invitation.role },
          at: now,
        });
      });
      return view(id, now);
    },

    /** What the invitation page shows before accepting; expired, revoked and accepted ones too, to explain. */
    async preview(token: string, ctx: Context): Promise<InvitationPreview> {
      await hitLimits(db, [{ key: `invitation-preview:ip:${ctx.ip}`, max: 30, windowMs: QUARTER }], ctx.now);
      const row = await q.invitationView(db, { tokenHash: hash(token) });
      if (!row) throw notFound(UNKNOWN);
      return {
        email: row.email,
        name: row.name,
        organisationName: row.organisation_name,
        role: row.role,
        state: stateOf(row, ctx.now),
        expiresAt: iso(row.expires_at),
      };
    },

    /** Creates the person if needed, adds the membership and signs them in; works once per invitation. */
    async accept(input: InvitationAccept, ctx: Context): Promise<SignInResult> {
      await hitLimits(db, [{ key: `invitation-accept:ip:${ctx.ip}`, max: 30, windowMs: QUARTER }], ctx.now);
      const tokenHash = hash(input.token);
      const result = await db.transaction().execute(async (trx) => {
        const invitation = await q.claimInvitation(trx, tokenHash, ctx.now);
        if (!invitation) return undefined;
        const personId = await q.findOrCreatePerson(trx, invitation.email, input.name);
        await q.setAcceptedBy(trx, invitation.id, personId);
        const membership = await q.addMembership(trx, personId, invitation.organisation_id, invitation.role);
        const scope = { organisationId: invitation.organisation_id, role: invitation.role };
        await audit(trx, {
          actorId: personId,
          action: 'invitation.accepted',
          subjectType: 'invitation',
          subjectId: invitation.id,
          organisationId: invitation.organisation_id,
          details: scope,
          at: ctx.now,
        });
        // Someone may have given the role directly in the meantime; then nothing was added.
        if (membership) {
          await audit(trx, {
            actorId: personId,
            action: 'membership.added',
            subjectType: 'membership',
            subjectId: membership.id,
            organisationId: invitation.organisation_id,
            details: { ...scope, invitationId: invitation.id },
            at: ctx.now,
          });
        }
        return { personId, ...(await identity.startSession(trx, personId, 'invitation', ctx)) };
      });
      if (!result) throw await refusal(tokenHash, ctx.now);
      return { token: result.token, expiresAt: result.expiresAt, me: await identity.me(result.personId) };
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

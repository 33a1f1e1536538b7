// The contract of who people are and how they get in: organisations, people, memberships, roles,
// sign-in, sessions, invitations, the audit log, the outbox and a person's own data.
import { z } from 'zod';

export const Role = z.enum([
  'medewerker',
  'adviesraad_lid',
  'gemeente_ambtenaar',
  'ketenpartner',
  'programmateam',
  'beheerder',
]);
export type Role = z.infer<typeof Role>;
export const roles = Role.options;

/** How each role is called on screen, in Dutch. */
export const roleLabels: Record<Role, string> = {
  medewerker: 'Medewerker',
  adviesraad_lid: 'Lid adviesraad',
  gemeente_ambtenaar: 'Ambtenaar gemeente',
  ketenpartner: 'Ketenpartner',
  programmateam: 'Programmateam',
  beheerder: 'Beheerder',
};

export const OrganisationType = z.enum(['hecht_unit', 'gemeente', 'adviesraad', 'ketenpartner']);
export type OrganisationType = z.infer<typeof OrganisationType>;

export const organisationTypeLabels: Record<OrganisationType, string> = {
  hecht_unit: 'Onderdeel van Hecht',
  gemeente: 'Gemeente',
  adviesraad: 'Adviesraad',
  ketenpartner: 'Ketenpartner',
};

export const Locale = z.enum(['nl', 'en'], { error: 'Kies Nederlands (nl) of Engels (en).' });
export type Locale = z.infer<typeof Locale>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.' }).max(254));

export const PersonName = z
  .string()
  .trim()
  .min(1, { error: 'Vul een naam in.' })
  .max(200, { error: 'Een naam mag hoogstens 200 tekens lang zijn.' });

export const IdParams = z.object({ id: z.uuid({ error: 'Dit is geen geldige verwijzing.' }) });
export type IdParams = z.infer<typeof IdParams>;

// ── Organisations ─────────────────────────────────────────────────────────

export const Organisation = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    type: OrganisationType,
    memberCount: z.number().int(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  type: OrganisationType.optional(),
  q: z.string().trim().max(100).optional(),
});
export type OrganisationQuery = z.infer<typeof OrganisationQuery>;

export const OrganisationInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: 'Vul de naam van de organisatie in.' })
    .max(200, { error: 'De naam mag hoogstens 200 tekens lang zijn.' }),
  type: OrganisationType,
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

// ── People and memberships ────────────────────────────────────────────────

export const Membership = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    organisationType: OrganisationType,
    role: Role,
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof Membership>;

export const PersonSummary = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    memberships: z.array(Membership),
    lastSignInAt: z.iso.datetime({ offset: true }).nullable(),
    erased: z.boolean(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  role: Role.optional(),
});
export type PersonQuery = z.infer<typeof PersonQuery>;

export const MembershipInput = z.object({
  organisationId: z.uuid({ error: 'Kies een organisatie.' }),
  role: Role,
});
export type MembershipInput = z.infer<typeof MembershipInput>;

export const MembershipParams = z.object({ id: z.uuid(), membershipId: z.uuid() });

// ── Me, sign-in and sessions ──────────────────────────────────────────────

export const Me = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: Locale,
    /** How this person hears about rounds: at once, a daily digest, or not at all. */
    notify: z.enum(['immediate', 'daily', 'none']),
    roles: z.array(Role),
    memberships: z.array(Membership),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

// The name may be left out: the header's language switch saves only the language.
export const ProfileInput = z.object({ name: PersonName.optional(), locale: Locale });
export type ProfileInput = z.infer<typeof ProfileInput>;

export const SignInRequest = z.object({ email: Email });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The same answer for every address, known or not, so the form does not reveal who has an account. */
export const SignInRequested = z.object({ message: z.string() });
export type SignInRequested = z.infer<typeof SignInRequested>;

export const SignInCode = z.object({
  email: Email,
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, { error: 'De code bestaat uit zes cijfers.' })),
});
export type SignInCode = z.infer<typeof SignInCode>;

export const SignInLink = z.object({
  token: z.string().min(20, { error: 'Deze inloglink is onvolledig.' }).max(200),
});
export type SignInLink = z.infer<typeof SignInLink>;

export const SignedIn = z.object({ me: Me });
export type SignedIn = z.infer<typeof SignedIn>;

export const Session = z
  .object({
    id: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    lastSeenAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    device: z.string(),
    method: z.enum(['email', 'invitation', 'oidc', 'demo']),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

export const SessionList = z.object({ items: z.array(Session) });

export const SessionParams = z.object({ sessionId: z.string().min(1).max(64) });

export const DemoAccount = z.enum([
  'programmateam',
  'medewerker',
  'adviesraad_lid',
  'gemeente_gouda',
  'gemeente_leiden',
  'ketenpartner',
  'beheerder',
]);
export type DemoAccount = z.infer<typeof DemoAccount>;

export const DemoAccountView = z.object({
  account: DemoAccount,
  name: z.string(),
  description: z.string(),
});
export const DemoAccountList = z.object({ items: z.array(DemoAccountView) });

export const SignInMethods = z.object({
  email: z.literal(true),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  demo: z.boolean(),
});
export type SignInMethods = z.infer<typeof SignInMethods>;

// ── Invitations ───────────────────────────────────────────────────────────

export const InvitationState = z.enum(['open', 'accepted', 'revoked', 'expired']);
export type InvitationState = z.infer<typeof InvitationState>;

export const Invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    role: Role,
    state: InvitationState,
    createdAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    sentCount: z.number().int(),
    lastSentAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const InvitationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: InvitationState.optional(),
  q: z.string().trim().max(100).optional(),
});
export type InvitationQuery = z.infer<typeof InvitationQuery>;

export const InvitationInput = z.object({
  email: Email,
  name: PersonName.optional(),
  organisationId: z.uuid({ error: 'Kies een organisatie.' }),
  role: Role,
});
export type InvitationInput = z.infer<typeof InvitationInput>;

/** A CSV with a header row: e-mail, naam, organisatie (name or slug), rol. */
export const InvitationCsv = z.object({
  csv: z
    .string()
    .min(1, { error: 'Het bestand is leeg.' })
    .max(512 * 1024, { error: 'Het bestand is te groot (hoogstens 512 kB, zo’n 5.000 regels).' }),
});
export type InvitationCsv = z.infer<typeof InvitationCsv>;

export const InvitationCsvRow = z.object({
  line: z.number().int(),
  email: z.string(),
  accepted: z.boolean(),
  /** Why the row was not accepted, in Dutch, without the line (shown beside it); absent when accepted. */
  reason: z.string().optional(),
  invitationId: z.uuid().optional(),
  /** Accepted rows only: true when an open invitation already existed and was sent again. */
  resent: z.boolean().optional(),
});
export const InvitationCsvReport = z.object({
  accepted: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(InvitationCsvRow),
});
export type InvitationCsvReport = z.infer<typeof InvitationCsvReport>;

export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string().nullable(),
  organisationName: z.string(),
  role: Role,
  state: InvitationState,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationToken = z.object({ token: z.string().min(20).max(200) });
export const InvitationAccept = z.object({ token: z.string().min(20).max(200), name: PersonName });
export type InvitationAccept = z.infer<typeof InvitationAccept>;

// ── Audit log ─────────────────────────────────────────────────────────────

export const AuditEvent = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().trim().max(100).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.date({ error: 'Vul een datum in als 2026-11-23.' }).optional(),
  to: z.iso.date({ error: 'Vul een datum in als 2026-11-23.' }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** What the audit log records, with the Dutch words for the beheerder's page. */
export const auditActionLabels: Record<string, string> = {
  'sign_in.requested': 'Inloglink aangevraagd',
  'sign_in.succeeded': 'Ingelogd',
  'sign_in.failed': 'Inloggen mislukt',
  sign_out: 'Uitgelogd',
  'sign_out.everywhere': 'Overal uitgelogd',
  'session.revoked': 'Sessie beëindigd',
  'profile.updated': 'Profiel gewijzigd',
  'person.oidc_linked': 'Gekoppeld aan Hecht-account',
  'organisation.created': 'Organisatie aangemaakt',
  'organisation.updated': 'Organisatie gewijzigd',
  'membership.added': 'Lidmaatschap toegevoegd',
  'membership.removed': 'Lidmaatschap verwijderd',
  'invitation.created': 'Uitnodiging verstuurd',
  'invitation.resent': 'Uitnodiging opnieuw verstuurd',
  'invitation.revoked': 'Uitnodiging ingetrokken',
  'invitation.accepted': 'Uitnodiging aanvaard',
  'personal_data.viewed': 'Persoonsgegevens bekeken',
  'personal_data.exported': 'Persoonsgegevens gedownload',
  'audit.exported': 'Auditlog geëxporteerd',
  'mail.viewed': 'E-mail bekeken',
  'privacy.erasure_requested': 'Verwijdering aangevraagd',
  'privacy.erasure_done': 'Persoonsgegevens verwijderd',
  'privacy.erasure_rejected': 'Verwijderverzoek afgewezen',
  'round.created': 'Ronde aangemaakt',
  'round.updated': 'Ronde gewijzigd',
  'round.opened': 'Ronde geopend',
  'round.reopened': 'Ronde heropend',
  'round.closed': 'Ronde gesloten',
  'round.reported': 'Verslag van ronde gedeeld',
  'round.question_added': 'Vraag toegevoegd',
  'round.question_changed': 'Vraag gewijzigd',
  'round.question_removed': 'Vraag verwijderd',
  'contribution.submitted': 'Inbreng ingediend',
  'contribution.edited': 'Inbreng gewijzigd',
  'contribution.meeting_recorded': 'Inbreng uit overleg vastgelegd',
  'contribution.exported': 'Inbreng geëxporteerd',
  'response.submitted': 'Reactie ingediend',
  'response.reopened': 'Reactie heropend',
  'response.reminder_sent': 'Herinnering over reactie verstuurd',
  'wall.created': 'Wand aangemaakt',
  'wall.run_started': 'Clustervoorstellen aangevraagd',
  'section.created': 'Onderdeel van het plan aangemaakt',
  'section.transitioned': 'Status van onderdeel gewijzigd',
  'section.clusters_linked': 'Clusters aan onderdeel gekoppeld',
  'section.commenters_changed': 'Toegelaten reageerders van onderdeel gewijzigd',
  'comment.resolved': 'Reactie afgehandeld',
  'plan.exported': 'Plan of consultatieverslag geëxporteerd',
  'advice.submitted': 'Advies van een adviesraad ingediend',
  'advice.responded': 'Reactie op advies vastgelegd',
};

// ── Mail ──────────────────────────────────────────────────────────────────

export const MailState = z.enum(['queued', 'sent', 'outbox', 'failed']);
export type MailState = z.infer<typeof MailState>;

export const MailSummary = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    state: MailState,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    sentAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'MailSummary' });
export type MailSummary = z.infer<typeof MailSummary>;

export const MailDetail = MailSummary.extend({ text: z.string(), html: z.string() });
export type MailDetail = z.infer<typeof MailDetail>;

export const MailQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: MailState.optional(),
});
export type MailQuery = z.infer<typeof MailQuery>;

// ── Own data and erasure (AVG) ────────────────────────────────────────────

export const PrivacyRequestState = z.enum(['requested', 'done', 'rejected']);

export const PrivacyRequest = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string().nullable(),
    kind: z.literal('erasure'),
    state: PrivacyRequestState,
    reason: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    handledAt: z.iso.datetime({ offset: true }).nullable(),
    handledNote: z.string().nullable(),
  })
  .meta({ id: 'PrivacyRequest' });
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

export const PrivacyRequestQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: PrivacyRequestState.optional(),
});

export const ErasureRequestInput = z.object({
  reason: z.string().trim().max(2000, { error: 'Hoogstens 2.000 tekens.' }).optional(),
});

export const PrivacyDecision = z.object({
  decision: z.enum(['execute', 'reject']),
  note: z.string().trim().max(2000, { error: 'Hoogstens 2.000 tekens.' }).optional(),
});
export type PrivacyDecision = z.infer<typeof PrivacyDecision>;

/** Everything stored about a person, as they can download it. Grows with each feature. */
export const MyData = z.object({
  exportedAt: z.iso.datetime({ offset: true }),
  person: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: Locale,
    createdAt: z.iso.datetime({ offset: true }),
    lastSignInAt: z.iso.datetime({ offset: true }).nullable(),
    signsInWithOidc: z.boolean(),
  }),
  memberships: z.array(Membership),
  sessions: z.array(Session),
  invitations: z.array(
    z.object({
      organisationName: z.string(),
      role: Role,
      state: InvitationState,
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
  mails: z.array(
    z.object({
      kind: z.string(),
      subject: z.string(),
      state: MailState,
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
  auditEvents: z.array(z.object({ at: z.iso.datetime({ offset: true }), action: z.string() })),
  privacyRequests: z.array(
    z.object({
      kind: z.literal('erasure'),
      state: PrivacyRequestState,
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type MyData = z.infer<typeof MyData>;

export const Ok = z.object({ ok: z.literal(true) });

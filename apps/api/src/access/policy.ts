// Access control in one place: which role may do which action, in which scope, and which action
// each API route needs. Services ask `can`/`assertCan`; the access plugin asks `routeRule`.
// Anything not in these tables is denied.
import type { Role } from '@inbreng/shared';
import { AppError } from '../errors.ts';

/** any: everywhere; own_organisation: only where the person holds a membership of that organisation. */
export type Scope = 'any' | 'own_organisation';

export const grants = {
  'organisation:read': { programmateam: 'any', beheerder: 'any' },
  'organisation:manage': { beheerder: 'any' },
  'person:read': { programmateam: 'any', beheerder: 'any' },
  'membership:manage': { beheerder: 'any' },
  'invitation:manage': { programmateam: 'any', beheerder: 'any' },
  'audit:read': { beheerder: 'any' },
  'mail:read': { beheerder: 'any' },
  'privacy:handle': { beheerder: 'any' },
  'round:manage': { programmateam: 'any' },
  'contribution:read': { programmateam: 'any', adviesraad_lid: 'any' },
  'contribution:export': { programmateam: 'any' },
  'contribution:record_meeting': { programmateam: 'any' },
  'response:read': {
    programmateam: 'any',
    gemeente_ambtenaar: 'own_organisation',
    ketenpartner: 'own_organisation',
    adviesraad_lid: 'own_organisation',
  },
  'response:edit': {
    gemeente_ambtenaar: 'own_organisation',
    ketenpartner: 'own_organisation',
    adviesraad_lid: 'own_organisation',
  },
  'tracker:read': { programmateam: 'any' },
  // The wall is the programme team's workspace; input of every group is on it.
  'wall:read': { programmateam: 'any' },
  'wall:edit': { programmateam: 'any' },
  // Draft sections: the team writes and moves them; comments are for whom the section admits (the
  // service checks: councils by default, others the team names); the team resolves every comment.
  'section:edit': { programmateam: 'any' },
  'comment:resolve': { programmateam: 'any' },
  // Formal advice: a council gives its own; the team answers it point by point.
  'advice:submit': { adviesraad_lid: 'own_organisation' },
  'advice:respond': { programmateam: 'any' },
  // Board papers and the consultation report.
  'plan:export': { programmateam: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof grants;

/** public: anyone; signed_in: any signed-in person, whatever their roles; otherwise an action. */
export type RouteRule = 'public' | 'signed_in' | Action;

// Keys are "METHOD /url" exactly as Fastify registers them (including the /api prefix).
export const routeRules: Record<string, RouteRule> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/plans': 'public',
  'GET /api/plans/:plan': 'public',

  'GET /api/auth/methods': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/code': 'public',
  'POST /api/auth/link': 'public',
  'GET /api/auth/demo': 'public',
  'POST /api/auth/demo': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'POST /api/auth/sign-out': 'signed_in',
  'POST /api/auth/sign-out-everywhere': 'signed_in',

  'GET /api/me': 'signed_in',
  'PATCH /api/me': 'signed_in',
  'GET /api/me/sessions': 'signed_in',
  'DELETE /api/me/sessions/:sessionId': 'signed_in',
  'GET /api/me/data': 'signed_in',
  'POST /api/me/erasure-request': 'signed_in',

  'GET /api/invitations/preview': 'public',
  'POST /api/invitations/accept': 'public',
  'GET /api/invitations': 'invitation:manage',
  'POST /api/invitations': 'invitation:manage',
  'POST /api/invitations/csv': 'invitation:manage',
  'POST /api/invitations/:id/resend': 'invitation:manage',
  'POST /api/invitations/:id/revoke': 'invitation:manage',

  'GET /api/organisations': 'organisation:read',
  'POST /api/organisations': 'organisation:manage',
  'GET /api/organisations/:id': 'organisation:read',
  'PATCH /api/organisations/:id': 'organisation:manage',

  'GET /api/people': 'person:read',
  'GET /api/people/:id': 'person:read',
  'POST /api/people/:id/memberships': 'membership:manage',
  'DELETE /api/people/:id/memberships/:membershipId': 'membership:manage',

  'GET /api/admin/audit': 'audit:read',
  'GET /api/admin/audit.csv': 'audit:read',
  'GET /api/admin/mail': 'mail:read',
  'GET /api/admin/mail/:id': 'mail:read',
  'GET /api/admin/privacy-requests': 'privacy:handle',
  'POST /api/admin/privacy-requests/:id': 'privacy:handle',

  // Rounds: everyone signed in sees the rounds that ask them (the service filters); the team manages.
  'GET /api/rounds': 'signed_in',
  'POST /api/rounds': 'round:manage',
  'GET /api/rounds/:roundId': 'signed_in',
  'PATCH /api/rounds/:roundId': 'round:manage',
  'POST /api/rounds/:roundId/transition': 'round:manage',
  'POST /api/rounds/:roundId/questions': 'round:manage',
  'PATCH /api/rounds/:roundId/questions/:questionId': 'round:manage',
  'DELETE /api/rounds/:roundId/questions/:questionId': 'round:manage',
  'GET /api/me/open': 'signed_in',
  'PATCH /api/me/notifications': 'signed_in',

  // Contributions: the form, autosave and submit are for whoever the round asks (the service checks).
  'GET /api/rounds/:roundId/themes/:themeId/form': 'signed_in',
  'PUT /api/contributions/draft': 'signed_in',
  'POST /api/contributions': 'signed_in',
  'GET /api/contributions/:contributionId': 'signed_in',
  'PATCH /api/contributions/:contributionId': 'signed_in',
  'GET /api/me/contributions': 'signed_in',
  'GET /api/contributions': 'contribution:read',
  'GET /api/contributions.csv': 'contribution:export',
  'POST /api/meeting-input': 'contribution:record_meeting',

  // Gemeente responses and the tracker.
  'GET /api/me/responses': 'signed_in',
  'GET /api/rounds/:roundId/responses/:organisationId': 'response:read',
  'PUT /api/rounds/:roundId/responses/:organisationId/answers/:questionId': 'response:edit',
  'POST /api/rounds/:roundId/responses/:organisationId/presence': 'response:edit',
  'POST /api/rounds/:roundId/responses/:organisationId/submit': 'response:edit',
  'POST /api/rounds/:roundId/responses/:organisationId/reopen': 'round:manage',
  'GET /api/rounds/:roundId/tracker': 'tracker:read',
  'POST /api/rounds/:roundId/reminders': 'round:manage',

  // The wall: sorting input into clusters, together (issue 6).
  'GET /api/walls': 'wall:read',
  'POST /api/walls': 'wall:edit',
  'GET /api/walls/:wallId': 'wall:read',
  'GET /api/walls/:wallId/cards': 'wall:read',
  'GET /api/walls/:wallId/cards/:cardId': 'wall:read',
  'POST /api/walls/:wallId/cards/:cardId/move': 'wall:edit',
  'PATCH /api/walls/:wallId/cards/:cardId': 'wall:edit',
  'POST /api/walls/:wallId/cards/:cardId/fragments': 'wall:edit',
  'POST /api/walls/:wallId/clusters': 'wall:edit',
  'PATCH /api/walls/:wallId/clusters/:clusterId': 'wall:edit',
  'POST /api/walls/:wallId/clusters/:clusterId/merge': 'wall:edit',
  'POST /api/walls/:wallId/clusters/:clusterId/split': 'wall:edit',
  'POST /api/walls/:wallId/clusters/:clusterId/dissolve': 'wall:edit',
  'POST /api/walls/:wallId/runs': 'wall:edit',
  'GET /api/walls/:wallId/runs/:runId': 'wall:read',
  'GET /api/walls/:wallId/proposals': 'wall:read',
  'POST /api/walls/:wallId/proposals/:proposalId/accept': 'wall:edit',
  'POST /api/walls/:wallId/proposals/:proposalId/reject': 'wall:edit',
  'POST /api/walls/:wallId/proposals/accept-all': 'wall:edit',
  'POST /api/walls/:wallId/proposals/reject-all': 'wall:edit',
  'POST /api/walls/:wallId/undo': 'wall:edit',
  'POST /api/walls/:wallId/redo': 'wall:edit',
  'GET /api/walls/:wallId/history': 'wall:read',
  'POST /api/walls/:wallId/presence': 'wall:read',

  // Draft sections, revisions and anchored comments (issue 7). Reading is filtered by the service: a
  // concept only for the team, a section in consultation for everyone signed in.
  'GET /api/plans/:plan/sections': 'signed_in',
  'POST /api/plans/:plan/sections': 'section:edit',
  'GET /api/sections/:sectionId': 'signed_in',
  'PUT /api/sections/:sectionId': 'section:edit',
  'POST /api/sections/:sectionId/transition': 'section:edit',
  'PUT /api/sections/:sectionId/clusters': 'section:edit',
  'PUT /api/sections/:sectionId/commenters': 'section:edit',
  'GET /api/sections/:sectionId/revisions': 'signed_in',
  'GET /api/sections/:sectionId/revisions/:revisionId': 'signed_in',
  'GET /api/sections/:sectionId/diff': 'signed_in',
  'GET /api/sections/:sectionId/comments': 'signed_in',
  'POST /api/sections/:sectionId/comments': 'signed_in',
  'POST /api/comments/:commentId/replies': 'signed_in',
  'POST /api/comments/:commentId/resolve': 'comment:resolve',
  'GET /api/comments': 'comment:resolve',

  // Formal advice of the councils, with the team's response per point (issue 7). Reading is filtered
  // by the service: a council's own advice while in preparation, everyone once submitted.
  'GET /api/plans/:plan/advice': 'signed_in',
  'POST /api/plans/:plan/advice': 'advice:submit',
  'GET /api/advice/:adviceId': 'signed_in',
  'GET /api/advice/:adviceId/attachment': 'signed_in',
  'PUT /api/advice/:adviceId/responses': 'advice:respond',

  // Board papers: the draft plan and the consultation report as files, and the report's data for its page.
  'GET /api/plans/:plan/export': 'plan:export',
  'GET /api/plans/:plan/report': 'plan:export',

  // What became of my input: cluster, sections, their state and the comments' resolutions.
  'GET /api/me/feedback': 'signed_in',
  'GET /api/me/comments': 'signed_in',

  // Live updates (Server-Sent Events); each topic is checked by the events service.
  'GET /api/events': 'signed_in',

  // The demo mailbox exists only in demo mode (the route answers 404 otherwise).
  'GET /api/demo/mail': 'public',
  'GET /api/demo/mail/:id': 'public',
};

/** The part of a signed-in person that access decisions read. */
export type Actor = {
  personId: string;
  memberships: ReadonlyArray<{ organisationId: string; role: Role }>;
};

export function routeRule(method: string, url: string): RouteRule | undefined {
  return routeRules[`${method} ${url}`];
}

/** May this person do this action at all (in some scope)? Used at the route, before any data is read. */
export function mayAttempt(actor: Actor, action: Action): boolean {
  const allowed: Partial<Record<Role, Scope>> = grants[action];
  return actor.memberships.some((m) => allowed[m.role] !== undefined);
}

/** May this person do this action on something that belongs to `organisationId` (if anything)? */
export function can(actor: Actor, action: Action, target: { organisationId?: string | null } = {}): boolean {
  const allowed: Partial<Record<Role, Scope>> = grants[action];
  return actor.memberships.some((m) => {
    const scope = allowed[m.role];
    if (scope === 'any') return true;
    return scope === 'own_organisation' && target.organisationId === m.organisationId;
  });
}

export function assertCan(actor: Actor, action: Action, target: { organisationId?: string | null } = {}) {
  if (!can(actor, action, target)) throw new AppError('FORBIDDEN');
}

/** Only a beheerder may hand out the beheerder role; the programme team invites everyone else. */
export function mayGrantRole(actor: Actor, role: Role): boolean {
  return role !== 'beheerder' || actor.memberships.some((m) => m.role === 'beheerder');
}

export function assertMayGrantRole(actor: Actor, role: Role) {
  if (!mayGrantRole(actor, role)) {
    throw new AppError('FORBIDDEN', 'Alleen een beheerder kan iemand de rol beheerder geven.');
  }
}

// Which parts of beheer a role reaches, as the web app shows them. It mirrors the API's policy table
// (apps/api/src/access/policy.ts), which is what really decides; this only hides dead-end links.
import type { Role } from '@inbreng/shared';

export type BeheerArea = 'organisaties' | 'personen' | 'uitnodigingen' | 'audit' | 'e-mail' | 'privacy';

const team: readonly Role[] = ['programmateam', 'beheerder'];
const beheerder: readonly Role[] = ['beheerder'];

export const beheerAreas: Record<BeheerArea, readonly Role[]> = {
  organisaties: team,
  personen: team,
  uitnodigingen: team,
  audit: beheerder,
  'e-mail': beheerder,
  privacy: beheerder,
};

const holdsAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export const mayEnterBeheer = (roles: readonly Role[]) => holdsAny(roles, team);
export const mayEnterArea = (roles: readonly Role[], area: BeheerArea) => holdsAny(roles, beheerAreas[area]);
/** Creating and changing organisations and memberships: the beheerder only. */
export const mayManage = (roles: readonly Role[]) => holdsAny(roles, beheerder);

/** Sets up rounds, follows the tracker, records meeting input, exports input. */
export const isProgrammeTeam = (roles: readonly Role[]) => roles.includes('programmateam');
/** Reads all input given (the list with search): the programme team and the advisory councils. */
export const mayReadInput = (roles: readonly Role[]) => holdsAny(roles, ['programmateam', 'adviesraad_lid']);
/** Writes their gemeente's consolidated response. */
export const isOfficial = (roles: readonly Role[]) => roles.includes('gemeente_ambtenaar');

import { beheerAreas, mayEnterArea, mayEnterBeheer, mayManage, type BeheerArea } from '#lib/access.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import type { LayoutServerLoad } from './$types';

const isArea = (segment: string | undefined): segment is BeheerArea => !!segment && segment in beheerAreas;

// Beheer is for the programme team and the beheerder; some parts for the beheerder alone.
// Page loads under /beheer wait for this (await parent()) before they ask the API anything.
export const load: LayoutServerLoad = ({ locals, url, route }) => {
  const me = requireMe(locals, url);
  if (!mayEnterBeheer(me.roles)) forbidden();
  const area = route.id?.split('/')[2];
  if (isArea(area) && !mayEnterArea(me.roles, area)) forbidden();
  return { mayManage: mayManage(me.roles) };
};

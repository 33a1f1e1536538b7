// The round form's server side, shared by "new round" and "edit round": the choices it offers (the
// plan's themes and timeline, the organisations) and reading what was filled in.
import { RoundInput, type PlanDetail } from '@inbreng/shared';
import type { Api } from './api.ts';
import { check, readLists, readValues } from './forms.ts';

export const roundFields = [
  'planId',
  'title',
  'purpose',
  'opensOn',
  'closesOn',
  'milestoneId',
  'reminderDays',
] as const;
export const roundLists = ['audienceGroups', 'audienceOrganisationIds', 'themeIds'] as const;

/** What the form can choose from: the plan's goals and themes, its timeline, and every organisation. */
export async function roundFormChoices(client: Api, plan: PlanDetail) {
  // The API pages by at most 100; Hecht works with a few dozen organisations.
  const organisations = (await client.organisations.list({ pageSize: 100 })).items;
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      goals: plan.goals.map((g) => ({
        id: g.id,
        position: g.position,
        title: g.title,
        themes: g.themes.map((t) => ({ id: t.id, title: t.title })),
      })),
      milestones: plan.milestones.map((ms) => ({ id: ms.id, title: ms.title, date: ms.date })),
    },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, type: o.type })),
  };
}

export async function readRoundForm(request: Request) {
  const formData = await request.formData();
  const values = readValues(formData, roundFields);
  const lists = readLists(formData, roundLists);
  const input = check(RoundInput, {
    ...values,
    milestoneId: values.milestoneId || null,
    reminderDays: values.reminderDays || undefined,
    ...lists,
  });
  return { values, lists, input };
}

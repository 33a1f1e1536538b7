import type { Role, SectionState } from '@inbreng/shared';
import { isOfficial, isProgrammeTeam, mayManage } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { feedbackApi } from '#lib/server/feedback.ts';
import { sectionsApi } from '#lib/server/sections.ts';
import { wallApi } from '#lib/server/wall.ts';
import type { PageServerLoad } from './$types';

/** A part of the home that could not be loaded is null; the page says so and shows the rest. */
const tolerate = <T>(part: Promise<T> | undefined): Promise<T | null> =>
  part ? part.catch(() => null) : Promise.resolve(null);

const contributorRoles: readonly Role[] = [
  'medewerker',
  'adviesraad_lid',
  'gemeente_ambtenaar',
  'ketenpartner',
];
/** At most this many open rounds get their tracker counts on the team's home (one request each). */
const TRACKED_ROUNDS = 5;

// Home: for a signed-in person first their own parts, per role (what is open for them, their drafts,
// what became of their input, the draft sections to comment on; for the programme team rounds, walls,
// comments and sections; for the beheerder beheer), then the most recent plan in full. Every part is
// loaded in parallel and on its own: one failing part leaves the others on the page.
export const load: PageServerLoad = async (event) => {
  const me = event.locals.me;
  const roles: readonly Role[] = me?.roles ?? [];
  const contributor = roles.some((r) => contributorRoles.includes(r));
  const team = isProgrammeTeam(roles);
  const council = roles.includes('adviesraad_lid');
  const beheerder = mayManage(roles);
  const client = api(event);
  let plans;
  try {
    plans = await client.plans.list({ pageSize: 5 });
  } catch (cause) {
    pageError(cause);
  }
  const current = plans.items[0];
  const sections = sectionsApi(event);
  const feedback = feedbackApi(event);

  const [
    plan,
    open,
    responses,
    contributions,
    comments,
    planSections,
    rounds,
    walls,
    commentOverview,
    mail,
    privacy,
  ] = await Promise.all([
    current ? tolerate(client.plans.get(current.slug)) : null,
    tolerate(me ? client.me.open() : undefined),
    tolerate(me ? client.me.responses() : undefined),
    tolerate(contributor ? client.me.contributions({ pageSize: 100 }) : undefined),
    tolerate(council ? feedback.comments({ page: 1, pageSize: 100 }) : undefined),
    tolerate(current && (team || council) ? sections.forPlan(current.slug) : undefined),
    tolerate(team ? client.rounds.list({ pageSize: 20 }) : undefined),
    tolerate(team ? wallApi(event).list({ pageSize: 100 }) : undefined),
    tolerate(team ? sections.overview({ state: 'open', pageSize: 1 }) : undefined),
    tolerate(beheerder ? client.admin.mail({ state: 'failed', pageSize: 1 }) : undefined),
    tolerate(beheerder ? client.admin.privacyRequests({ state: 'requested', pageSize: 1 }) : undefined),
  ]);

  // What became of my input, over my submitted contributions (drafts have not reached the wall yet).
  const submittedIds = contributions?.items.filter((c) => c.state === 'submitted').map((c) => c.id) ?? [];
  const openRounds = rounds?.items.filter((r) => r.state === 'open').slice(0, TRACKED_ROUNDS) ?? [];
  const [myFeedback, trackers] = await Promise.all([
    tolerate(contributor ? feedback.forContributions(submittedIds) : undefined),
    Promise.all(openRounds.map((r) => tolerate(client.rounds.tracker(r.id)))),
  ]);

  const allSections = planSections?.goals.flatMap((g) =>
    g.slots.flatMap((s) => (s.section ? [s.section] : [])),
  );
  const perState: Record<SectionState, number> = {
    concept: 0,
    in_consultatie: 0,
    herzien: 0,
    vastgesteld: 0,
  };
  for (const section of allSections ?? []) perState[section.state] += 1;
  const nextMilestone = plan?.milestones.find((ms) => ms.status === 'next') ?? null;

  return {
    plan,
    otherPlans: plans.items.slice(1),
    totalPlans: plans.total,
    planFailed: current !== undefined && plan === null,
    open: open?.items ?? [],
    openFailed: me !== null && open === null,
    responses: responses?.items ?? [],
    responsesFailed: me !== null && responses === null,
    nextMilestone,
    isOfficial: isOfficial(roles),
    contributor: contributor
      ? {
          drafts:
            contributions?.items
              .filter((c) => c.state === 'draft')
              .map((c) => ({
                id: c.id,
                roundId: c.roundId,
                roundTitle: c.roundTitle,
                themeId: c.themeId,
                themeTitle: c.themeTitle,
              })) ?? null,
          feedback: myFeedback
            ? {
                total: submittedIds.length,
                clustered: myFeedback.items.filter((f) => f.placement === 'clustered').length,
                inConsultation: myFeedback.items.filter((f) =>
                  f.sections.some((s) => s.state === 'in_consultatie'),
                ).length,
              }
            : null,
        }
      : null,
    council: council
      ? {
          sections:
            allSections
              ?.filter((s) => s.state === 'in_consultatie')
              .map((s) => ({ id: s.id, goalTitle: s.goal.title, slotLabel: s.slotLabel })) ?? null,
          openComments: comments ? comments.items.filter((c) => c.state === 'open').length : null,
        }
      : null,
    team: team
      ? {
          rounds:
            rounds?.items
              .filter((r) => r.state === 'open' || r.state === 'draft')
              .map((r) => {
                const index = openRounds.findIndex((o) => o.id === r.id);
                const tracker = index >= 0 ? trackers[index] : null;
                return {
                  id: r.id,
                  title: r.title,
                  state: r.state,
                  closesOn: r.closesOn,
                  contributionCount: r.contributionCount,
                  responses: tracker ? tracker.counts : null,
                };
              }) ?? null,
          walls:
            walls?.items.map((w) => ({
              id: w.id,
              title: w.title,
              cards: w.cards,
              sorted: w.sorted,
              openProposals: w.openProposals,
            })) ?? null,
          openComments: commentOverview ? commentOverview.total : null,
          sections: planSections ? perState : null,
        }
      : null,
    beheer: beheerder
      ? { failedMails: mail ? mail.total : null, privacyRequests: privacy ? privacy.total : null }
      : null,
  };
};

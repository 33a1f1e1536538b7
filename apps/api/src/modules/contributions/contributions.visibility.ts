// Who gave a contribution, as far as a viewer may know: the one place the visibility rule lives. Every
// reply, list, search result and CSV row passes through `disclosed`; events carry ids only.
import type { Contribution, OrganisationType } from '@inbreng/shared';
import type { AnswerRow, ContributionRow } from './contributions.queries.ts';

/** Who is looking. An export leaves the programme team, so it looks as an outsider (personId null). */
export type Viewer = { personId: string | null; team: boolean };

export const outsider: Viewer = { personId: null, team: false };

type Disclosed = {
  authorName: string | null;
  organisationName: string | null;
  group: OrganisationType | null;
};

/**
 * The programme team sees everything (they are inside); authors see their own. Everyone else sees the
 * name and organisation, the organisation only, or neither, as the contributor chose.
 */
export function disclosed(row: ContributionRow, viewer: Viewer): Disclosed {
  const all = {
    authorName: row.author_name,
    organisationName: row.organisation_name,
    group: row.organisation_type,
  };
  if (viewer.team || isMine(row, viewer)) return all;
  switch (row.visibility) {
    case 'name':
      return all;
    case 'organisation':
      return { ...all, authorName: null };
    case 'anonymous':
      return { authorName: null, organisationName: null, group: null };
  }
}

/**
 * May a filter on group or organisation include anonymous contributions? Only for the programme team:
 * for anyone else, an anonymous contribution turning up under "GGD" would say where it came from.
 */
export const mayFilterAnonymousByOrganisation = (viewer: Viewer) => viewer.team;

const isMine = (row: ContributionRow, viewer: Viewer) =>
  row.author_id !== null && row.author_id === viewer.personId;

/** The contribution as this viewer may see it. */
export function present(row: ContributionRow, answers: AnswerRow[], viewer: Viewer): Contribution {
  const mine = isMine(row, viewer);
  return {
    id: row.id,
    roundId: row.round_id,
    roundTitle: row.round_title,
    themeId: row.theme_id,
    themeTitle: row.theme_title,
    state: row.state,
    source: row.source,
    visibility: row.visibility,
    ...disclosed(row, viewer),
    meetingDate: row.meeting_date,
    meetingSource: row.meeting_source,
    text: row.body,
    answers: answers
      .filter((a) => a.contribution_id === row.id)
      .map((a) => ({
        questionId: a.question_id,
        prompt: a.prompt,
        kind: a.kind,
        text: a.text,
        choices: a.choices,
        scale: a.scale,
      })),
    mine,
    // Input heard in a meeting has no form to change it with.
    editable: mine && row.source === 'form' && row.round_state === 'open',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
  };
}

// The contract of "what became of my input": for each of a person's own submitted contributions, the
// wall cluster(s) it (or a fragment cut from it) was sorted into, the draft sections those clusters
// fed, their state, and how the comments on those sections were resolved. Only the person's own
// input is ever listed, so nothing here can reveal who gave anonymous input to anyone else.
import { z } from 'zod';
import { Visibility } from './rounds.ts';
import { AnchorStatus, CommentState, Resolution, SectionSlot, SectionState } from './sections.ts';

const IsoDateTime = z.iso.datetime({ offset: true });

export const FEEDBACK_IDS_MAX = 100;

export const FeedbackQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /**
   * Only these contributions (comma-separated ids), e.g. the ones on a page of "mijn inbreng"; ids that
   * are not the person's own are ignored.
   */
  contributionIds: z
    .string()
    .max(FEEDBACK_IDS_MAX * 37)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const ids = [...new Set(v.split(',').map((s) => s.trim()))].filter(Boolean);
      if (ids.length > FEEDBACK_IDS_MAX || !ids.every((id) => z.uuid().safeParse(id).success)) {
        ctx.addIssue({ code: 'custom', message: 'Geef hoogstens 100 geldige ids, gescheiden door komma’s.' });
        return z.NEVER;
      }
      return ids;
    }),
});
export type FeedbackQuery = z.input<typeof FeedbackQuery>;

/** Where the input sits on the wall: in one or more clusters, still unsorted, or not on a wall yet. */
export const FeedbackPlacement = z.enum(['clustered', 'unsorted', 'not_on_wall']);
export type FeedbackPlacement = z.infer<typeof FeedbackPlacement>;

export const feedbackPlacementLabels: Record<FeedbackPlacement, string> = {
  clustered: 'Ingedeeld',
  unsorted: 'Nog niet ingedeeld',
  not_on_wall: 'Nog niet ingedeeld',
};

/** The comments on a section, top-level threads only: how many of each resolution and how many open. */
export const ResolutionSummary = z.object({
  verwerkt: z.number().int(),
  niet_overgenomen: z.number().int(),
  beantwoord: z.number().int(),
  open: z.number().int(),
});
export type ResolutionSummary = z.infer<typeof ResolutionSummary>;

export const FeedbackCluster = z.object({ id: z.uuid(), wallId: z.uuid(), name: z.string() });
export type FeedbackCluster = z.infer<typeof FeedbackCluster>;

export const FeedbackSection = z.object({
  id: z.uuid(),
  goal: z.object({ id: z.uuid(), position: z.number().int(), title: z.string() }),
  slot: SectionSlot,
  slotLabel: z.string(),
  /** Never 'concept': a draft is the team's own until it goes into consultation. */
  state: SectionState,
  stateLabel: z.string(),
  comments: ResolutionSummary,
});
export type FeedbackSection = z.infer<typeof FeedbackSection>;

export const FeedbackItem = z
  .object({
    contributionId: z.uuid(),
    roundId: z.uuid(),
    roundTitle: z.string(),
    themeTitle: z.string(),
    visibility: Visibility,
    submittedAt: IsoDateTime.nullable(),
    placement: FeedbackPlacement,
    /** Duplicates count as their original's cluster; fragments cut from the input count too. */
    clusters: z.array(FeedbackCluster),
    sections: z.array(FeedbackSection),
  })
  .meta({ id: 'FeedbackItem' });
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const MyFeedback = z
  .object({
    items: z.array(FeedbackItem),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'MyFeedback' });
export type MyFeedback = z.infer<typeof MyFeedback>;

// "Mijn reacties op het concept": the signed-in person's own top-level comments on draft sections and
// what the programme team did with each. Only the person's own comments are ever listed.

export const MyCommentsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MyCommentsQuery = z.input<typeof MyCommentsQuery>;

/** A section named by its goal and outline slot, enough to link to it and say which it is. */
export const MyCommentSection = z.object({
  id: z.uuid(),
  goal: z.object({ id: z.uuid(), position: z.number().int(), title: z.string() }),
  slot: SectionSlot,
  slotLabel: z.string(),
});
export type MyCommentSection = z.infer<typeof MyCommentSection>;

export const MyComment = z
  .object({
    id: z.uuid(),
    body: z.string(),
    createdAt: IsoDateTime,
    section: MyCommentSection.extend({ state: SectionState, stateLabel: z.string() }),
    /** The passage as it was when the comment was made; kept also when the redraft removed it. */
    quote: z.string(),
    /** Where the passage is now; 'orphaned' reads "tekst gewijzigd". */
    anchor: z.object({ status: AnchorStatus, label: z.string() }),
    state: CommentState,
    replyCount: z.number().int(),
    resolution: z
      .object({
        kind: Resolution,
        label: z.string(),
        /** The reason (niet overgenomen) or the answer (beantwoord); empty for verwerkt. */
        text: z.string(),
        at: IsoDateTime,
        /** verwerkt: the section and revision it was worked into. */
        section: MyCommentSection.nullable(),
        revision: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'MyComment' });
export type MyComment = z.infer<typeof MyComment>;

export const MyComments = z
  .object({
    items: z.array(MyComment),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'MyComments' });
export type MyComments = z.infer<typeof MyComments>;

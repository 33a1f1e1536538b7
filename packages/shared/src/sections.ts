// The contract of draft sections of the plan: one per goal and outline slot, written as blocks with
// stable ids, saved as revisions, moved through a tested state table, and commented on by the councils
// with comments anchored to passages (see anchors.ts) that the programme team resolves.
import { z } from 'zod';
import { Anchor, BlockKind } from './anchors.ts';
import { OrganisationType } from './identity.ts';

const IsoDateTime = z.iso.datetime({ offset: true });

// ── Outline slots and states ──────────────────────────────────────────────

export const SectionSlot = z.enum(['horizon', 'steps', 'roles', 'actions']);
export type SectionSlot = z.infer<typeof SectionSlot>;

/** The four parts of the outline of every goal, in this order. */
export const sectionSlotLabels: Record<SectionSlot, string> = {
  horizon: 'Stip op de horizon',
  steps: 'Stappen en keuzes',
  roles: 'Wie, wanneer, welke rol',
  actions: 'Concrete acties',
};

export const SectionState = z.enum(['concept', 'in_consultatie', 'herzien', 'vastgesteld']);
export type SectionState = z.infer<typeof SectionState>;

export const sectionStateLabels: Record<SectionState, string> = {
  concept: 'Concept',
  in_consultatie: 'In consultatie',
  herzien: 'Herzien',
  vastgesteld: 'Vastgesteld',
};

/**
 * The section's state machine as data: the API changes a state only along these transitions and the
 * web offers only these buttons. A revised section can go into consultation again.
 */
export const sectionTransitions: Record<SectionState, readonly SectionState[]> = {
  concept: ['in_consultatie'],
  in_consultatie: ['herzien'],
  herzien: ['in_consultatie', 'vastgesteld'],
  vastgesteld: [],
};

/** New comments are taken only while the section is in consultation; replies also while it is revised. */
export const commentableStates: readonly SectionState[] = ['in_consultatie'];
export const replyableStates: readonly SectionState[] = ['in_consultatie', 'herzien'];
/** An adopted section is not edited any more. */
export const editableStates: readonly SectionState[] = ['concept', 'in_consultatie', 'herzien'];

export const sectionTopic = (sectionId: string) => `section:${sectionId}`;

// ── Blocks ────────────────────────────────────────────────────────────────

export const BLOCK_TEXT_MAX = 10_000;
export const BLOCKS_MAX = 400;

/** A link over part of a block's text; only web addresses (no javascript:, mailto: or data:). */
export const BlockLink = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    href: z
      .string()
      .trim()
      .max(2000, { error: 'Een link mag hoogstens 2.000 tekens lang zijn.' })
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), {
        error: 'Een link moet een webadres zijn dat begint met http:// of https://.',
      }),
  })
  .refine((l) => l.end > l.start, { error: 'Een link moet over ten minste één teken gaan.', path: ['end'] });
export type BlockLink = z.infer<typeof BlockLink>;

/** A stored block: the shape anchors.ts works on, plus its links. */
export const SectionBlock = z.object({
  id: z.string(),
  kind: BlockKind,
  text: z.string(),
  links: z.array(BlockLink),
});
export type SectionBlock = z.infer<typeof SectionBlock>;

/** A block as the editor sends it: keep the id of an existing block; a new block has none. */
export const BlockInput = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Ongeldige alinea-id.' })
      .optional(),
    kind: BlockKind.default('paragraph'),
    text: z
      .string()
      .max(BLOCK_TEXT_MAX, { error: 'Een alinea mag hoogstens 10.000 tekens lang zijn.' })
      .refine((t) => t.trim() !== '', { error: 'Een alinea mag niet leeg zijn.' }),
    links: z.array(BlockLink).max(50, { error: 'Hoogstens 50 links per alinea.' }).default([]),
  })
  .refine((b) => b.links.every((l) => l.end <= b.text.length), {
    error: 'Een link valt buiten de tekst van de alinea.',
    path: ['links'],
  });
export type BlockInput = z.input<typeof BlockInput>;

const Blocks = z
  .array(BlockInput)
  .max(BLOCKS_MAX, { error: 'Een onderdeel mag hoogstens 400 alinea’s hebben.' })
  .refine((bs) => new Set(bs.flatMap((b) => (b.id ? [b.id] : []))).size === bs.filter((b) => b.id).length, {
    error: 'Twee alinea’s hebben dezelfde id.',
  });

// ── Requests ──────────────────────────────────────────────────────────────

export const PlanSectionsParams = z.object({ plan: z.string().min(1).max(100) });
export const SectionParams = z.object({ sectionId: z.uuid({ error: 'Dit is geen geldig onderdeel.' }) });
export const RevisionParams = z.object({ sectionId: z.uuid(), revisionId: z.uuid() });
export const CommentParams = z.object({ commentId: z.uuid({ error: 'Dit is geen geldige reactie.' }) });

export const SectionCreate = z.object({
  goalId: z.uuid({ error: 'Kies een doel.' }),
  slot: SectionSlot,
  blocks: Blocks.default([]),
});
export type SectionCreate = z.input<typeof SectionCreate>;

export const SectionSave = z.object({
  /** The revision number the editor started from; a newer one on the server gives 409. */
  baseRevision: z.number().int().min(1),
  blocks: Blocks,
});
export type SectionSave = z.input<typeof SectionSave>;

export const SectionTransitionInput = z.object({
  to: SectionState,
  milestoneId: z.uuid({ error: 'Kies het moment (mijlpaal) waarbij deze stap hoort.' }),
  note: z.string().trim().max(2000, { error: 'Hoogstens 2.000 tekens.' }).default(''),
});
export type SectionTransitionInput = z.input<typeof SectionTransitionInput>;

export const SectionClustersInput = z.object({
  clusterIds: z.array(z.uuid()).max(200, { error: 'Hoogstens 200 clusters.' }),
});
export type SectionClustersInput = z.infer<typeof SectionClustersInput>;

export const SectionCommentersInput = z.object({
  organisationIds: z.array(z.uuid()).max(200).default([]),
  personIds: z.array(z.uuid()).max(500).default([]),
});
export type SectionCommentersInput = z.input<typeof SectionCommentersInput>;

export const RevisionQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const DiffQuery = z.object({
  from: z.uuid({ error: 'Kies de eerste versie.' }),
  to: z.uuid({ error: 'Kies de tweede versie.' }),
});

const CommentBody = z
  .string()
  .trim()
  .min(1, { error: 'Schrijf uw reactie.' })
  .max(5000, { error: 'Een reactie mag hoogstens 5.000 tekens lang zijn.' });

/** On a whole paragraph: blockId only. On a passage: blockId with start and end in that block. */
export const CommentCreate = z
  .object({
    body: CommentBody,
    blockId: z.string().min(1, { error: 'Kies de alinea waarop u reageert.' }),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    /** The revision the selection was made in; when the text changed since, the API answers 409. */
    revision: z.number().int().min(1).optional(),
  })
  .refine((c) => (c.start === undefined) === (c.end === undefined), {
    error: 'Geef zowel het begin als het einde van de selectie.',
    path: ['end'],
  });
export type CommentCreate = z.infer<typeof CommentCreate>;

export const ReplyCreate = z.object({ body: CommentBody });

export const Resolution = z.enum(['verwerkt', 'niet_overgenomen', 'beantwoord']);
export type Resolution = z.infer<typeof Resolution>;

export const resolutionLabels: Record<Resolution, string> = {
  verwerkt: 'Verwerkt',
  niet_overgenomen: 'Niet overgenomen',
  beantwoord: 'Beantwoord',
};

/** verwerkt names where (section and revision); niet overgenomen the reason; beantwoord the answer. */
export const CommentResolve = z
  .object({
    resolution: Resolution,
    sectionId: z.uuid({ error: 'Kies het onderdeel waarin het is verwerkt.' }).optional(),
    revisionId: z.uuid({ error: 'Kies de versie waarin het is verwerkt.' }).optional(),
    reason: z.string().trim().max(5000, { error: 'Hoogstens 5.000 tekens.' }).optional(),
    answer: z.string().trim().max(5000, { error: 'Hoogstens 5.000 tekens.' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.resolution === 'verwerkt') {
      if (!r.sectionId) {
        ctx.addIssue({
          code: 'custom',
          path: ['sectionId'],
          message: 'Kies het onderdeel waarin het is verwerkt.',
        });
      }
      if (!r.revisionId) {
        ctx.addIssue({
          code: 'custom',
          path: ['revisionId'],
          message: 'Kies de versie waarin het is verwerkt.',
        });
      }
    }
    if (r.resolution === 'niet_overgenomen' && !r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Leg uit waarom het niet is overgenomen.' });
    }
    if (r.resolution === 'beantwoord' && !r.answer) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'Schrijf het antwoord.' });
    }
  });
export type CommentResolve = z.infer<typeof CommentResolve>;

export const CommentState = z.enum(['open', 'resolved']);
export type CommentState = z.infer<typeof CommentState>;

export const SectionCommentsQuery = z.object({ state: z.enum(['open', 'resolved', 'all']).default('all') });

export const CommentOverviewQuery = z.object({
  plan: z.string().min(1).max(100).optional(),
  sectionId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  state: CommentState.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CommentOverviewQuery = z.infer<typeof CommentOverviewQuery>;

// ── Responses ─────────────────────────────────────────────────────────────

export const SectionPerson = z.object({ id: z.uuid(), name: z.string().nullable() });
export type SectionPerson = z.infer<typeof SectionPerson>;

export const RevisionSummary = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    author: SectionPerson.nullable(),
    createdAt: IsoDateTime,
    blockCount: z.number().int(),
  })
  .meta({ id: 'RevisionSummary' });
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const RevisionDetail = RevisionSummary.extend({ blocks: z.array(SectionBlock) }).meta({
  id: 'RevisionDetail',
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;

export const SectionSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    goal: z.object({ id: z.uuid(), position: z.number().int(), title: z.string() }),
    slot: SectionSlot,
    slotLabel: z.string(),
    state: SectionState,
    revision: RevisionSummary,
    openComments: z.number().int(),
  })
  .meta({ id: 'SectionSummary' });
export type SectionSummary = z.infer<typeof SectionSummary>;

/** Per goal, its four outline slots, each with its section or null when not written yet. */
export const PlanSections = z
  .object({
    planId: z.uuid(),
    goals: z.array(
      z.object({
        id: z.uuid(),
        position: z.number().int(),
        title: z.string(),
        slots: z.array(
          z.object({ slot: SectionSlot, label: z.string(), section: SectionSummary.nullable() }),
        ),
      }),
    ),
  })
  .meta({ id: 'PlanSections' });
export type PlanSections = z.infer<typeof PlanSections>;

export const LinkedCluster = z.object({
  id: z.uuid(),
  wallId: z.uuid(),
  name: z.string(),
  inputCount: z.number().int(),
});
export type LinkedCluster = z.infer<typeof LinkedCluster>;

export const SectionCommenters = z.object({
  /** The councils (organisations of type adviesraad) always may; named here for the page. */
  councils: z.array(z.object({ id: z.uuid(), name: z.string() })),
  organisations: z.array(z.object({ id: z.uuid(), name: z.string(), type: OrganisationType })),
  people: z.array(SectionPerson),
});
export type SectionCommenters = z.infer<typeof SectionCommenters>;

export const SectionTransitionEntry = z.object({
  from: SectionState,
  to: SectionState,
  milestone: z.object({ id: z.uuid(), title: z.string(), date: z.iso.date() }).nullable(),
  note: z.string(),
  by: SectionPerson.nullable(),
  at: IsoDateTime,
});

export const SectionDetail = SectionSummary.extend({
  blocks: z.array(SectionBlock),
  clusters: z.array(LinkedCluster),
  commenters: SectionCommenters,
  transitions: z.array(SectionTransitionEntry),
  /** What the signed-in person may do here. */
  allowedTransitions: z.array(SectionState),
  canEdit: z.boolean(),
  canComment: z.boolean(),
}).meta({ id: 'SectionDetail' });
export type SectionDetail = z.infer<typeof SectionDetail>;

export const SectionConflict = z.object({
  error: z.object({
    code: z.literal('CONFLICT'),
    message: z.string(),
    /** The revision on the server now, and the blocks this save tried to store. */
    current: RevisionDetail,
    yours: z.array(BlockInput),
    requestId: z.string().optional(),
  }),
});
export type SectionConflict = z.infer<typeof SectionConflict>;

const WordDiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const DiffBlock = z.object({ id: z.string(), kind: BlockKind, text: z.string() });

export const BlockDiffEntry = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), id: z.string(), block: DiffBlock }),
  z.object({ status: z.literal('removed'), id: z.string(), previous: DiffBlock }),
  z.object({
    status: z.literal('changed'),
    id: z.string(),
    block: DiffBlock,
    previous: DiffBlock,
    moved: z.boolean(),
    parts: z.array(WordDiffPart),
  }),
  z.object({
    status: z.literal('unchanged'),
    id: z.string(),
    block: DiffBlock,
    previous: DiffBlock,
    moved: z.boolean(),
  }),
]);

export const SectionDiff = z
  .object({ from: RevisionSummary, to: RevisionSummary, blocks: z.array(BlockDiffEntry) })
  .meta({ id: 'SectionDiff' });
export type SectionDiff = z.infer<typeof SectionDiff>;

export const AnchorStatus = z.enum(['exact', 'moved', 'fuzzy', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const anchorStatusLabels: Record<AnchorStatus, string> = {
  exact: 'op de plek',
  moved: 'verplaatst',
  fuzzy: 'licht gewijzigd',
  orphaned: 'tekst gewijzigd',
};

export const CommentAuthor = z.object({
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const CommentReply = z.object({
  id: z.uuid(),
  author: CommentAuthor,
  body: z.string(),
  createdAt: IsoDateTime,
});

export const CommentThread = z
  .object({
    id: z.uuid(),
    sectionId: z.uuid(),
    author: CommentAuthor,
    body: z.string(),
    createdAt: IsoDateTime,
    /** The revision the comment was made on. */
    revisionNumber: z.number().int().nullable(),
    /** As made: the quote is always kept, also when the passage is gone. */
    original: Anchor,
    /** Where it sits in the current revision; 'orphaned' shows as "tekst gewijzigd" with the quote. */
    current: z.object({
      status: AnchorStatus,
      label: z.string(),
      blockId: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      revision: z.number().int(),
    }),
    wholeBlock: z.boolean(),
    state: CommentState,
    resolution: z
      .object({
        kind: Resolution,
        label: z.string(),
        text: z.string(),
        sectionId: z.uuid().nullable(),
        revisionId: z.uuid().nullable(),
        revisionNumber: z.number().int().nullable(),
        by: SectionPerson.nullable(),
        at: IsoDateTime,
      })
      .nullable(),
    replies: z.array(CommentReply),
  })
  .meta({ id: 'CommentThread' });
export type CommentThread = z.infer<typeof CommentThread>;

export const CommentThreads = z.object({ items: z.array(CommentThread) });

export const CommentCounts = z.object({ open: z.number().int(), resolved: z.number().int() });

export const CommentOverview = z
  .object({
    perSection: z.array(
      CommentCounts.extend({
        sectionId: z.uuid(),
        goalTitle: z.string(),
        slot: SectionSlot,
        slotLabel: z.string(),
      }),
    ),
    perOrganisation: z.array(CommentCounts.extend({ organisationId: z.uuid().nullable(), name: z.string() })),
    items: z.array(CommentThread.omit({ replies: true }).extend({ replyCount: z.number().int() })),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'CommentOverview' });
export type CommentOverview = z.infer<typeof CommentOverview>;

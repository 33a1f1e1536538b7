// The contract of the wall: every contribution is a card, the programme team sorts cards into clusters
// together and live, the machine proposes clusters and placements, and every action is an event that
// can be undone by the person who did it.
import { z } from 'zod';
import { OrganisationType } from './identity.ts';
import { Visibility } from './rounds.ts';

const IsoDateTime = z.iso.datetime({ offset: true });

// ── Walls ─────────────────────────────────────────────────────────────────

export const WallSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    /** null: the wall of the whole plan (all themes). */
    themeId: z.uuid().nullable(),
    themeTitle: z.string().nullable(),
    title: z.string(),
    cards: z.number().int(),
    /** Cards in a cluster; the rest are "niet ingedeeld". Duplicates count as sorted. */
    sorted: z.number().int(),
    clusters: z.number().int(),
    openProposals: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'WallSummary' });
export type WallSummary = z.infer<typeof WallSummary>;

export const WallQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  planId: z.uuid().optional(),
});
export type WallQuery = z.infer<typeof WallQuery>;

export const WallCreate = z.object({
  planId: z.uuid({ error: 'Kies een plan.' }),
  /** Leave out (or null) for a wall of the whole plan. */
  themeId: z.uuid({ error: 'Kies een thema.' }).nullable().default(null),
  title: z
    .string()
    .trim()
    .min(3, { error: 'Geef de wand een titel van minstens 3 tekens.' })
    .max(200, { error: 'Een titel mag hoogstens 200 tekens lang zijn.' })
    .optional(),
});
export type WallCreate = z.infer<typeof WallCreate>;

export const WallParams = z.object({ wallId: z.uuid({ error: 'Dit is geen geldige wand.' }) });
export const ClusterParams = z.object({ wallId: z.uuid(), clusterId: z.uuid() });
export const CardParams = z.object({ wallId: z.uuid(), cardId: z.uuid() });
export const ProposalParams = z.object({ wallId: z.uuid(), proposalId: z.uuid() });
export const RunParams = z.object({ wallId: z.uuid(), runId: z.uuid() });

export const WallPerson = z.object({ personId: z.uuid(), name: z.string() });
export type WallPerson = z.infer<typeof WallPerson>;

export const ClusterTerm = z.object({ term: z.string(), weight: z.number() });
export type ClusterTerm = z.infer<typeof ClusterTerm>;

export const WallCluster = z
  .object({
    id: z.uuid(),
    name: z.string(),
    note: z.string(),
    position: z.number(),
    cards: z.number().int(),
    origin: z.enum(['person', 'suggestion']),
    /** Why the machine proposed it: the terms and their weights (c-TF-IDF); empty for a person's cluster. */
    terms: z.array(ClusterTerm),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'WallCluster' });
export type WallCluster = z.infer<typeof WallCluster>;

export const RunState = z.enum(['queued', 'running', 'done', 'failed']);
export type RunState = z.infer<typeof RunState>;

export const runStateLabels: Record<RunState, string> = {
  queued: 'In de wachtrij',
  running: 'Bezig',
  done: 'Klaar',
  failed: 'Mislukt',
};

export const RunKind = z.enum(['cluster', 'suggest']);
export type RunKind = z.infer<typeof RunKind>;

export const runKindLabels: Record<RunKind, string> = {
  cluster: 'Clusters voorstellen',
  suggest: 'Kaarten bij clusters voorstellen',
};

export const WallRun = z
  .object({
    id: z.uuid(),
    kind: RunKind,
    state: RunState,
    /** 0 … 1. */
    progress: z.number(),
    /** What it is doing now, in Dutch ("Teksten voorbereiden", "Clusters zoeken", …). */
    stage: z.string(),
    k: z.number().int().nullable(),
    seed: z.number().int(),
    error: z.string().nullable(),
    /** When done: how many cards, clusters or suggestions, and how long it took. */
    summary: z.record(z.string(), z.number()).nullable(),
    requestedBy: z.string().nullable(),
    createdAt: IsoDateTime,
    finishedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'WallRun' });
export type WallRun = z.infer<typeof WallRun>;

export const WallDetail = WallSummary.extend({
  planSlug: z.string(),
  planTitle: z.string(),
  /** Increases with every change; an SSE client that sees a gap reloads. */
  seq: z.number().int(),
  clusters: z.array(WallCluster),
  /** The latest run (clustering or suggestions), to show its progress or result. */
  lastRun: WallRun.nullable(),
  /** Who has the wall open now (heartbeat within the last 30 s). */
  present: z.array(WallPerson),
  /** Whether the signed-in person has something to undo or redo. */
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** All tags used on this wall, for the filter and the tag field. */
  tags: z.array(z.string()),
}).meta({ id: 'WallDetail' });
export type WallDetail = z.infer<typeof WallDetail>;

// ── Cards ─────────────────────────────────────────────────────────────────

export const WallCard = z
  .object({
    id: z.uuid(),
    contributionId: z.uuid(),
    /** null: not in a cluster ("niet ingedeeld"). */
    clusterId: z.uuid().nullable(),
    position: z.number(),
    /** The card's text: the contribution's text, or for a fragment the part cut from its source. */
    text: z.string(),
    /** A fragment names the card it was cut from. */
    sourceCardId: z.uuid().nullable(),
    fragments: z.number().int(),
    tags: z.array(z.string()),
    duplicateOf: z.uuid().nullable(),
    /** Who gave the input, shown by the contribution's visibility (the programme team sees groups). */
    visibility: Visibility,
    authorName: z.string().nullable(),
    organisationName: z.string().nullable(),
    group: OrganisationType.nullable(),
    roundId: z.uuid(),
    themeId: z.uuid(),
    themeTitle: z.string(),
    /** Optimistic concurrency: a move or edit names the version it saw. */
    version: z.number().int(),
    placedBy: z.string().nullable(),
    placedAt: IsoDateTime.nullable(),
    /** An open proposal for this card, if any: where the machine would put it and how sure it is (0…1). */
    proposal: z
      .object({
        proposalId: z.uuid(),
        clusterId: z.uuid().nullable(),
        clusterName: z.string(),
        score: z.number(),
      })
      .nullable(),
  })
  .meta({ id: 'WallCard' });
export type WallCard = z.infer<typeof WallCard>;

export const CardQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  /** Walls show long columns in windowed lists, so a page may be large. */
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  /** A cluster id, or "unsorted" for the cards in no cluster; leave out for every card. */
  cluster: z.union([z.uuid(), z.literal('unsorted')]).optional(),
  roundId: z.uuid().optional(),
  themeId: z.uuid().optional(),
  group: OrganisationType.optional(),
  organisationId: z.uuid().optional(),
  tag: z.string().trim().max(60).optional(),
  /** Dutch full-text search in the cards' text. */
  q: z.string().trim().max(200).optional(),
});
export type CardQuery = z.infer<typeof CardQuery>;

const ExpectedVersion = z.number({ error: 'De versie van de kaart ontbreekt.' }).int().min(1);

export const CardMove = z.object({
  /** null moves the card back to "niet ingedeeld". */
  clusterId: z.uuid({ error: 'Kies een cluster.' }).nullable(),
  /** Where in the cluster; leave out for the end. */
  position: z.number().optional(),
  expectedVersion: ExpectedVersion,
});
export type CardMove = z.infer<typeof CardMove>;

export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'Een label mag niet leeg zijn.' })
  .max(60, { error: 'Een label mag hoogstens 60 tekens lang zijn.' });

export const CardEdit = z.object({
  tags: z.array(Tag).max(20, { error: 'Hoogstens 20 labels per kaart.' }).optional(),
  /** Mark as a duplicate of another card on this wall; null removes the mark. */
  duplicateOf: z.uuid({ error: 'Kies de kaart waarvan dit een dubbele is.' }).nullable().optional(),
  expectedVersion: ExpectedVersion,
});
export type CardEdit = z.infer<typeof CardEdit>;

/** Cut a fragment: offsets into the source card's text (in UTF-16 code units, as the browser gives them). */
export const FragmentCreate = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((f) => f.end > f.start, { error: 'Selecteer eerst een stuk tekst.', path: ['end'] });
export type FragmentCreate = z.infer<typeof FragmentCreate>;

// ── Clusters ──────────────────────────────────────────────────────────────

const ClusterName = z
  .string()
  .trim()
  .min(1, { error: 'Geef het cluster een naam.' })
  .max(120, { error: 'Een naam mag hoogstens 120 tekens lang zijn.' });

export const ClusterCreate = z.object({ name: ClusterName });
export type ClusterCreate = z.infer<typeof ClusterCreate>;

export const ClusterEdit = z.object({
  name: ClusterName.optional(),
  note: z.string().trim().max(2000, { error: 'Hoogstens 2.000 tekens.' }).optional(),
  position: z.number().optional(),
});
export type ClusterEdit = z.infer<typeof ClusterEdit>;

export const ClusterMerge = z.object({
  intoClusterId: z.uuid({ error: 'Kies het cluster om mee samen te voegen.' }),
});
export type ClusterMerge = z.infer<typeof ClusterMerge>;

export const ClusterSplit = z.object({
  name: ClusterName,
  cardIds: z.array(z.uuid()).min(1, { error: 'Kies de kaarten voor het nieuwe cluster.' }).max(2000),
});
export type ClusterSplit = z.infer<typeof ClusterSplit>;

// ── Runs and proposals ────────────────────────────────────────────────────

export const RunCreate = z.object({
  kind: RunKind.default('cluster'),
  /** A fixed number of clusters; chosen automatically when left out. */
  k: z
    .number()
    .int()
    .min(2, { error: 'Minstens 2 clusters.' })
    .max(60, { error: 'Hoogstens 60 clusters.' })
    .optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export type RunCreate = z.infer<typeof RunCreate>;

export const ProposalState = z.enum(['open', 'accepted', 'rejected', 'partly']);
export type ProposalState = z.infer<typeof ProposalState>;

export const WallProposal = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    /** An existing cluster the cards would join, or null for a new cluster named `name`. */
    clusterId: z.uuid().nullable(),
    name: z.string(),
    terms: z.array(ClusterTerm),
    state: ProposalState,
    cards: z.array(
      z.object({
        cardId: z.uuid(),
        text: z.string(),
        /** How sure the machine is, 0 … 1. */
        score: z.number(),
        state: z.enum(['open', 'accepted', 'rejected', 'skipped']),
        /** One of the three texts that show the cluster best. */
        representative: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'WallProposal' });
export type WallProposal = z.infer<typeof WallProposal>;

/** Accept or reject a whole proposal, or only some of its cards. */
export const ProposalDecision = z.object({ cardIds: z.array(z.uuid()).max(2000).optional() });
export type ProposalDecision = z.infer<typeof ProposalDecision>;

// ── Events, undo, presence ────────────────────────────────────────────────

export const WallEventType = z.enum([
  'card.move',
  'card.edit',
  'card.fragment',
  'cluster.create',
  'cluster.edit',
  'cluster.merge',
  'cluster.split',
  'cluster.dissolve',
  'proposal.accept',
  'proposal.reject',
  'run.start',
  'undo',
  'redo',
]);
export type WallEventType = z.infer<typeof WallEventType>;

export const WallEvent = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    type: WallEventType,
    by: WallPerson.nullable(),
    /** In Dutch, for the history view: "Sanne de Vries verplaatste 'Warme overdracht…' naar Jeugd". */
    description: z.string(),
    /** The cards and clusters it touched, so an open page can update them. */
    cardIds: z.array(z.uuid()),
    clusterIds: z.array(z.uuid()),
    undone: z.boolean(),
    at: IsoDateTime,
  })
  .meta({ id: 'WallEvent' });
export type WallEvent = z.infer<typeof WallEvent>;

export const WallHistoryQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  personId: z.uuid().optional(),
  cardId: z.uuid().optional(),
});
export type WallHistoryQuery = z.infer<typeof WallHistoryQuery>;

/** What every action answers: the event it made and the wall's new sequence number. */
export const WallActionResult = z
  .object({ event: WallEvent, seq: z.number().int() })
  .meta({ id: 'WallActionResult' });
export type WallActionResult = z.infer<typeof WallActionResult>;

/**
 * 409 when a card moved or changed after the person saw it: the card as it is now and who moved it,
 * so the page can show "Sanne de Vries heeft deze kaart net naar Jeugd verplaatst".
 */
export const CardConflict = z.object({
  error: z.object({
    code: z.literal('CONFLICT'),
    message: z.string(),
    card: WallCard,
    by: WallPerson.nullable(),
    requestId: z.string().optional(),
  }),
});
export type CardConflict = z.infer<typeof CardConflict>;

/**
 * Live updates on topic `wall:<wallId>` (GET /api/events?topic=wall:<id>): `type` is a WallEventType
 * with `data` a WallEvent, or `presence` with `data` { present: WallPerson[] }, or `run` with `data` a WallRun.
 */
export const wallTopic = (wallId: string) => `wall:${wallId}`;

/** The answer to a presence heartbeat (POST …/presence): who has the wall open now, the caller included. */
export const WallPresence = z.object({ present: z.array(WallPerson) }).meta({ id: 'WallPresence' });
export type WallPresence = z.infer<typeof WallPresence>;

/** The open proposals of a wall (GET …/proposals): every proposal with at least one open card. */
export const WallProposalList = z.object({ items: z.array(WallProposal) }).meta({ id: 'WallProposalList' });
export type WallProposalList = z.infer<typeof WallProposalList>;

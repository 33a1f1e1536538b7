// The contract of consultation rounds, their questions, the input people give (contributions), and the
// consolidated responses of the gemeenten with the programme team's tracker.
import { z } from 'zod';
import { OrganisationType } from './identity.ts';

const IsoDate = z.iso.date({ error: 'Vul een datum in als 2026-11-23.' });
const IsoDateTime = z.iso.datetime({ offset: true });

// ── Rounds ────────────────────────────────────────────────────────────────

export const RoundState = z.enum(['draft', 'open', 'closed', 'reported']);
export type RoundState = z.infer<typeof RoundState>;

export const roundStateLabels: Record<RoundState, string> = {
  draft: 'Concept',
  open: 'Open',
  closed: 'Gesloten',
  reported: 'Verslag gedeeld',
};

/**
 * The round's state machine as data: the API changes a round's state only along these transitions, and
 * the web offers only these buttons. A closed round can open again (with a reason).
 */
export const roundTransitions: Record<RoundState, readonly RoundState[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'reported'],
  reported: [],
};

/** The groups a round can ask as a whole. */
export const AudienceGroup = z.enum(['medewerker', 'adviesraad_lid', 'gemeente_ambtenaar', 'ketenpartner']);
export type AudienceGroup = z.infer<typeof AudienceGroup>;

export const QuestionKind = z.enum(['open', 'single', 'multiple', 'scale', 'addition']);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const questionKindLabels: Record<QuestionKind, string> = {
  open: 'Open vraag',
  single: 'Eén keuze',
  multiple: 'Meerdere keuzes',
  scale: 'Schaal 1–5',
  addition: 'Wat zou u toevoegen?',
};

export const Question = z
  .object({
    id: z.uuid(),
    themeId: z.uuid(),
    position: z.number().int(),
    kind: QuestionKind,
    prompt: z.string(),
    help: z.string(),
    options: z.array(z.string()),
    required: z.boolean(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

export const QuestionInput = z
  .object({
    themeId: z.uuid({ error: 'Kies een thema.' }),
    kind: QuestionKind,
    prompt: z
      .string()
      .trim()
      .min(3, { error: 'Schrijf de vraag uit (minstens 3 tekens).' })
      .max(1000, { error: 'Een vraag mag hoogstens 1.000 tekens lang zijn.' }),
    help: z.string().trim().max(2000, { error: 'Hoogstens 2.000 tekens.' }).default(''),
    options: z
      .array(z.string().trim().min(1, { error: 'Een keuze mag niet leeg zijn.' }).max(200))
      .max(20, { error: 'Hoogstens 20 keuzes.' })
      .default([]),
    required: z.boolean().default(false),
  })
  .refine((q) => !['single', 'multiple'].includes(q.kind) || q.options.length >= 2, {
    error: 'Geef minstens twee keuzes.',
    path: ['options'],
  });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const RoundTheme = z.object({
  id: z.uuid(),
  title: z.string(),
  goalPosition: z.number().int(),
  goalTitle: z.string(),
});
export type RoundTheme = z.infer<typeof RoundTheme>;

export const RoundSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    title: z.string(),
    purpose: z.string(),
    state: RoundState,
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    milestone: z.object({ id: z.uuid(), title: z.string(), date: z.iso.date() }).nullable(),
    reminderDays: z.number().int(),
    audience: z.object({
      groups: z.array(AudienceGroup),
      organisations: z.array(z.object({ id: z.uuid(), name: z.string(), type: OrganisationType })),
    }),
    themes: z.array(RoundTheme),
    contributionCount: z.number().int(),
  })
  .meta({ id: 'RoundSummary' });
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundDetail = RoundSummary.extend({ questions: z.array(Question) }).meta({ id: 'RoundDetail' });
export type RoundDetail = z.infer<typeof RoundDetail>;

export const RoundInput = z
  .object({
    planId: z.uuid({ error: 'Kies een plan.' }),
    title: z
      .string()
      .trim()
      .min(3, { error: 'Geef de ronde een titel (minstens 3 tekens).' })
      .max(200, { error: 'Een titel mag hoogstens 200 tekens lang zijn.' }),
    purpose: z.string().trim().max(4000, { error: 'Hoogstens 4.000 tekens.' }).default(''),
    opensOn: IsoDate,
    closesOn: IsoDate,
    milestoneId: z.uuid().nullable().default(null),
    reminderDays: z.coerce
      .number({ error: 'Vul een aantal dagen in.' })
      .int()
      .min(0, { error: 'Niet minder dan 0 dagen.' })
      .max(60, { error: 'Hoogstens 60 dagen.' })
      .default(3),
    audienceGroups: z.array(AudienceGroup).default([]),
    audienceOrganisationIds: z.array(z.uuid()).default([]),
    themeIds: z.array(z.uuid()).min(1, { error: 'Kies minstens één thema.' }),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    error: 'De sluitdatum ligt vóór de openingsdatum.',
    path: ['closesOn'],
  })
  .refine((r) => r.audienceGroups.length + r.audienceOrganisationIds.length > 0, {
    error: 'Kies wie u om inbreng vraagt: een groep of een organisatie.',
    path: ['audienceGroups'],
  });
export type RoundInput = z.infer<typeof RoundInput>;

export const RoundQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: RoundState.optional(),
  planId: z.uuid().optional(),
});
export type RoundQuery = z.infer<typeof RoundQuery>;

export const RoundTransition = z.object({
  to: RoundState,
  /** Required when reopening a closed round: why. */
  reason: z.string().trim().max(2000).optional(),
});
export type RoundTransition = z.infer<typeof RoundTransition>;

export const RoundParams = z.object({ roundId: z.uuid({ error: 'Dit is geen geldige ronde.' }) });
export const QuestionParams = z.object({ roundId: z.uuid(), questionId: z.uuid() });

// ── Contributions ────────────────────────────────────────────────────────

export const Visibility = z.enum(['name', 'organisation', 'anonymous']);
export type Visibility = z.infer<typeof Visibility>;

export const visibilityLabels: Record<Visibility, string> = {
  name: 'Met mijn naam',
  organisation: 'Alleen met mijn organisatie',
  anonymous: 'Anoniem (alleen het programmateam weet van wie)',
};

export const AnswerInput = z.object({
  questionId: z.uuid(),
  text: z.string().max(20000, { error: 'Een antwoord mag hoogstens 20.000 tekens lang zijn.' }).default(''),
  choices: z.array(z.string().max(200)).max(20).default([]),
  scale: z
    .number()
    .int({ error: 'Kies een waarde van 1 tot en met 5.' })
    .min(1, { error: 'Kies een waarde van 1 tot en met 5.' })
    .max(5, { error: 'Kies een waarde van 1 tot en met 5.' })
    .nullable()
    .default(null),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const ClientKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Ongeldige formuliersleutel; laad de pagina opnieuw.' });

export const ContributionSave = z.object({
  clientKey: ClientKey,
  roundId: z.uuid(),
  themeId: z.uuid(),
  visibility: Visibility.default('name'),
  /** The membership's organisation this is given on behalf of (a person may have several). */
  organisationId: z.uuid().nullable().default(null),
  answers: z.array(AnswerInput).max(50),
});
export type ContributionSave = z.infer<typeof ContributionSave>;

/**
 * Changing a contribution already given (until the round closes). organisationId null keeps the
 * organisation it was given on behalf of.
 */
export const ContributionEdit = ContributionSave.omit({ clientKey: true, roundId: true, themeId: true });
export type ContributionEdit = z.infer<typeof ContributionEdit>;

export const MeetingInput = z.object({
  clientKey: ClientKey,
  roundId: z.uuid(),
  themeId: z.uuid(),
  organisationId: z.uuid({ error: 'Kies namens welke groep of organisatie dit is gezegd.' }),
  meetingDate: IsoDate,
  meetingSource: z
    .string()
    .trim()
    .min(3, { error: 'Beschrijf kort waar het is gezegd, bijvoorbeeld “AB-themabijeenkomst 4 november”.' })
    .max(300),
  text: z.string().trim().min(3, { error: 'Schrijf op wat er is gezegd.' }).max(20000),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export const ContributionState = z.enum(['draft', 'submitted']);

export const ContributionSource = z.enum(['form', 'meeting']);
export type ContributionSource = z.infer<typeof ContributionSource>;

export const contributionSourceLabels: Record<ContributionSource, string> = {
  form: 'Formulier',
  meeting: 'Bijeenkomst',
};

/**
 * A contribution as a reader sees it. Who gave it is shown according to its visibility; outside the
 * programme team an anonymous contribution has no author and no organisation, and an
 * "organisation only" one has no author.
 */
export const Contribution = z
  .object({
    id: z.uuid(),
    roundId: z.uuid(),
    roundTitle: z.string(),
    themeId: z.uuid(),
    themeTitle: z.string(),
    state: ContributionState,
    source: ContributionSource,
    visibility: Visibility,
    authorName: z.string().nullable(),
    organisationName: z.string().nullable(),
    group: OrganisationType.nullable(),
    meetingDate: z.iso.date().nullable(),
    meetingSource: z.string().nullable(),
    /**
     * Everything it says as plain text: the answers joined by blank lines (with chosen options); for
     * input heard in a meeting, which has no answers, what was said.
     */
    text: z.string(),
    answers: z.array(
      z.object({
        questionId: z.uuid(),
        prompt: z.string(),
        kind: QuestionKind,
        text: z.string(),
        choices: z.array(z.string()),
        scale: z.number().int().nullable(),
      }),
    ),
    mine: z.boolean(),
    editable: z.boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    submittedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Contribution' });
export type Contribution = z.infer<typeof Contribution>;

export const SavedDraft = z.object({ id: z.uuid(), state: ContributionState, savedAt: IsoDateTime });
export type SavedDraft = z.infer<typeof SavedDraft>;

/** A draft as its author gets it back, with the key that keeps autosaving into the same draft. */
export const ContributionDraft = Contribution.extend({ clientKey: ClientKey }).meta({
  id: 'ContributionDraft',
});
export type ContributionDraft = z.infer<typeof ContributionDraft>;

export const ContributionQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  roundId: z.uuid().optional(),
  themeId: z.uuid().optional(),
  group: OrganisationType.optional(),
  organisationId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ContributionQuery = z.infer<typeof ContributionQuery>;

/** The CSV export takes the list's filters; it is never paginated. */
export const ContributionExportQuery = ContributionQuery.omit({ page: true, pageSize: true });
export type ContributionExportQuery = z.infer<typeof ContributionExportQuery>;

export const ContributionParams = z.object({ contributionId: z.uuid() });

/** What a person can fill in now: open rounds that ask them, per theme, with their own drafts. */
export const OpenForMe = z.object({
  items: z.array(
    z.object({
      round: RoundSummary,
      themes: z.array(
        RoundTheme.extend({
          questionCount: z.number().int(),
          draftId: z.uuid().nullable(),
          submittedCount: z.number().int(),
        }),
      ),
    }),
  ),
});
export type OpenForMe = z.infer<typeof OpenForMe>;

export const ThemeForm = z.object({
  round: RoundSummary,
  theme: RoundTheme,
  questions: z.array(Question),
  /** The person's unsubmitted draft for this theme, if any (autosaved). */
  draft: ContributionDraft.nullable(),
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ThemeForm = z.infer<typeof ThemeForm>;

export const ThemeFormParams = z.object({ roundId: z.uuid(), themeId: z.uuid() });

// ── Gemeente responses and the tracker ─────────────────────────────────────

export const ResponseState = z.enum(['not_started', 'drafting', 'submitted']);
export type ResponseState = z.infer<typeof ResponseState>;

export const responseStateLabels: Record<ResponseState, string> = {
  not_started: 'Niet begonnen',
  drafting: 'Mee bezig',
  submitted: 'Ingediend',
};

export const ResponseAnswer = z.object({
  questionId: z.uuid(),
  text: z.string(),
  choices: z.array(z.string()),
  scale: z.number().int().nullable(),
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: IsoDateTime.nullable(),
});
export type ResponseAnswer = z.infer<typeof ResponseAnswer>;

/** Someone who has the response open right now (seen in the last 30 seconds). */
export const ResponseEditor = z.object({ personId: z.uuid(), name: z.string().nullable() });
export type ResponseEditor = z.infer<typeof ResponseEditor>;

export const GemeenteResponse = z
  .object({
    id: z.uuid().nullable(),
    roundId: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    state: ResponseState,
    questions: z.array(Question),
    themes: z.array(RoundTheme),
    answers: z.array(ResponseAnswer),
    submittedBy: z.string().nullable(),
    submittedAt: IsoDateTime.nullable(),
    reopenedReason: z.string().nullable(),
    editors: z.array(ResponseEditor),
    editable: z.boolean(),
  })
  .meta({ id: 'GemeenteResponse' });
export type GemeenteResponse = z.infer<typeof GemeenteResponse>;

/** The answer to a presence heartbeat: who else has the response open. */
export const ResponsePresence = z.object({ editors: z.array(ResponseEditor) });
export type ResponsePresence = z.infer<typeof ResponsePresence>;

/** The consolidated responses a person can work on: per round, each invited organisation they belong to. */
export const MyResponses = z.object({
  items: z.array(
    z.object({
      round: RoundSummary,
      organisationId: z.uuid(),
      organisationName: z.string(),
      state: ResponseState,
      lastActivityAt: IsoDateTime.nullable(),
      submittedAt: IsoDateTime.nullable(),
      editable: z.boolean(),
    }),
  ),
});
export type MyResponses = z.infer<typeof MyResponses>;

export const ResponseParams = z.object({ roundId: z.uuid(), organisationId: z.uuid() });

export const ResponseAnswerSave = AnswerInput.extend({
  /** The version the person started editing from; 0 for a first answer. */
  baseVersion: z.number().int().min(0),
});
export type ResponseAnswerSave = z.infer<typeof ResponseAnswerSave>;

/** 409 body details when someone else saved the same answer first: both texts, to merge. */
export const ResponseConflict = z.object({
  error: z.object({
    code: z.literal('CONFLICT'),
    message: z.string(),
    theirs: ResponseAnswer,
    yours: AnswerInput,
    requestId: z.string().optional(),
  }),
});
export type ResponseConflict = z.infer<typeof ResponseConflict>;

export const ReopenInput = z.object({
  reason: z.string().trim().min(5, { error: 'Geef een reden (minstens 5 tekens).' }).max(2000),
});
export type ReopenInput = z.infer<typeof ReopenInput>;

export const TrackerRow = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationType: OrganisationType,
  state: ResponseState,
  lastActivityAt: IsoDateTime.nullable(),
  contacts: z.array(
    z.object({ personId: z.uuid(), name: z.string().nullable(), email: z.string().nullable() }),
  ),
});
export type TrackerRow = z.infer<typeof TrackerRow>;

export const Tracker = z.object({
  round: RoundSummary,
  rows: z.array(TrackerRow),
  counts: z.object({
    not_started: z.number().int(),
    drafting: z.number().int(),
    submitted: z.number().int(),
  }),
});
export type Tracker = z.infer<typeof Tracker>;

export const ReminderInput = z.object({
  /** One organisation, or every organisation that has not submitted. */
  organisationId: z.uuid().optional(),
});
export type ReminderInput = z.infer<typeof ReminderInput>;
/** How many reminder mails were queued (people already reminded today are not counted again). */
export const ReminderResult = z.object({ queued: z.number().int() });
export type ReminderResult = z.infer<typeof ReminderResult>;

export const NotifyPreference = z.enum(['immediate', 'daily', 'none']);
export type NotifyPreference = z.infer<typeof NotifyPreference>;

// The contract of the councils' formal advice on the plan: a council (OR, MAR, VAR, …) gives its advice
// by a milestone as numbered points, optionally with one PDF or DOCX, and the programme team answers
// every point: "u adviseerde — wij hebben — daarom".
import { z } from 'zod';

const IsoDateTime = z.iso.datetime({ offset: true });

/** The default upper limit of an attachment; the API can be configured lower or higher. */
export const ADVICE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ADVICE_POINTS_MAX = 50;

export const AdviceAttachmentKind = z.enum(['pdf', 'docx']);
export type AdviceAttachmentKind = z.infer<typeof AdviceAttachmentKind>;

export const adviceAttachmentContentTypes: Record<AdviceAttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What the team did with a point. */
export const AdviceTaken = z.enum(['overgenomen', 'deels', 'niet']);
export type AdviceTaken = z.infer<typeof AdviceTaken>;

export const adviceTakenLabels: Record<AdviceTaken, string> = {
  overgenomen: 'Overgenomen',
  deels: 'Deels overgenomen',
  niet: 'Niet overgenomen',
};

// ── Requests ──────────────────────────────────────────────────────────────

export const PlanAdviceParams = z.object({ plan: z.string().min(1).max(100) });
export const AdviceParams = z.object({ adviceId: z.uuid({ error: 'Dit is geen geldig advies.' }) });

export const AdvicePointInput = z.object({
  text: z
    .string({ error: 'Schrijf het adviespunt.' })
    .trim()
    .min(1, { error: 'Een adviespunt mag niet leeg zijn.' })
    .max(5000, { error: 'Een adviespunt mag hoogstens 5.000 tekens lang zijn.' }),
});
export type AdvicePointInput = z.infer<typeof AdvicePointInput>;

/**
 * The advice as sent: as JSON, or as the fields of a multipart form (then `points` is a JSON array or
 * one `points` field per point) with the attachment in the file field `attachment`.
 */
export const AdviceSubmit = z.object({
  milestoneId: z.uuid({ error: 'Kies het moment (mijlpaal) waarvoor u advies uitbrengt.' }),
  summary: z
    .string()
    .trim()
    .max(20_000, { error: 'De toelichting mag hoogstens 20.000 tekens lang zijn.' })
    .default(''),
  points: z
    .array(AdvicePointInput, { error: 'Geef ten minste één adviespunt.' })
    .min(1, { error: 'Geef ten minste één adviespunt.' })
    .max(ADVICE_POINTS_MAX, { error: 'Hoogstens 50 adviespunten.' }),
});
export type AdviceSubmit = z.input<typeof AdviceSubmit>;

const ResponseText = (empty: string) =>
  z.string({ error: empty }).trim().max(5000, { error: 'Hoogstens 5.000 tekens.' }).default('');

/** The team's answer to one point: what it did ("wij hebben") and why ("daarom"). */
export const AdviceResponseInput = z
  .object({
    pointId: z.uuid({ error: 'Kies het adviespunt.' }),
    taken: AdviceTaken.optional(),
    what: ResponseText('Schrijf wat het programmateam met dit punt heeft gedaan.'),
    why: ResponseText('Leg uit waarom.'),
  })
  .superRefine((r, ctx) => {
    if (!r.taken) {
      ctx.addIssue({
        code: 'custom',
        path: ['taken'],
        message: 'Kies of het advies is overgenomen, deels overgenomen of niet overgenomen.',
      });
    }
    if (!r.what) {
      ctx.addIssue({
        code: 'custom',
        path: ['what'],
        message: 'Schrijf wat het programmateam met dit punt heeft gedaan.',
      });
    }
    // Following advice speaks for itself; departing from it (partly) always needs a reason.
    if (!r.why && r.taken && r.taken !== 'overgenomen') {
      ctx.addIssue({
        code: 'custom',
        path: ['why'],
        message: 'Leg uit waarom het advies niet (helemaal) is overgenomen.',
      });
    }
  });
export type AdviceResponseInput = z.input<typeof AdviceResponseInput>;

export const AdviceResponsesInput = z.object({
  responses: z
    .array(AdviceResponseInput)
    .min(1, { error: 'Geef een reactie op ten minste één adviespunt.' })
    .max(ADVICE_POINTS_MAX)
    .refine((rs) => new Set(rs.map((r) => r.pointId)).size === rs.length, {
      error: 'Elk adviespunt mag maar één keer voorkomen.',
    }),
});
export type AdviceResponsesInput = z.input<typeof AdviceResponsesInput>;

// ── Responses ─────────────────────────────────────────────────────────────

const AdvicePerson = z.object({ id: z.uuid(), name: z.string().nullable() });

export const AdviceAttachmentInfo = z.object({
  fileName: z.string(),
  kind: AdviceAttachmentKind,
  contentType: z.string(),
  size: z.number().int(),
  /** Where to download it (relative to the API). */
  href: z.string(),
});
export type AdviceAttachmentInfo = z.infer<typeof AdviceAttachmentInfo>;

export const AdvicePointView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  /** "U adviseerde" */
  text: z.string(),
  response: z
    .object({
      taken: AdviceTaken,
      takenLabel: z.string(),
      /** "Wij hebben" */
      what: z.string(),
      /** "Daarom" */
      why: z.string(),
      by: AdvicePerson.nullable(),
      at: IsoDateTime,
    })
    .nullable(),
});
export type AdvicePointView = z.infer<typeof AdvicePointView>;

export const AdviceSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    council: z.object({ id: z.uuid(), name: z.string() }),
    milestone: z.object({ id: z.uuid(), title: z.string(), date: z.iso.date(), body: z.enum(['AB', 'DB']) }),
    submittedBy: AdvicePerson.nullable(),
    submittedAt: IsoDateTime,
    pointCount: z.number().int(),
    answeredCount: z.number().int(),
    /** Every point has the team's response. */
    complete: z.boolean(),
    completedAt: IsoDateTime.nullable(),
    attachment: AdviceAttachmentInfo.nullable(),
  })
  .meta({ id: 'AdviceSummary' });
export type AdviceSummary = z.infer<typeof AdviceSummary>;

export const AdviceDetail = AdviceSummary.extend({
  summary: z.string(),
  points: z.array(AdvicePointView),
  /** What the signed-in person may do here. */
  canRespond: z.boolean(),
}).meta({ id: 'AdviceDetail' });
export type AdviceDetail = z.infer<typeof AdviceDetail>;

export const AdviceList = z
  .object({
    items: z.array(AdviceSummary),
    /** The councils the signed-in person may give advice for (empty for everyone else). */
    mayAdviseFor: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'AdviceList' });
export type AdviceList = z.infer<typeof AdviceList>;

// The contract of the board papers: which files a plan exports to, and the consultation report as
// the web page reads it. Counts of groups under five people never leave the API: such a cell has
// count null and shows "< 5", so the page cannot break out what the files hide.
import { z } from 'zod';

export const ExportFormat = z.enum(['docx', 'pdf', 'csv', 'report-pdf', 'report-docx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const exportFormatLabels: Record<ExportFormat, string> = {
  docx: 'Conceptplan (Word)',
  pdf: 'Conceptplan (PDF)',
  csv: 'Bijlage: inbreng per cluster (CSV)',
  'report-pdf': 'Consultatieverslag (PDF)',
  'report-docx': 'Consultatieverslag (Word)',
};

export const PlanExportParams = z.object({ plan: z.string().min(1).max(200) });
export type PlanExportParams = z.infer<typeof PlanExportParams>;

export const PlanExportQuery = z.object({
  format: ExportFormat.default('docx'),
});
export type PlanExportQuery = z.input<typeof PlanExportQuery>;

export const ReportGroup = z.enum(['medewerkers', 'adviesraden', 'gemeenten', 'ketenpartners']);
export type ReportGroup = z.infer<typeof ReportGroup>;

/** One count as it may be shown: null with "< 5" when fewer than five people are behind it. */
export const ReportCell = z.object({
  count: z.number().int().min(0).nullable(),
  display: z.string(),
  suppressed: z.boolean(),
});
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportGroupCells = z.object({
  medewerkers: ReportCell,
  adviesraden: ReportCell,
  gemeenten: ReportCell,
  ketenpartners: ReportCell,
});
export type ReportGroupCells = z.infer<typeof ReportGroupCells>;

export const ReportGemeenteState = z.enum(['niet begonnen', 'bezig', 'ingediend']);
export type ReportGemeenteState = z.infer<typeof ReportGemeenteState>;

export const ReportChart = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** An accessible SVG (role img, title, desc), the same drawing as in the PDF. */
  svg: z.string(),
});
export type ReportChart = z.infer<typeof ReportChart>;

export const ReportAdvicePoint = z.object({ advised: z.string(), done: z.string(), because: z.string() });
export type ReportAdvicePoint = z.infer<typeof ReportAdvicePoint>;

export const ReportAdvice = z.object({
  council: z.string(),
  submittedOn: z.iso.date(),
  summary: z.string(),
  points: z.array(ReportAdvicePoint),
});
export type ReportAdvice = z.infer<typeof ReportAdvice>;

export const ReportDownload = z.object({
  format: ExportFormat,
  label: z.string(),
  filename: z.string(),
  /** Path of the API route, relative to the site (/api/plans/…/export?format=…). */
  href: z.string(),
});
export type ReportDownload = z.infer<typeof ReportDownload>;

export const ConsultationReportView = z
  .object({
    plan: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    title: z.string(),
    organisation: z.string(),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    date: z.iso.date(),
    groups: z.array(z.object({ key: ReportGroup, label: z.string() })),
    participation: z.array(
      z.object({ group: ReportGroup, label: z.string(), invited: z.number().int(), responded: ReportCell }),
    ),
    inputByTheme: z.array(
      z.object({
        theme: z.string(),
        counts: ReportGroupCells,
        /** "> n" when a hidden small group could otherwise be worked out by subtraction. */
        total: z.string(),
      }),
    ),
    gemeenten: z.array(
      z.object({ name: z.string(), state: ReportGemeenteState, date: z.iso.date().nullable() }),
    ),
    comments: z.object({
      verwerkt: z.number().int(),
      nietOvergenomen: z.number().int(),
      beantwoord: z.number().int(),
      open: z.number().int(),
    }),
    advice: z.array(ReportAdvice),
    charts: z.array(ReportChart),
    suppressionNote: z.string(),
    downloads: z.array(ReportDownload),
  })
  .meta({ id: 'ConsultationReport' });
export type ConsultationReportView = z.infer<typeof ConsultationReportView>;

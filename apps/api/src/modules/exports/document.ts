// The plain data the export builders turn into files. Services fill these from the database; the
// builders know nothing of it, so the same model feeds the DOCX, the PDF and the web page.

export const groupKeys = ['medewerkers', 'adviesraden', 'gemeenten', 'ketenpartners'] as const;
export type GroupKey = (typeof groupKeys)[number];

export const groupLabels: Record<GroupKey, string> = {
  medewerkers: 'Medewerkers',
  adviesraden: 'Adviesraden',
  gemeenten: 'Gemeenten',
  ketenpartners: 'Ketenpartners',
};

/** A count for one group, with the number of distinct people behind it (needed for the AVG rule). */
export interface GroupCount {
  count: number;
  people: number;
}

export type PerGroup = Record<GroupKey, GroupCount>;

/** Groups under this many people are never broken out in exports (AVG). */
export const SMALL_GROUP_THRESHOLD = 5;
export const SUPPRESSED_LABEL = '< 5';

export function isSuppressed(cell: GroupCount): boolean {
  return cell.people > 0 && cell.people < SMALL_GROUP_THRESHOLD;
}

/** The text shown for a group's count: "< 5" when fewer than five people are behind it. */
export function formatGroupCount(cell: GroupCount): string {
  return isSuppressed(cell) ? SUPPRESSED_LABEL : String(cell.count);
}

/**
 * A total over group counts that cannot be used to work out a hidden count by subtraction: when the
 * hidden cells together stand for fewer than five people, only "more than" the visible part is shown.
 */
export function protectedTotal(cells: GroupCount[]): { value: number; display: string } {
  const hidden = cells.filter(isSuppressed);
  const visible = cells.filter((c) => !isSuppressed(c)).reduce((sum, c) => sum + c.count, 0);
  const hiddenPeople = hidden.reduce((sum, c) => sum + c.people, 0);
  if (hidden.length > 0 && hiddenPeople < SMALL_GROUP_THRESHOLD)
    return { value: visible, display: `> ${visible}` };
  const total = visible + hidden.reduce((sum, c) => sum + c.count, 0);
  return { value: total, display: String(total) };
}

export const outlineParts = [
  'Stip op de horizon',
  'Stappen en keuzes',
  'Wie, wanneer, welke rol',
  'Concrete acties',
] as const;
export type OutlinePart = (typeof outlineParts)[number];

// 'nog niet geschreven': the outline slot has no section yet; the papers still show the slot.
export type SectionStateLabel =
  'concept' | 'in consultatie' | 'herzien' | 'vastgesteld' | 'nog niet geschreven';

export interface BlockLink {
  label: string;
  href: string;
}

export interface Block {
  id: string;
  kind: 'heading' | 'paragraph' | 'listItem';
  text: string;
  links?: BlockLink[];
}

export interface PlanSection {
  part: OutlinePart;
  title: string;
  state: SectionStateLabel;
  blocks: Block[];
}

export interface PlanGoal {
  title: string;
  description: string;
  sections: PlanSection[];
}

export interface AnnexRow {
  cluster: string;
  /** The section(s) the cluster fed, as the reader knows them ("Doel 1 — Stip op de horizon"). */
  sections: string[];
  counts: PerGroup;
}

export interface PlanDocument {
  title: string;
  subtitle: string;
  organisation: string;
  /** e.g. "Versie 0.3 — concept" */
  versionLabel: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  goals: PlanGoal[];
  annex: AnnexRow[];
}

export type GemeenteState = 'niet begonnen' | 'bezig' | 'ingediend';

export interface AdvicePoint {
  advised: string;
  done: string;
  because: string;
}

export interface CouncilAdvice {
  council: string;
  /** ISO date */
  submittedOn: string;
  summary: string;
  points: AdvicePoint[];
}

export interface ConsultationReport {
  title: string;
  organisation: string;
  /** ISO dates */
  period: { from: string; to: string };
  date: string;
  /** People invited and people who gave input, per group. */
  participation: Record<GroupKey, { invited: number; responded: number }>;
  inputByTheme: { theme: string; counts: PerGroup }[];
  gemeenten: { name: string; state: GemeenteState; date: string | null }[];
  comments: { verwerkt: number; nietOvergenomen: number; beantwoord: number; open: number };
  advice: CouncilAdvice[];
}

/** Sections in outline order, whatever order the caller gave them in. */
export function sectionsInOrder(goal: PlanGoal): PlanSection[] {
  return [...goal.sections].sort((a, b) => outlineParts.indexOf(a.part) - outlineParts.indexOf(b.part));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

export const annexHeading = 'Bijlage: van clusters naar secties';
export const annexIntro =
  'Per cluster van inbreng: de secties die het voedde en het aantal inbrengen per groep. Groepen van minder dan vijf mensen worden niet uitgesplitst (“< 5”).';
export const annexColumns = ['Cluster', 'Secties', ...groupKeys.map((g) => groupLabels[g])];

export function annexCells(row: AnnexRow): string[] {
  return [row.cluster, row.sections.join('; '), ...groupKeys.map((g) => formatGroupCount(row.counts[g]))];
}

export const gemeenteColumns = ['Gemeente', 'Stand', 'Datum'];
export const participationColumns = ['Groep', 'Uitgenodigd', 'Gaven inbreng'];
export const themeColumns = ['Thema', ...groupKeys.map((g) => groupLabels[g])];

/** The report's tables as rows of text, shared by the DOCX and the PDF so both say the same. */
export function reportTables(report: ConsultationReport) {
  return {
    participation: groupKeys.map((g) => {
      const { invited, responded } = report.participation[g];
      return [groupLabels[g], String(invited), formatGroupCount({ count: responded, people: responded })];
    }),
    themes: report.inputByTheme.map((row) => [
      row.theme,
      ...groupKeys.map((g) => formatGroupCount(row.counts[g])),
    ]),
    gemeenten: report.gemeenten.map((g) => [g.name, g.state, g.date ? formatDate(g.date) : '—']),
    comments: [
      ['Verwerkt', String(report.comments.verwerkt)],
      ['Niet overgenomen', String(report.comments.nietOvergenomen)],
      ['Beantwoord', String(report.comments.beantwoord)],
      ['Nog open', String(report.comments.open)],
    ],
  };
}

export const reportHeadings = {
  participation: 'Wie is uitgenodigd en wie deed mee',
  themes: 'Inbreng per thema en groep',
  gemeenten: 'Reacties van de 18 gemeenten',
  comments: 'Hoe zijn de reacties verwerkt',
  advice: 'Adviezen van de adviesraden en onze reactie',
} as const;

export const suppressionNote =
  'Groepen van minder dan vijf mensen worden niet uitgesplitst: daar staat “< 5” (AVG).';

// The board papers from the database: the draft plan (PlanDocument) and the consultation report
// (ConsultationReport) as the builders take them, the files they make, and the report as the web page
// reads it. The HTTP route and the export CLI both come through here, so they write the same files.
import {
  adviceTakenLabels,
  exportFormatLabels,
  sectionSlotLabels,
  sectionStateLabels,
  SectionSlot,
  type ConsultationReportView,
  type ExportFormat,
  type OrganisationType,
  type ReportCell,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import { amsterdamToday } from '../../clock.ts';
import { toCsv } from '../../csv.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { audit } from '../audit/audit.ts';
import { findPlan, goalsOf } from '../plans/plans.queries.ts';
import { chartToSvg, reportCharts } from './charts.ts';
import {
  annexCells,
  annexColumns,
  formatGroupCount,
  groupKeys,
  groupLabels,
  isSuppressed,
  protectedTotal,
  suppressionNote,
  type AnnexRow,
  type Block,
  type ConsultationReport,
  type CouncilAdvice,
  type GroupKey,
  type OutlinePart,
  type PerGroup,
  type PlanDocument,
  type PlanSection,
  type SectionStateLabel,
} from './document.ts';
import { planToDocx, reportToDocx } from './docx.ts';
import * as q from './exports.queries.ts';
import { planToPdf, reportToPdf } from './pdf.ts';

/** The group a contribution counts for: the type of the organisation it was given for. */
export const groupOfType: Record<OrganisationType, GroupKey> = {
  hecht_unit: 'medewerkers',
  adviesraad: 'adviesraden',
  gemeente: 'gemeenten',
  ketenpartner: 'ketenpartners',
};

const NOT_WRITTEN = 'Dit onderdeel is nog niet geschreven.';
const PLAN_NOT_FOUND = 'Dit plan bestaat niet (meer).';

export type PlanRef = { id: string; slug: string; title: string };
export type ExportFile = { body: Buffer; filename: string; contentType: string };

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'report-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  'report-pdf': 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

const emptyPerGroup = (): PerGroup => ({
  medewerkers: { count: 0, people: 0 },
  adviesraden: { count: 0, people: 0 },
  gemeenten: { count: 0, people: 0 },
  ketenpartners: { count: 0, people: 0 },
});

function perKey(rows: q.GroupCountRow[]): Map<string, PerGroup> {
  const byKey = new Map<string, PerGroup>();
  for (const row of rows) {
    const cells = byKey.get(row.key) ?? emptyPerGroup();
    const cell = cells[groupOfType[row.type]];
    cell.count += row.count;
    cell.people += row.people;
    byKey.set(row.key, cells);
  }
  return byKey;
}

const stateLabel = (state: keyof typeof sectionStateLabels) =>
  sectionStateLabels[state].toLowerCase() as SectionStateLabel;

type StoredBlock = { id: string; kind: Block['kind']; text: string; links?: unknown[] };

/** Stored links mark a span of the text; the papers print that span as the link's label. */
function toBlock(b: StoredBlock): Block {
  const links = (b.links ?? []).flatMap((raw) => {
    const l = raw as { start?: number; end?: number; href?: string };
    if (typeof l.href !== 'string') return [];
    const label = b.text.slice(l.start ?? 0, l.end ?? b.text.length).trim() || l.href;
    return [{ label, href: l.href }];
  });
  return { id: b.id, kind: b.kind, text: b.text, ...(links.length ? { links } : {}) };
}

/** "strategisch-werkplan-2027-2030-concept.docx" and the like. */
export function exportFilename(slug: string, format: ExportFormat, adopted: boolean): string {
  switch (format) {
    case 'docx':
    case 'pdf':
      return `${slug}-${adopted ? 'vastgesteld' : 'concept'}.${format}`;
    case 'csv':
      return `${slug}-bijlage-inbreng-per-cluster.csv`;
    case 'report-docx':
      return `${slug}-consultatieverslag.docx`;
    case 'report-pdf':
      return `${slug}-consultatieverslag.pdf`;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function createExportsService({ db, now }: { db: Kysely<DB>; now: () => Date }) {
  async function plan(reference: string) {
    const row = await findPlan(db, reference);
    if (!row) throw notFound(PLAN_NOT_FOUND);
    return row;
  }

  async function planDocument(
    reference: string,
  ): Promise<{ plan: PlanRef; doc: PlanDocument; adopted: boolean }> {
    const p = await plan(reference);
    const [goals, sections, links] = await Promise.all([
      goalsOf(db, p.id),
      q.sectionsWithBlocks(db, p.id),
      q.linkedClusters(db, p.id),
    ]);
    const bySlot = new Map(sections.map((s) => [`${s.goal_id}:${s.slot}`, s]));
    const goalNumber = new Map(goals.map((g, i) => [g.id, i + 1]));

    const planGoals = goals.map((g) => ({
      title: g.title,
      description: g.description,
      sections: SectionSlot.options.map((slot): PlanSection => {
        const part = sectionSlotLabels[slot] as OutlinePart;
        const s = bySlot.get(`${g.id}:${slot}`);
        if (!s) {
          return {
            part,
            title: part,
            state: 'nog niet geschreven',
            blocks: [{ id: `${slot}-leeg`, kind: 'paragraph', text: NOT_WRITTEN }],
          };
        }
        const blocks = s.blocks.map(toBlock);
        return {
          part,
          title: part,
          state: stateLabel(s.state),
          blocks: blocks.length ? blocks : [{ id: `${slot}-leeg`, kind: 'paragraph', text: NOT_WRITTEN }],
        };
      }),
    }));

    // The annex: every linked cluster once, with the sections it fed in outline order.
    const sectionById = new Map(sections.map((s) => [s.id, s]));
    const clusters = new Map<string, { name: string; sections: { order: number; label: string }[] }>();
    for (const link of links) {
      const s = sectionById.get(link.section_id);
      if (!s) continue;
      const n = goalNumber.get(s.goal_id) ?? 0;
      const entry = clusters.get(link.cluster_id) ?? { name: link.name, sections: [] };
      entry.sections.push({
        order: n * 10 + SectionSlot.options.indexOf(s.slot),
        label: `Doel ${n} — ${sectionSlotLabels[s.slot]}`,
      });
      clusters.set(link.cluster_id, entry);
    }
    const counts = perKey(await q.clusterCounts(db, [...clusters.keys()]));
    const annex: AnnexRow[] = [...clusters.entries()]
      .map(([id, c]) => ({ id, ...c, sections: c.sections.sort((a, b) => a.order - b.order) }))
      .sort((a, b) => a.sections[0]!.order - b.sections[0]!.order || a.name.localeCompare(b.name, 'nl'))
      .map((c) => ({
        cluster: c.name,
        sections: c.sections.map((s) => s.label),
        counts: counts.get(c.id) ?? emptyPerGroup(),
      }));

    const total = goals.length * SectionSlot.options.length;
    const written = sections.length;
    const adopted = total > 0 && written === total && sections.every((s) => s.state === 'vastgesteld');
    const period = `${p.period_start}–${p.period_end}`;
    const doc: PlanDocument = {
      title: p.strategy || p.title,
      subtitle: p.strategy ? p.title : `Plan ${period}`,
      organisation: p.organisation,
      versionLabel: adopted
        ? 'Vastgestelde versie'
        : `Concept — ${written} van de ${total} onderdelen geschreven`,
      date: amsterdamToday(now()),
      goals: planGoals,
      annex,
    };
    return { plan: { id: p.id, slug: p.slug, title: p.title }, doc, adopted };
  }

  async function consultationReport(
    reference: string,
  ): Promise<{ plan: PlanRef; report: ConsultationReport }> {
    const p = await plan(reference);
    const [rounds, themes, themeRows, invited, responded, gemeenten, comments, advice] = await Promise.all([
      q.askedRounds(db, p.id),
      q.themesInOrder(db, p.id),
      q.themeCounts(db, p.id),
      q.invitedPerType(db, p.id),
      q.respondedPerType(db, p.id),
      q.gemeenteStates(db, p.id),
      q.commentCounts(db, p.id),
      councilAdvice(db, p.id),
    ]);
    const today = amsterdamToday(now());
    const participation = Object.fromEntries(
      groupKeys.map((g) => [g, { invited: 0, responded: 0 }]),
    ) as Record<GroupKey, { invited: number; responded: number }>;
    for (const row of invited) participation[groupOfType[row.type]].invited += row.people;
    for (const row of responded) participation[groupOfType[row.type]].responded += row.people;
    const byTheme = perKey(themeRows);
    const opens = rounds.map((r) => r.opens_on).sort();
    const closes = rounds.map((r) => r.closes_on).sort();
    const report: ConsultationReport = {
      title: `Consultatieverslag ${lowerFirst(p.title)}`,
      organisation: p.organisation,
      period: { from: opens[0] ?? today, to: closes.at(-1) ?? today },
      date: today,
      participation,
      inputByTheme: themes.map((t) => ({ theme: t.title, counts: byTheme.get(t.id) ?? emptyPerGroup() })),
      gemeenten: gemeenten.map((g) => {
        if (g.submitted) {
          return {
            name: g.name,
            state: 'ingediend',
            date: g.submitted_at ? amsterdamToday(g.submitted_at) : null,
          };
        }
        if (g.last_activity_at)
          return { name: g.name, state: 'bezig', date: amsterdamToday(g.last_activity_at) };
        return { name: g.name, state: 'niet begonnen', date: null };
      }),
      comments,
      advice,
    };
    return { plan: { id: p.id, slug: p.slug, title: p.title }, report };
  }

  async function file(reference: string, format: ExportFormat): Promise<ExportFile & { plan: PlanRef }> {
    if (format === 'report-docx' || format === 'report-pdf') {
      const { plan: ref, report } = await consultationReport(reference);
      const body = format === 'report-docx' ? await reportToDocx(report) : await reportToPdf(report);
      return {
        plan: ref,
        body,
        filename: exportFilename(ref.slug, format, false),
        contentType: contentTypes[format],
      };
    }
    const { plan: ref, doc, adopted } = await planDocument(reference);
    const body =
      format === 'docx'
        ? await planToDocx(doc)
        : format === 'pdf'
          ? await planToPdf(doc)
          : Buffer.from(annexCsv(doc), 'utf8');
    return {
      plan: ref,
      body,
      filename: exportFilename(ref.slug, format, adopted),
      contentType: contentTypes[format],
    };
  }

  return {
    planDocument,
    consultationReport,

    /** A file for the boards, with the export in the audit log (actor null: the command line). */
    async export(
      actorId: string | null,
      reference: string,
      format: ExportFormat,
      via: 'web' | 'cli' = 'web',
    ) {
      const result = await file(reference, format);
      await db.transaction().execute((trx) =>
        audit(trx, {
          actorId,
          action: 'plan.exported',
          subjectType: 'plan',
          subjectId: result.plan.id,
          details: { format, via, bytes: result.body.length },
          at: now(),
        }),
      );
      return result;
    },

    async reportView(reference: string): Promise<ConsultationReportView> {
      const [{ plan: ref, report }, { adopted }] = await Promise.all([
        consultationReport(reference),
        planDocument(reference),
      ]);
      return toReportView(ref, report, adopted);
    },
  };
}

/** The annex as CSV (Excel, semicolons, formulas neutralised), with the same "< 5" as the files. */
export function annexCsv(doc: PlanDocument): string {
  return toCsv(annexColumns, doc.annex.map(annexCells));
}

function cell(count: number, people: number): ReportCell {
  const c = { count, people };
  const suppressed = isSuppressed(c);
  return { count: suppressed ? null : count, display: formatGroupCount(c), suppressed };
}

/** The report as the web page reads it: no count of a small group leaves the API. */
export function toReportView(
  plan: PlanRef,
  report: ConsultationReport,
  adopted: boolean,
): ConsultationReportView {
  const charts = reportCharts(report);
  const base = `/api/plans/${encodeURIComponent(plan.slug)}/export?format=`;
  const formats: ExportFormat[] = ['report-pdf', 'report-docx', 'docx', 'pdf', 'csv'];
  return {
    plan,
    title: report.title,
    organisation: report.organisation,
    period: report.period,
    date: report.date,
    groups: groupKeys.map((key) => ({ key, label: groupLabels[key] })),
    participation: groupKeys.map((group) => {
      const { invited, responded } = report.participation[group];
      return { group, label: groupLabels[group], invited, responded: cell(responded, responded) };
    }),
    inputByTheme: report.inputByTheme.map((row) => ({
      theme: row.theme,
      counts: Object.fromEntries(
        groupKeys.map((g) => [g, cell(row.counts[g].count, row.counts[g].people)]),
      ) as ConsultationReportView['inputByTheme'][number]['counts'],
      total: protectedTotal(groupKeys.map((g) => row.counts[g])).display,
    })),
    gemeenten: report.gemeenten,
    comments: report.comments,
    advice: report.advice,
    charts: [charts.byTheme, charts.byGroup].map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      svg: chartToSvg(c),
    })),
    suppressionNote,
    downloads: formats.map((format) => ({
      format,
      label: exportFormatLabels[format],
      filename: exportFilename(plan.slug, format, adopted),
      href: `${base}${format}`,
    })),
  };
}

/** The councils' formal advice with the team's response per point: "u adviseerde — wij hebben — daarom". */
async function councilAdvice(db: Kysely<DB>, planId: string): Promise<CouncilAdvice[]> {
  const advice = await q.adviceWithPoints(db, planId);
  return advice.map((a) => ({
    council: a.council,
    submittedOn: amsterdamToday(a.submitted_at),
    summary: a.summary,
    points: a.points.map((p) => ({
      advised: p.text,
      done: p.taken
        ? [adviceTakenLabels[p.taken], p.what].filter(Boolean).join(': ')
        : 'Nog geen reactie van het programmateam.',
      because: p.why || '—',
    })),
  }));
}

// One chart model, laid out once: the SVG for the web page and the PDF drawing both read the same
// layout, so the page and the files show the same bars. Every bar carries its label and value as
// text, so nothing is said by colour alone.
import {
  groupKeys,
  groupLabels,
  isSuppressed,
  protectedTotal,
  SUPPRESSED_LABEL,
  type ConsultationReport,
} from './document.ts';

export interface Bar {
  label: string;
  /** null when the value may not be shown (a group under five people): no bar is drawn. */
  value: number | null;
  display: string;
}

export interface BarChart {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
}

export interface BarLayout extends Bar {
  y: number;
  barX: number;
  barWidth: number;
  barHeight: number;
  labelX: number;
  valueX: number;
  textY: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  fontSize: number;
  barColor: string;
  textColor: string;
  axisX: number;
  bars: BarLayout[];
}

const ROW = 26;
const BAR = 16;
const LABEL_WIDTH = 270;
const VALUE_ROOM = 50;

export function layoutChart(chart: BarChart, width = 640): ChartLayout {
  const max = Math.max(1, ...chart.bars.map((b) => b.value ?? 0));
  const room = width - LABEL_WIDTH - VALUE_ROOM;
  const bars = chart.bars.map((bar, i) => {
    const y = 8 + i * ROW;
    const barWidth = bar.value === null ? 0 : Math.round((bar.value / max) * room * 10) / 10;
    return {
      ...bar,
      y,
      barX: LABEL_WIDTH,
      barWidth,
      barHeight: BAR,
      labelX: LABEL_WIDTH - 8,
      valueX: LABEL_WIDTH + barWidth + 6,
      textY: y + BAR - 4,
    };
  });
  return {
    width,
    height: 16 + chart.bars.length * ROW,
    fontSize: 12,
    barColor: '#1d5b89',
    textColor: '#1a1a1a',
    axisX: LABEL_WIDTH,
    bars,
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The chart as an accessible SVG string (role img, title and desc, a text label per bar). */
export function chartToSvg(chart: BarChart): string {
  const l = layoutChart(chart);
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const rows = l.bars.map((b) =>
    [
      `<g>`,
      `<text x="${b.labelX}" y="${b.textY}" text-anchor="end">${escapeXml(b.label)}</text>`,
      b.barWidth > 0
        ? `<rect x="${b.barX}" y="${b.y}" width="${b.barWidth}" height="${b.barHeight}" fill="${l.barColor}"/>`
        : '',
      `<text x="${b.valueX}" y="${b.textY}">${escapeXml(b.display)}</text>`,
      `</g>`,
    ].join(''),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="${l.width}" height="${l.height}"`,
    ` role="img" aria-labelledby="${titleId} ${descId}" font-family="'Noto Sans', sans-serif" font-size="${l.fontSize}" fill="${l.textColor}">`,
    `<title id="${titleId}">${escapeXml(chart.title)}</title>`,
    `<desc id="${descId}">${escapeXml(chart.description)}</desc>`,
    `<line x1="${l.axisX}" y1="4" x2="${l.axisX}" y2="${l.height - 4}" stroke="${l.textColor}"/>`,
    ...rows,
    `</svg>`,
  ].join('');
}

function describe(chart: Omit<BarChart, 'description'>, lead: string): BarChart {
  const list = chart.bars.map((b) => `${b.label}: ${b.display}`).join('; ');
  return { ...chart, description: `${lead} ${list}.` };
}

/** The report's charts: input per theme (all groups together) and input per group. */
export function reportCharts(report: ConsultationReport): { byTheme: BarChart; byGroup: BarChart } {
  const byTheme = describe(
    {
      id: 'inbreng-per-thema',
      title: 'Inbreng per thema',
      bars: report.inputByTheme.map((row) => ({
        label: row.theme,
        ...protectedTotal(groupKeys.map((g) => row.counts[g])),
      })),
    },
    'Liggend staafdiagram met het aantal inbrengen per thema, alle groepen samen; “> n” betekent meer dan n, waar een kleine groep anders te herleiden zou zijn.',
  );
  const byGroup = describe(
    {
      id: 'inbreng-per-groep',
      title: 'Inbreng per groep',
      bars: groupKeys.map((g) => {
        const { responded } = report.participation[g];
        if (isSuppressed({ count: responded, people: responded })) {
          return { label: groupLabels[g], value: null, display: SUPPRESSED_LABEL };
        }
        return { label: groupLabels[g], ...protectedTotal(report.inputByTheme.map((row) => row.counts[g])) };
      }),
    },
    'Liggend staafdiagram met het aantal inbrengen per groep; groepen van minder dan vijf mensen staan er als “< 5”, zonder staaf.',
  );
  return { byTheme, byGroup };
}

// Inline SVG charts: drawn here as text, so the page needs no script, font
// or image from anywhere. Colours come from CSS classes (the print
// stylesheet turns them grey); the fill attributes are the fallback.
import type { Month } from '../../model/dates.js';
import type { ReportMetric, TaskCountsPoint } from '../../model/report.js';
import { formatExact, formatNumber } from '../locale.js';
import { REPORT_WORDS } from '../reportWords.js';
import { escapeHtml } from './escape.js';
import { HTML_WORDS } from './words.js';
import type { Locale } from '../../model/terms.js';

const round = (n: number) => Math.round(n * 10) / 10;

/** A step of 1, 2 or 5 times a power of ten giving at most about five ticks. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!,
  );
  return { top: Math.ceil(max / step) * step, step };
}

const SERIES = [
  { key: 'open', css: 'c-open', fill: '#2f6fb3' },
  { key: 'closed', css: 'c-closed', fill: '#3a8a5a' },
  { key: 'overdue', css: 'c-overdue', fill: '#c0392b' },
] as const;

/**
 * Grouped bars: tasks open, closed and overdue at the end of each month of
 * the history, with a legend, a value on each bar and both axes labelled.
 */
export function historyChart(history: readonly TaskCountsPoint[], locale: Locale, reportMonth: Month): string {
  const words = HTML_WORDS[locale];
  const monthLabel = REPORT_WORDS[locale].monthColumn;
  const width = 680;
  const height = 270;
  const left = 52;
  const right = 12;
  const top = 40;
  const bottom = 34;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(0, ...history.flatMap((p) => [p.open, p.closed, p.overdue]));
  const { top: scaleTop, step } = niceScale(max);
  const y = (v: number) => round(top + plotHeight - (v / scaleTop) * plotHeight);
  const labels: Record<(typeof SERIES)[number]['key'], string> = { open: words.open, closed: words.closed, overdue: words.overdue };

  const out: string[] = [];
  const titleId = 'chart-history-title';
  const description = history
    .map((p) => `${monthLabel(p.month)}: ${words.open} ${p.open}, ${words.closed} ${p.closed}, ${words.overdue} ${p.overdue}`)
    .join('; ');
  out.push(
    `<svg class="chart chart-history" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${escapeHtml(`${words.historyTitle}. ${description}`)}</title>`,
  );
  // Grid lines and the y axis's ticks.
  for (let v = 0; v <= scaleTop; v += step) {
    out.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d5dae1" stroke-width="1"/>`,
      `<text class="tick" x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${escapeHtml(formatNumber(locale, v))}</text>`,
    );
  }
  out.push(
    `<text class="axis-label" transform="translate(14 ${round(top + plotHeight / 2)}) rotate(-90)" text-anchor="middle" font-size="11">${escapeHtml(words.historyAxis)}</text>`,
  );
  const group = plotWidth / Math.max(1, history.length);
  const bar = Math.min(26, group * 0.24);
  history.forEach((point, i) => {
    const center = left + group * i + group / 2;
    SERIES.forEach((series, s) => {
      const value = point[series.key];
      const x = round(center + (s - 1.5) * bar + (s - 1) * 2);
      const barTop = y(value);
      const barHeight = round(top + plotHeight - barTop);
      out.push(
        `<rect class="bar ${series.css}" x="${x}" y="${barTop}" width="${round(bar)}" height="${Math.max(barHeight, 0)}" fill="${series.fill}"><title>${escapeHtml(`${monthLabel(point.month)} — ${labels[series.key]}: ${formatNumber(locale, value)}`)}</title></rect>`,
      );
      // Zero needs no label: the empty slot says it, and the grid stays readable.
      if (value > 0) {
        out.push(
          `<text class="bar-value" x="${round(x + bar / 2)}" y="${round(barTop - 4)}" text-anchor="middle" font-size="10">${escapeHtml(formatNumber(locale, value))}</text>`,
        );
      }
    });
    const current = point.month === reportMonth ? ' current' : '';
    out.push(
      `<text class="month${current}" x="${round(center)}" y="${height - bottom + 18}" text-anchor="middle" font-size="11"${current ? ' font-weight="bold"' : ''}>${escapeHtml(monthLabel(point.month))}</text>`,
    );
  });
  out.push(`<line class="axis" x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" stroke="#555" stroke-width="1"/>`);
  // The legend, across the top.
  let legendX = left;
  for (const series of SERIES) {
    out.push(
      `<rect class="legend ${series.css}" x="${legendX}" y="10" width="12" height="12" fill="${series.fill}"/>`,
      `<text class="legend-label" x="${legendX + 17}" y="20" font-size="12">${escapeHtml(labels[series.key])}</text>`,
    );
    legendX += 17 + labels[series.key].length * 7 + 22;
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * A sparkline of a metric over the trend's months: a line through the known
 * values (broken where a month has none), a dot on each, the last known
 * value written at the right.
 */
export function trendSparkline(metric: ReportMetric, locale: Locale, id: string): string {
  const words = HTML_WORDS[locale];
  const monthLabel = REPORT_WORDS[locale].monthColumn;
  const width = 132;
  const height = 36;
  const plotLeft = 5;
  const plotRight = 80;
  const plotTop = 6;
  const plotBottom = height - 6;
  const points = metric.trend;
  const known = points.filter((p) => p.value !== undefined).map((p) => p.value!);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => round(points.length <= 1 ? (plotLeft + plotRight) / 2 : plotLeft + ((plotRight - plotLeft) * i) / (points.length - 1));
  const y = (v: number) => round(max === min ? (plotTop + plotBottom) / 2 : plotBottom - ((v - min) / (max - min)) * (plotBottom - plotTop));
  const unit = metric.unit ? ` ${metric.unit}` : '';
  const description = points
    .map((p) => `${monthLabel(p.month)}: ${p.value === undefined ? words.noValue : `${formatExact(locale, p.value)}${unit}`}`)
    .join('; ');
  const titleId = `trend-${id}-title`;
  const out = [
    `<svg class="chart sparkline" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeHtml(titleId)}">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(`${metric.label} — ${words.trend}: ${description}`)}</title>`,
    `<line class="baseline" x1="${plotLeft}" x2="${plotRight}" y1="${plotBottom + 3}" y2="${plotBottom + 3}" stroke="#d5dae1" stroke-width="1"/>`,
  ];
  // One path per run of consecutive known months, so a missing month is a gap.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline class="spark-line" points="${run.join(' ')}" fill="none" stroke="#2f6fb3" stroke-width="1.6"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === undefined) {
      out.push(`<line class="gap" x1="${x(i) - 2}" x2="${x(i) + 2}" y1="${plotBottom + 3}" y2="${plotBottom + 3}" stroke="#999" stroke-width="2"/>`);
      flush();
    } else run.push(`${x(i)},${y(p.value)}`);
  });
  flush();
  let last = -1;
  points.forEach((p, i) => {
    if (p.value === undefined) return;
    last = i;
    out.push(`<circle class="spark-point" cx="${x(i)}" cy="${y(p.value)}" r="2" fill="#2f6fb3"/>`);
  });
  if (last >= 0) {
    const value = points[last]!.value!;
    out.push(
      `<circle class="spark-last" cx="${x(last)}" cy="${y(value)}" r="3.2" fill="#1d4f86"/>`,
      `<text class="spark-value" x="${plotRight + 7}" y="${round(height / 2 + 4)}" font-size="11" font-weight="bold">${escapeHtml(formatExact(locale, value))}</text>`,
    );
  } else {
    out.push(`<text class="spark-value" x="${plotRight + 7}" y="${round(height / 2 + 4)}" font-size="11">—</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

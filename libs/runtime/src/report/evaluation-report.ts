import { IndicatorView, TheoryOfChange } from '@toc/domain';
import { ChainLink, chainLinkText } from '@toc/event-store';
import { DataQuality, LATE_AFTER_DAYS } from './data-quality';

export interface ReportInput {
  readonly model: TheoryOfChange;
  readonly periodType: string;
  readonly period: string;
  readonly views: readonly IndicatorView[];
  /** Quarter-by-quarter values of each indicator, for the trend. */
  readonly trend: Readonly<Record<string, readonly { period: string; result: number | null }[]>>;
  readonly quality: DataQuality;
  readonly generatedAt: string;
  readonly knownAt?: string;
  /** The event store's newest chain link when the report was made, for checking it later. */
  readonly anchor: ChainLink | null;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const share = (view: IndicatorView) => view.aggregation === 'ratio';

export const formatValue = (view: IndicatorView, value: number | null): string => {
  if (value === null) return '–';
  if (share(view)) return `${(value * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`;
  return value.toLocaleString('da-DK', { maximumFractionDigits: 2 });
};

/** A small inline chart; withheld or missing quarters leave a gap. */
const sparkline = (points: readonly { period: string; result: number | null }[]): string => {
  const values = points.map((point) => point.result);
  const known = values.filter((value): value is number => value !== null);
  if (known.length < 2) return '';
  const width = 120;
  const height = 28;
  const min = Math.min(...known, 0);
  const max = Math.max(...known);
  const x = (i: number) => (i / (points.length - 1)) * width;
  const y = (v: number) => height - 2 - ((v - min) / (max - min || 1)) * (height - 4);
  const path = values.map((value, i) => (value === null ? '' : `${i === 0 || values[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(value).toFixed(1)}`)).join(' ');
  const title = points.map((point) => `${point.period}: ${point.result ?? '–'}`).join(', ');
  return `<svg width="${width}" height="${height}" role="img" aria-label="${escape(title)}"><title>${escape(title)}</title><path d="${path}" fill="none" stroke="#1f5f8b" stroke-width="2"/></svg>`;
};

const progressBar = (view: IndicatorView) => {
  const achieved = view.progress.achieved;
  if (achieved === null) return '–';
  const percent = Math.max(0, Math.min(100, achieved * 100));
  return `<div class="bar"><span style="width:${percent.toFixed(0)}%"></span></div>${(achieved * 100).toFixed(0)} %`;
};

const indicatorRow = (view: IndicatorView, trend: ReportInput['trend']) => `
      <tr>
        <td><strong>${escape(view.name.da)}</strong><br><span class="en">${escape(view.name.en)}</span> <code>${escape(view.code)}</code></td>
        <td>${formatValue(view, view.progress.baseline)}</td>
        <td>${formatValue(view, view.progress.target)}</td>
        <td class="value">${view.total.suppressed ? '<span class="withheld">skjult (&lt; 5)</span>' : formatValue(view, view.total.result)}</td>
        <td>${progressBar(view)}</td>
        <td>${sparkline(trend[view.code] ?? [])}</td>
      </tr>`;

/** A self-contained HTML report: the model level by level with each indicator's figures and notes. */
export const evaluationReportHtml = (input: ReportInput): string => {
  const levels = [...input.model.levels].sort((a, b) => a.order - b.order);
  const suppressed = input.views.reduce((sum, view) => sum + view.suppressedCells, 0);
  const sections = levels
    .map((level) => {
      const nodes = input.model.nodes.filter((node) => node.level === level.code);
      const body = nodes
        .map((node) => {
          const views = input.views.filter((view) => view.nodes.includes(node.code));
          const rows = views.length ? views.map((view) => indicatorRow(view, input.trend)).join('') : '<tr><td colspan="6" class="en">Ingen indikatorer / no indicators</td></tr>';
          return `
    <h3>${escape(node.code)} · ${escape(node.label.da)}<br><span class="en">${escape(node.label.en)}</span></h3>
    <table>
      <thead><tr><th>Indikator</th><th>Baseline</th><th>Mål</th><th>Værdi</th><th>Fremdrift</th><th>Udvikling (kvartaler)</th></tr></thead>
      <tbody>${rows}
      </tbody>
    </table>`;
        })
        .join('');
      return `
  <section>
    <h2>${escape(level.label.da)} <span class="en">/ ${escape(level.label.en)}</span></h2>${body}
  </section>`;
    })
    .join('');
  const late = Object.entries(input.quality.lateRecordingsByType)
    .map(([type, count]) => `${escape(type)}: ${count}`)
    .join(', ');
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(input.model.title.da)} – evaluering ${escape(input.period)}</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1d2733; }
  h1 { margin-bottom: 0; } h2 { border-bottom: 2px solid #1f5f8b; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
  .en { color: #5b6875; font-weight: normal; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #dde3e8; vertical-align: middle; }
  th { background: #f2f5f7; font-weight: 600; }
  td.value { font-weight: 600; }
  .withheld { color: #8a5a00; }
  .bar { display: inline-block; width: 80px; height: 8px; background: #e5eaee; margin-right: .4rem; vertical-align: middle; }
  .bar span { display: block; height: 100%; background: #2e8b57; }
  .notes { background: #fff8e6; border: 1px solid #f0d9a0; padding: .8rem 1rem; }
  code { font-size: .8em; color: #5b6875; }
</style>
</head>
<body>
  <h1>${escape(input.model.title.da)}</h1>
  <p class="en">${escape(input.model.title.en)}</p>
  <p>Periode: <strong>${escape(input.periodType)} ${escape(input.period)}</strong> · Udarbejdet ${escape(input.generatedAt)}${input.knownAt ? ` · Data som kendt pr. ${escape(input.knownAt)}` : ''}</p>
  <section class="notes">
    <h2>Datakvalitet <span class="en">/ Data quality</span></h2>
    <ul>
      <li>${input.quality.events} registreringer i alt.</li>
      <li>${input.quality.corrections} rettede og ${input.quality.retractions} tilbagetrukne registreringer (rettelser ændrer aldrig den oprindelige registrering; begge kan ses i revisionssporet).</li>
      <li>${input.quality.lateRecordings} registreringer indført mere end ${LATE_AFTER_DAYS} dage efter at de fandt sted${late ? ` (${late})` : ''}: tidligere rapporter kunne ikke medtage dem.</li>
      <li>${suppressed} celler er skjult, fordi de bygger på færre end 5 foreninger eller personer (inkl. komplementær skjulning).</li>
    </ul>
  </section>${sections}
  <footer>
    <h2>Kontrol <span class="en">/ Tamper evidence</span></h2>
    <p>${
      input.anchor
        ? `Rapporten bygger på hændelsesloggen til og med position ${input.anchor.position}. Kontrolpunkt: <code>${chainLinkText(input.anchor)}</code>. Gem det; <code>npm run cli -- verify --anchor ${chainLinkText(input.anchor)}</code> viser senere, at intet til og med den position er ændret eller slettet.`
        : 'Hændelsesloggen var tom, da rapporten blev udarbejdet.'
    }</p>
    <p class="en">${
      input.anchor
        ? `Built from the event log up to position ${input.anchor.position}. Keep the chain anchor above: verifying against it later shows that nothing up to that position was rewritten or removed.`
        : 'The event log was empty when this report was made.'
    }</p>
  </footer>
</body>
</html>
`;
};

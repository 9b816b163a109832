import { CellValue, IndicatorView, Label, PeriodType, SuppressionReason, TheoryOfChange, findIndicator, label, resourceLines } from '@toc/domain';
import { ChainLink, chainLinkText } from '@toc/event-store';
import { DataQuality, LATE_AFTER_DAYS } from './data-quality';
import { recordKind } from './record-kinds';

/** An indicator in the period its target is compared in. */
export interface TargetFigure {
  readonly periodType: PeriodType;
  readonly period: string;
  readonly view: IndicatorView;
  /** The period had not ended by the moment the figures show, so its figure is the one so far. */
  readonly open: boolean;
}

export interface ReportInput {
  readonly model: TheoryOfChange;
  readonly periodType: string;
  readonly period: string;
  readonly views: readonly IndicatorView[];
  /** Every indicator quarter by quarter up to the end of the reported period, for the trend. */
  readonly quarters: readonly { readonly period: string; readonly views: readonly IndicatorView[] }[];
  /** Each indicator in the period of its target (by code); none when the target date lies outside every period. */
  readonly targets: Readonly<Record<string, TargetFigure>>;
  readonly quality: DataQuality;
  /** Groups of fewer associations or persons than this were withheld. */
  readonly minCellSize: number;
  readonly generatedAt: string;
  readonly knownAt?: string;
  /** The event store's newest chain link when the report was made, for checking it later. */
  readonly anchor: ChainLink | null;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const share = (view: IndicatorView) => view.aggregation === 'ratio';
const quotient = (view: IndicatorView) => share(view) || view.aggregation === 'average';

export const formatValue = (view: IndicatorView, value: number | null): string => {
  if (value === null) return '–';
  if (share(view)) return `${(value * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`;
  return value.toLocaleString('da-DK', { maximumFractionDigits: 2 });
};

/** Danish first, English after it, as everywhere in the report. */
const bilingual = (text: Label) => (text.da === text.en ? escape(text.da) : `${escape(text.da)} <span class="en">/ ${escape(text.en)}</span>`);

const words = (code: string) => code.replace(/[-_]+/g, ' ');

/** Why a cell is withheld; a reason without wording of its own is shown in words. */
const withheldBecause = (reason: string, minCellSize: number): Label => {
  const known: { readonly [R in SuppressionReason]?: Label } = {
    'small-cell': label(`skjult: færre end ${minCellSize} foreninger eller personer`, `withheld: fewer than ${minCellSize} associations or persons`),
    complementary: label('skjult, så en lille gruppe ikke kan regnes ud ved at trække fra', 'withheld so that a small group cannot be worked out by subtraction'),
  };
  return known[reason as SuppressionReason] ?? label(`skjult (${words(reason)})`, `withheld (${words(reason)})`);
};

/** Why a figure is empty or withheld; null for a figure built from records. */
export const figureNote = (view: IndicatorView, cell: CellValue, minCellSize: number): Label | null => {
  if (cell.suppressed) return withheldBecause(cell.suppressed, minCellSize);
  if (quotient(view) && cell.result === null) {
    return share(view) ? label('andel af ingen (nævner 0)', 'a share of nobody (denominator 0)') : label('gennemsnit af ingen (nævner 0)', 'an average of nothing (denominator 0)');
  }
  if (cell.numerator === 0 && cell.denominator === 0 && cell.subjects === 0) return label('ingen registreringer i perioden', 'no records in this period');
  return null;
};

const figureHtml = (view: IndicatorView, cell: CellValue, minCellSize: number) => {
  const note = figureNote(view, cell, minCellSize);
  const value = formatValue(view, cell.result);
  return note ? `${value} <span class="why">${bilingual(note)}</span>` : value;
};

/** Whether a node is one of the resource lines an indicator is broken down by. */
const isResourceBox = (view: IndicatorView, node: string) =>
  view.breakdowns.resourceLine !== undefined && (resourceLines as readonly string[]).includes(node);

/** A resource node's box shows the indicator's cell for its own resource line; any other box the total. */
const nodeFigure = (view: IndicatorView, node: string): CellValue => {
  const lines = view.breakdowns.resourceLine;
  if (lines === undefined || !isResourceBox(view, node)) return view.total;
  const nothing = { dimension: 'resourceLine', value: node, numerator: 0, denominator: 0, subjects: 0, result: quotient(view) ? null : 0, suppressed: null };
  return lines.find((cell) => cell.value === node) ?? nothing;
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

const periodNames: { readonly [T in PeriodType]: Label } = {
  quarter: label('kvartal', 'quarter'),
  'half-year': label('halvår', 'half-year'),
  year: label('år', 'year'),
  programme: label('hele programmet', 'the whole programme'),
};

const periodName = ({ periodType, period }: Pick<TargetFigure, 'periodType' | 'period'>): Label => {
  const name = periodNames[periodType];
  return periodType === 'programme' ? name : label(`${name.da} ${period}`, `${name.en} ${period}`);
};

/** Progress towards the target, measured in the target's own period, which it names. */
const progressHtml = (target: TargetFigure | undefined, resourceBox: boolean, minCellSize: number) => {
  if (!target) return `– <span class="why">${bilingual(label('måldatoen ligger uden for de rapporterede perioder', 'the target date lies outside the reported periods'))}</span>`;
  const { view, open } = target;
  const { achieved } = view.progress;
  const bar =
    achieved === null
      ? '–'
      : `<div class="bar"><span style="width:${Math.max(0, Math.min(100, achieved * 100)).toFixed(0)}%"></span></div>${(achieved * 100).toFixed(0)} %`;
  const where = periodName(target);
  const compared = label(
    `målt på ${where.da}${open ? ' indtil videre' : ''}${resourceBox ? ', alle ressourcelinjer' : ''}`,
    `measured in ${where.en}${open ? ' so far' : ''}${resourceBox ? ', all resource lines' : ''}`,
  );
  return `${bar}<br><span class="compared">${bilingual(compared)}: ${figureHtml(view, view.total, minCellSize)}</span>`;
};

const indicatorRow = (view: IndicatorView, node: string, input: ReportInput) => {
  const resourceBox = isResourceBox(view, node);
  const figure = figureHtml(view, nodeFigure(view, node), input.minCellSize);
  const line = resourceBox ? `<br><span class="en">ressourcelinje / resource line ${escape(node)}</span>` : '';
  const allLines = resourceBox ? `<br><span class="compared">${bilingual(label('alle linjer', 'all lines'))}: ${figureHtml(view, view.total, input.minCellSize)}</span>` : '';
  const trend = input.quarters.map(({ period, views }) => {
    const quarter = views.find((candidate) => candidate.code === view.code);
    return { period, result: quarter ? nodeFigure(quarter, node).result : null };
  });
  const targetDate = findIndicator(view.code)?.target.date;
  return `
      <tr>
        <td><strong>${escape(view.name.da)}</strong><br><span class="en">${escape(view.name.en)}</span> <code>${escape(view.code)}</code>${line}</td>
        <td>${formatValue(view, view.progress.baseline)}</td>
        <td>${formatValue(view, view.progress.target)}${targetDate ? `<br><span class="en">pr. / by ${escape(targetDate)}</span>` : ''}</td>
        <td class="value">${figure}${allLines}</td>
        <td>${progressHtml(input.targets[view.code], resourceBox, input.minCellSize)}</td>
        <td>${sparkline(trend)}</td>
      </tr>`;
};

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
          const rows = views.length ? views.map((view) => indicatorRow(view, node.code, input)).join('') : '<tr><td colspan="6" class="en">Ingen indikatorer / no indicators</td></tr>';
          return `
    <section class="node" id="node-${escape(node.code)}">
    <h3>${escape(node.code)} · ${escape(node.label.da)}<br><span class="en">${escape(node.label.en)}</span></h3>
    <table>
      <thead><tr><th>Indikator</th><th>Baseline</th><th>Mål</th><th>Værdi</th><th>Fremdrift mod mål</th><th>Udvikling (kvartaler)</th></tr></thead>
      <tbody>${rows}
      </tbody>
    </table>
    </section>`;
        })
        .join('');
      return `
  <section>
    <h2>${escape(level.label.da)} <span class="en">/ ${escape(level.label.en)}</span></h2>${body}
  </section>`;
    })
    .join('');
  const awaiting = input.quality.associationsAwaitingFollowUp;
  const late = Object.entries(input.quality.lateRecordingsByType)
    .map(([type, count]) => `${bilingual(recordKind(type))}: ${count}`)
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
  .why { display: block; color: #8a5a00; font-size: .85em; font-weight: normal; }
  .compared { font-size: .85em; font-weight: normal; }
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
  <p>Hvert mål måles i sin egen periode, som står ved fremdriften; kolonnen Værdi viser den rapporterede periode.<br><span class="en">Each target is measured in its own period, named beside its progress; the value column shows the reported period.</span></p>
  <section class="notes">
    <h2>Datakvalitet <span class="en">/ Data quality</span></h2>
    <ul>
      <li>${input.quality.events} registreringer i alt.</li>
      <li>${input.quality.corrections} rettede og ${input.quality.retractions} tilbagetrukne registreringer (rettelser ændrer aldrig den oprindelige registrering; begge kan ses i revisionssporet).</li>
      <li>${input.quality.lateRecordings} registreringer indført mere end ${LATE_AFTER_DAYS} dage efter at de fandt sted${late ? ` (${late})` : ''}: tidligere rapporter kunne ikke medtage dem.</li>
      <li>${awaiting.length} foreninger har en baseline-kapacitetsanalyse, men ingen opfølgning endnu, så deres forandring er ikke målt${awaiting.length ? `: ${awaiting.map(escape).join(', ')}` : ''}.<br><span class="en">${awaiting.length} associations have a baseline capacity assessment but no follow-up yet, so their change is not measured.</span></li>
      <li>${suppressed} celler er skjult, fordi de bygger på færre end ${input.minCellSize} foreninger eller personer (inkl. komplementær skjulning).</li>
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

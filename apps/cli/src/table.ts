import { IndicatorView } from '@toc/domain';
import { formatValue } from '@toc/runtime';

/** Indicator totals as an aligned text table. */
export const indicatorTable = (views: readonly IndicatorView[]): string => {
  const rows = views.map((view) => [
    view.code,
    view.node,
    view.name.en,
    view.total.suppressed ? 'withheld' : formatValue(view, view.total.result),
    formatValue(view, view.progress.target),
    view.progress.achieved === null ? '' : `${(view.progress.achieved * 100).toFixed(0)} %`,
  ]);
  const header = ['code', 'node', 'indicator', 'value', 'target', 'progress'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

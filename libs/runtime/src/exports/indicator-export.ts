import { IndicatorView, findIndicator } from '@toc/domain';
import { CsvOptions, toCsv } from './csv';

const COLUMNS = [
  'code',
  'node',
  'name_da',
  'name_en',
  'unit',
  'periodType',
  'period',
  'dimension',
  'value',
  'numerator',
  'denominator',
  'subjects',
  'result',
  'suppressed',
  'baseline',
  'target',
];

/** One row per total and breakdown cell; withheld cells keep their row with empty figures. */
export const indicatorsCsv = (views: readonly IndicatorView[], options: CsvOptions): string => {
  const rows = views.flatMap((view) => {
    const definition = findIndicator(view.code)!;
    return [view.total, ...Object.values(view.breakdowns).flat()].map((cell) => [
      view.code,
      view.node,
      definition.name.da,
      definition.name.en,
      definition.unit.en,
      view.periodType,
      view.period,
      cell.dimension,
      cell.value,
      cell.numerator,
      cell.denominator,
      cell.subjects,
      cell.result,
      cell.suppressed,
      view.progress.baseline,
      view.progress.target,
    ]);
  });
  return toCsv(COLUMNS, rows, options);
};

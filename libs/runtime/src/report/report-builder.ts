import {
  IndicatorDefinition,
  PeriodType,
  ProgrammeCalendar,
  firstDayOf,
  indicatorCatalogue,
  lastDayOf,
  localDate,
  periodEndsCovered,
  periodOf,
  taskForceIntegration2010,
} from '@toc/domain';
import { EventStore, IntegrityVerifier } from '@toc/event-store';
import { IndicatorReader, ReplayMoment } from '@toc/read-models';
import { AppConfig } from '../config';
import { dataQuality } from './data-quality';
import { TargetFigure, evaluationReportHtml } from './evaluation-report';

/** The programme's quarters up to the end of the reported period, for the trend. */
const quartersUpTo = (calendar: ProgrammeCalendar, periodType: PeriodType, period: string): string[] => {
  const end = lastDayOf(periodType, period, calendar);
  return periodEndsCovered('quarter', calendar.start, null, calendar).filter((quarter) => lastDayOf('quarter', quarter, calendar) <= end);
};

export interface ReportPeriod {
  readonly periodType: PeriodType;
  readonly period: string;
}

/**
 * The period a target is compared in. A target holds by its date, counted from the start, so
 * the longest period the indicator is reported for that ends on that date (a target by
 * 2010-12-31 is compared with the year 2010, one by the programme's last day with the whole
 * programme; a share at the end of a period is the same in every period ending that day).
 * A date that ends no period is compared in the shortest period that contains it.
 */
export const targetPeriod = (definition: IndicatorDefinition, calendar: ProgrammeCalendar): ReportPeriod | undefined => {
  const { date } = definition.target;
  const containing = definition.periodTypes
    .map((periodType) => {
      const period = periodOf(periodType, date);
      return { periodType, period, first: firstDayOf(periodType, period, calendar), last: lastDayOf(periodType, period, calendar) };
    })
    .filter(({ first, last }) => first <= date && date <= last);
  const longestEndingThen = containing.filter(({ last }) => last === date).sort((a, b) => a.first.localeCompare(b.first))[0];
  const shortest = [...containing].sort((a, b) => b.first.localeCompare(a.first) || a.last.localeCompare(b.last))[0];
  const chosen = longestEndingThen ?? shortest;
  return chosen && { periodType: chosen.periodType, period: chosen.period };
};

/** What a report reads: the indicators, the event log (data quality and its anchor) and the programme's dates. */
export interface ReportSources {
  readonly indicators: Pick<IndicatorReader, 'at' | 'minCellSize'>;
  readonly events: Pick<EventStore, 'readAll'> & Pick<IntegrityVerifier, 'chainHead'>;
  readonly config: Pick<AppConfig, 'programmeStart' | 'programmeEnd'>;
}

/** The evaluation report of one period, from the live read model or as known at a past moment. */
export const buildEvaluationReport = async (
  sources: ReportSources,
  options: ReportPeriod & { moment?: ReplayMoment; now: Date },
): Promise<string> => {
  const indicators = await sources.indicators.at(options.moment);
  const views = await indicators({ periodType: options.periodType, period: options.period });
  const calendar = { start: sources.config.programmeStart, end: sources.config.programmeEnd };
  const quarters = [];
  for (const quarter of quartersUpTo(calendar, options.periodType, options.period)) {
    quarters.push({ period: quarter, views: await indicators({ periodType: 'quarter', period: quarter }) });
  }
  // What the figures can show by: the moment asked about, or today.
  const seenBy = localDate(options.moment?.asOf ?? options.moment?.knownAt ?? options.now.toISOString());
  const targets: Record<string, TargetFigure> = {};
  const byPeriod = new Map<string, { period: ReportPeriod; codes: string[] }>();
  for (const definition of indicatorCatalogue) {
    const period = targetPeriod(definition, calendar);
    if (!period) continue;
    const key = `${period.periodType}|${period.period}`;
    const group = byPeriod.get(key) ?? { period, codes: [] };
    group.codes.push(definition.code);
    byPeriod.set(key, group);
  }
  for (const { period, codes } of byPeriod.values()) {
    const open = lastDayOf(period.periodType, period.period, calendar) > seenBy;
    for (const view of await indicators({ ...period, codes })) targets[view.code] = { ...period, view, open };
  }
  return evaluationReportHtml({
    model: taskForceIntegration2010,
    periodType: options.periodType,
    period: options.period,
    views,
    quarters,
    targets,
    quality: await dataQuality(sources.events, options.moment?.knownAt),
    minCellSize: sources.indicators.minCellSize,
    generatedAt: options.now.toISOString(),
    knownAt: options.moment?.knownAt,
    anchor: await sources.events.chainHead(),
  });
};

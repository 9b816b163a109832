import { PeriodType, ProgrammeCalendar, lastDayOf, periodEndsCovered, taskForceIntegration2010 } from '@toc/domain';
import { EventStore, IntegrityVerifier } from '@toc/event-store';
import { IndicatorReader, ReplayMoment } from '@toc/read-models';
import { AppConfig } from '../config';
import { dataQuality } from './data-quality';
import { evaluationReportHtml } from './evaluation-report';

/** The programme's quarters up to the end of the reported period, for the trend. */
const quartersUpTo = (calendar: ProgrammeCalendar, periodType: PeriodType, period: string): string[] => {
  const end = lastDayOf(periodType, period, calendar);
  return periodEndsCovered('quarter', calendar.start, null, calendar).filter((quarter) => lastDayOf('quarter', quarter, calendar) <= end);
};

/** What a report reads: the indicators, the event log (data quality and its anchor) and the programme's dates. */
export interface ReportSources {
  readonly indicators: IndicatorReader;
  readonly events: EventStore & IntegrityVerifier;
  readonly config: Pick<AppConfig, 'programmeStart' | 'programmeEnd'>;
}

/** The evaluation report of one period, from the live read model or as known at a past moment. */
export const buildEvaluationReport = async (
  sources: ReportSources,
  options: { periodType: PeriodType; period: string; moment?: ReplayMoment; now: Date },
): Promise<string> => {
  const indicators = await sources.indicators.at(options.moment);
  const views = await indicators({ periodType: options.periodType, period: options.period });
  const calendar = { start: sources.config.programmeStart, end: sources.config.programmeEnd };
  const trend: Record<string, { period: string; result: number | null }[]> = {};
  for (const quarter of quartersUpTo(calendar, options.periodType, options.period)) {
    for (const view of await indicators({ periodType: 'quarter', period: quarter })) {
      (trend[view.code] ??= []).push({ period: quarter, result: view.total.result });
    }
  }
  return evaluationReportHtml({
    model: taskForceIntegration2010,
    periodType: options.periodType,
    period: options.period,
    views,
    trend,
    quality: await dataQuality(sources.events, options.moment?.knownAt),
    generatedAt: options.now.toISOString(),
    knownAt: options.moment?.knownAt,
    anchor: await sources.events.chainHead(),
  });
};

import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { domainUpcasters } from '@toc/domain';
import { AuditTrail } from '@toc/event-store';
import { IndicatorReader, diffIndicators } from '@toc/read-models';
import { AppConfig, AuditableEventStore, EVENT_COLUMNS, buildEvaluationReport, csvEventLine, csvLine, dataQuality, indicatorsCsv, ndjsonLine } from '@toc/runtime';
import { checkedPeriod } from '../indicators/indicator-query.dto';
import { APP_CONFIG, Clock, EVENT_STORE } from '../runtime.module';
import { AuditFilterDto, DiffQueryDto, ExportFormatDto, IndicatorExportDto, KnownAtQueryDto, MomentQueryDto, toLogFilter } from './audit.dto';
import { Allow } from '../auth/allow';
import { Logged } from '../access-log/logged';
import { streamChunks } from '../http/streamed-response';

const EXPORT_PAGE = 1000;

@ApiTags('evaluation')
@Controller('v1')
@Allow('evaluator')
export class AuditController {
  private readonly trail: AuditTrail;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly eventStore: AuditableEventStore,
    private readonly indicators: IndicatorReader,
    private readonly clock: Clock,
  ) {
    this.trail = new AuditTrail(eventStore, domainUpcasters);
  }

  @Get('audit/events')
  @ApiOperation({ summary: 'The audit log: who recorded what, when (both times), on whose behalf, and later amendments' })
  events(@Query() filter: AuditFilterDto) {
    return this.trail.page(toLogFilter(filter));
  }

  @Get('audit/streams/:streamId')
  @ApiOperation({ summary: 'The full history of one stream with its corrections and retractions' })
  async stream(@Param('streamId') streamId: string) {
    return { streamId, entries: await this.trail.stream(streamId) };
  }

  @Get('audit/export')
  @Logged('export')
  @ApiOperation({ summary: 'The filtered audit log as NDJSON or CSV (UTF-8 with BOM), streamed' })
  async export(@Query() query: ExportFormatDto, @Res() response: Response) {
    const csv = query.format === 'csv';
    response.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="events.${csv ? 'csv' : 'ndjson'}"`);
    await streamChunks(response, this.exportPages(query));
  }

  /** The export page by page, read only as fast as the client takes it. */
  private async *exportPages(query: ExportFormatDto) {
    const csv = query.format === 'csv';
    const options = { separator: query.separator ?? ';', decimalComma: false, bom: true } as const;
    if (csv) yield '\uFEFF' + csvLine(EVENT_COLUMNS, options);
    const backwards = query.direction === 'backwards';
    for (let cursor = backwards ? query.before : query.after; ; ) {
      const page = await this.trail.page({ ...toLogFilter(query, EXPORT_PAGE), ...(backwards ? { before: cursor } : { after: cursor }) });
      yield page.entries.map((entry) => (csv ? csvEventLine(entry, options) : ndjsonLine(entry))).join('');
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  @Get('replay/indicators')
  @Logged('replay')
  @ApiOperation({ summary: 'Indicator values as of a business time and/or as known at a recording time, by the live definitions' })
  async replay(@Query() query: MomentQueryDto) {
    const periodType = query.periodType ?? 'programme';
    const period = checkedPeriod(periodType, query.period);
    const indicators = await this.indicators.at({ asOf: query.asOf, knownAt: query.knownAt });
    return { asOf: query.asOf ?? null, knownAt: query.knownAt ?? null, periodType, period, indicators: await indicators({ periodType, period }) };
  }

  @Get('replay/diff')
  @Logged('replay')
  @ApiOperation({ summary: 'Every indicator figure that differs between two moments' })
  async diff(@Query() query: DiffQueryDto) {
    const periodType = query.periodType ?? 'programme';
    const period = checkedPeriod(periodType, query.period);
    const from = { asOf: query.fromAsOf, knownAt: query.fromKnownAt };
    const to = { asOf: query.toAsOf, knownAt: query.toKnownAt };
    const [before, after] = await Promise.all([from, to].map(async (moment) => (await this.indicators.at(moment))({ periodType, period })));
    return { periodType, period, from, to, changes: diffIndicators(before, after) };
  }

  @Get('exports/indicators.csv')
  @Logged('export')
  @ApiOperation({ summary: 'Indicator table as CSV for Excel (UTF-8 with BOM; ";" and decimal comma by default); small cells withheld' })
  async indicatorsCsv(@Query() query: IndicatorExportDto, @Res() response: Response) {
    const periodType = query.periodType ?? 'programme';
    const period = checkedPeriod(periodType, query.period);
    const views = await (await this.indicators.at({ asOf: query.asOf, knownAt: query.knownAt }))({ periodType, period });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="indicators-${period}.csv"`);
    response.send(indicatorsCsv(views, { separator: query.separator ?? ';', decimalComma: (query.decimal ?? 'comma') === 'comma', bom: true }));
  }

  @Get('reports/data-quality')
  @Logged('report')
  @ApiOperation({
    summary: 'What to know about the records behind the figures: corrections, retractions, late recordings, associations with a baseline but no follow-up',
  })
  qualityOfRecords(@Query() query: KnownAtQueryDto) {
    return dataQuality(this.eventStore, query.knownAt);
  }

  @Get('reports/evaluation')
  @Logged('report')
  @ApiOperation({ summary: 'A self-contained HTML evaluation report for one period (optionally as known at a past moment)' })
  async report(@Query() query: MomentQueryDto, @Res() response: Response) {
    const html = await buildEvaluationReport({ indicators: this.indicators, events: this.eventStore, config: this.config }, {
      periodType: query.periodType ?? 'programme',
      period: checkedPeriod(query.periodType ?? 'programme', query.period),
      moment: { asOf: query.asOf, knownAt: query.knownAt },
      now: this.clock.now(),
    });
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.send(html);
  }
}

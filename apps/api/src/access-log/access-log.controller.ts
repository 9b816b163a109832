import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ACCESS_LOG_COLUMNS, AccessLog, accessLogCsvLine, accessLogNdjsonLine, csvLine } from '@toc/runtime';
import { Allow } from '../auth/allow';
import { streamChunks } from '../http/streamed-response';
import { AccessLogExportDto, AccessLogPageDto, toAccessLogFilter } from './access-log.dto';
import { Logged } from './logged';

/** The access log is for admins; reading it is itself logged, so nobody looks at who read what unseen. */
@ApiTags('admin')
@Controller('v1/admin/access-log')
@Allow('admin')
export class AccessLogController {
  constructor(private readonly log: AccessLog) {}

  @Get()
  @Logged('read-access-log')
  @ApiOperation({ summary: 'Who read, recorded or erased personal data, exported, replayed, ran reports or changed projections; oldest first, paged' })
  page(@Query() query: AccessLogPageDto) {
    return this.log.page({ ...toAccessLogFilter(query), after: query.after, limit: query.limit ?? 100 });
  }

  @Get('export')
  @Logged('export')
  @ApiOperation({ summary: 'The filtered access log as NDJSON or CSV (UTF-8 with BOM), streamed' })
  async export(@Query() query: AccessLogExportDto, @Res() response: Response) {
    const csv = query.format === 'csv';
    response.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="access-log.${csv ? 'csv' : 'ndjson'}"`);
    await streamChunks(response, this.exportPages(query));
  }

  private async *exportPages(query: AccessLogExportDto) {
    const csv = query.format === 'csv';
    const options = { separator: query.separator ?? ';', decimalComma: false, bom: true } as const;
    if (csv) yield '\uFEFF' + csvLine(ACCESS_LOG_COLUMNS, options);
    for await (const page of this.log.pages(toAccessLogFilter(query))) yield page.map((entry) => (csv ? accessLogCsvLine(entry, options) : accessLogNdjsonLine(entry))).join('');
  }
}

import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { findIndicator, taskForceIntegration2010 } from '@toc/domain';
import { IndicatorReader } from '@toc/read-models';
import { PeriodQueryDto } from './indicator-query.dto';
import { ReadModelAccess } from './read-model-access';
import { Allow } from '../auth/allow';

@ApiTags('indicators')
@Controller('v1')
@Allow('evaluator')
export class IndicatorsController {
  constructor(
    private readonly reader: IndicatorReader,
    private readonly access: ReadModelAccess,
  ) {}

  @Get('indicators')
  @ApiOperation({ summary: 'Every indicator for one period: totals, breakdowns, progress; small cells withheld' })
  async all(@Query() query: PeriodQueryDto) {
    return this.read(query);
  }

  @Get('indicators/:code')
  @ApiOperation({ summary: 'One indicator for one period' })
  async one(@Param('code') code: string, @Query() query: PeriodQueryDto) {
    if (!findIndicator(code)) throw new NotFoundException({ statusCode: 404, message: [`indicator ${code} does not exist`] });
    const { indicators, ...rest } = await this.read(query, [code]);
    return { ...rest, indicator: indicators[0] };
  }

  @Get('periods')
  @ApiOperation({ summary: 'Periods of a type that have indicator values' })
  async periods(@Query() query: PeriodQueryDto) {
    const periodType = query.periodType ?? 'programme';
    return { periodType, periods: await (await this.reader.live()).periods(periodType) };
  }

  @Get('theory-of-change/values')
  @ApiOperation({ summary: "The model with each node's indicators and their values for one period" })
  async modelWithValues(@Query() query: PeriodQueryDto) {
    const { indicators, ...rest } = await this.read(query);
    return {
      ...rest,
      model: { ...taskForceIntegration2010, nodes: taskForceIntegration2010.nodes.map((node) => ({ ...node, indicators: indicators.filter((view) => view.nodes.includes(node.code)) })) },
    };
  }

  private async read(query: PeriodQueryDto, codes?: string[]) {
    await this.access.caughtUpTo(query.minPosition);
    const live = await this.reader.live();
    const periodType = query.periodType ?? 'programme';
    const period = await this.access.resolvePeriod(live, periodType, query.period);
    return { readModel: live.namespace, periodType, period, indicators: await live.query({ periodType, period, codes }) };
  }
}

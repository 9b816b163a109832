import { Body, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { AppConfig } from '@toc/runtime';
import { Envelope } from '../../http/request-context';
import { invalidInput } from '../../http/validation';
import { APP_CONFIG } from '../../runtime.module';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { AllocateResourceDto, RecordResourceUseDto, statedUseErrors } from './resource.dto';

@CommandController('v1/resource-allocations', 'resources')
export class ResourcesController {
  constructor(
    private readonly sender: CommandSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** FTE are converted at the service's setting; the decider records the rate with the figures. */
  private rate(inFte: boolean) {
    return inFte ? { hoursPerFteYear: this.config.hoursPerFteYear } : {};
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Allocate staff time or budget of a resource line for a period' })
  async allocate(@Body() dto: AllocateResourceDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd } = dto;
    const data = { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd, ...this.rate(unit === 'fte') };
    return this.sender.send(response, 'AllocateResource', data, dto, envelope);
  }

  @Post(':id/uses')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record use of an allocation: DKK of a budget, or staff time as hours or as FTE over a period' })
  async use(@IdParam() id: string, @Body() dto: RecordResourceUseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const errors = statedUseErrors(dto);
    if (errors.length > 0) throw invalidInput(errors);
    const { amount, hours, fte, period, note } = dto;
    return this.sender.send(response, 'RecordResourceUse', { allocationId: id, amount, hours, fte, period, note, ...this.rate(fte !== undefined) }, dto, envelope);
  }
}

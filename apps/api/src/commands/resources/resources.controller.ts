import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { AllocateResourceDto, RecordResourceUseDto } from './resource.dto';

@CommandController('v1/resource-allocations', 'resources')
export class ResourcesController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Allocate staff time or budget of a resource line for a period' })
  async allocate(@Body() dto: AllocateResourceDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd } = dto;
    return this.sender.send(response, 'AllocateResource', { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd }, dto, envelope);
  }

  @Post(':id/uses')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record use of an allocation on the business date of occurredAt' })
  async use(@IdParam() id: string, @Body() dto: RecordResourceUseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { amount, note } = dto;
    return this.sender.send(response, 'RecordResourceUse', { allocationId: id, amount, note }, dto, envelope);
  }
}

import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { HoldSeminarDto } from './seminar.dto';

@CommandController('v1/seminars', 'seminars')
export class SeminarsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a held seminar or event with head counts per target group' })
  async hold(@Body() dto: HoldSeminarDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { seminarId, format, title, housingArea, participantsByTargetGroup, associationIds, staffIds } = dto;
    const { staff, associations, citizens } = participantsByTargetGroup;
    return this.sender.send(response, 'HoldSeminar', {
      seminarId,
      format,
      title,
      housingArea,
      participantsByTargetGroup: { staff, associations, citizens },
      associationIds: [...associationIds],
      staffIds: [...staffIds],
    }, dto, envelope);
  }
}

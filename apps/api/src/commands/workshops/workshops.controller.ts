import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { HoldWorkshopDto, RecordWorkshopFeedbackDto } from './workshop.dto';

@CommandController('v1/workshops', 'workshops')
export class WorkshopsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a held competence-development workshop for staff' })
  async hold(@Body() dto: HoldWorkshopDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { workshopId, topic, housingArea, participantStaffIds } = dto;
    return this.sender.send(response, 'HoldWorkshop', { workshopId, topic, housingArea, participantStaffIds: [...participantStaffIds] }, dto, envelope);
  }

  @Post(':id/feedback')
  @HttpCode(201)
  @ApiOperation({ summary: "Record a participant's reaction and learning scores" })
  async feedback(
    @IdParam() id: string,
    @Body() dto: RecordWorkshopFeedbackDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { staffId, reactionScore, learningScore } = dto;
    return this.sender.send(response, 'RecordWorkshopFeedback', { workshopId: id, staffId, reactionScore, learningScore }, dto, envelope);
  }
}

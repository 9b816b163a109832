import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { RecordEvaluationMilestoneDto } from './evaluation.dto';

@CommandController('v1/evaluation-milestones', 'evaluation')
export class EvaluationController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a reached milestone of the evaluation' })
  async record(@Body() dto: RecordEvaluationMilestoneDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { milestoneId, milestone, title, note } = dto;
    // The event keeps the note as a string, empty when none was given.
    return this.sender.send(response, 'RecordEvaluationMilestone', { milestoneId, milestone, title, note: note ?? '' }, dto, envelope);
  }
}

import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { evaluationDecider, streamName } from '@toc/domain';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController, acceptedCommand } from '../command-response';
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
    const result = await this.sender.send(
      evaluationDecider,
      streamName('evaluation', milestoneId),
      'RecordEvaluationMilestone',
      // The event keeps the note as a string, empty when none was given.
      { milestoneId, milestone, title, note: note ?? '' },
      dto,
      envelope,
    );
    return acceptedCommand(response, result);
  }
}

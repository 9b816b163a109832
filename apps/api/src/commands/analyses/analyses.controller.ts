import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { analysisDecider, streamName } from '@toc/domain';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController, acceptedCommand } from '../command-response';
import { CommandSender } from '../command-sender';
import { CompleteGoodPracticeAnalysisDto } from './analysis.dto';

@CommandController('v1/good-practice-analyses', 'analyses')
export class AnalysesController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a completed analysis of good practice in citizen involvement' })
  async complete(@Body() dto: CompleteGoodPracticeAnalysisDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { analysisId, housingArea, practicesIdentified, summary } = dto;
    const result = await this.sender.send(
      analysisDecider,
      streamName('analysis', analysisId),
      'CompleteGoodPracticeAnalysis',
      { analysisId, housingArea, practicesIdentified, summary },
      dto,
      envelope,
    );
    return acceptedCommand(response, result);
  }
}

import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
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
    return this.sender.send(response, 'CompleteGoodPracticeAnalysis', { analysisId, housingArea, practicesIdentified, summary }, dto, envelope);
  }
}

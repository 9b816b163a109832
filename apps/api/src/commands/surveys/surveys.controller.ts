import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { AnswerSurveyDto } from './survey.dto';

@CommandController('v1/survey-responses', 'surveys')
export class SurveysController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Record one respondent's answers to a survey wave" })
  async answer(@Body() dto: AnswerSurveyDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { respondentId, respondentKind, associationId, staffId, wave, answers } = dto;
    return this.sender.send(response, 'AnswerSurvey', {
      respondentId,
      respondentKind,
      ...(associationId !== undefined && { associationId }),
      ...(staffId !== undefined && { staffId }),
      wave,
      answers: answers.map(({ statement, score }) => ({ statement, score })),
    }, dto, envelope);
  }
}

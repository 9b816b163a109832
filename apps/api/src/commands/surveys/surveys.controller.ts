import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { streamName, surveyDecider } from '@toc/domain';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController, acceptedCommand } from '../command-response';
import { CommandSender, Reference } from '../command-sender';
import { AnswerSurveyDto } from './survey.dto';

@CommandController('v1/survey-responses', 'surveys')
export class SurveysController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Record one respondent's answers to a survey wave" })
  async answer(@Body() dto: AnswerSurveyDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { respondentId, respondentKind, associationId, staffId, wave, answers } = dto;
    const references: Reference[] = [
      ...(associationId !== undefined ? [{ streamId: streamName('association', associationId), field: 'associationId' }] : []),
      ...(staffId !== undefined ? [{ streamId: streamName('staff', staffId), field: 'staffId' }] : []),
    ];
    const result = await this.sender.send(
      surveyDecider,
      streamName('respondent', respondentId),
      'AnswerSurvey',
      {
        respondentId,
        respondentKind,
        ...(associationId !== undefined && { associationId }),
        ...(staffId !== undefined && { staffId }),
        wave,
        answers: answers.map(({ statement, score }) => ({ statement, score })),
      },
      dto,
      envelope,
      references,
    );
    return acceptedCommand(response, result);
  }
}

import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { CorrectAssociationDetailsDto, RecordCapacityAssessmentDto, RegisterAssociationDto } from './association.dto';

@CommandController('v1/associations', 'associations')
export class AssociationsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an ethnic minority association' })
  async register(@Body() dto: RegisterAssociationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { associationId, name, housingArea, associationType, sizeBand } = dto;
    return this.sender.send(response, 'RegisterAssociation', { associationId, name, housingArea, associationType, sizeBand }, dto, envelope);
  }

  @Post(':id/corrections')
  @HttpCode(201)
  @ApiOperation({ summary: "Correct an association's registered details" })
  async correct(
    @IdParam() id: string,
    @Body() dto: CorrectAssociationDetailsDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { name, housingArea, associationType, sizeBand, reason } = dto;
    return this.sender.send(response, 'CorrectAssociationDetails', { associationId: id, name, housingArea, associationType, sizeBand, reason }, dto, envelope);
  }

  @Post(':id/capacity-assessments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a baseline or follow-up capacity assessment' })
  async assess(
    @IdParam() id: string,
    @Body() dto: RecordCapacityAssessmentDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { assessmentId, wave, instrumentVersion, mode, items } = dto;
    return this.sender.send(response, 'RecordCapacityAssessment', { associationId: id, assessmentId, wave, instrumentVersion, mode, items: items.map(({ domain, score, evidence }) => ({ domain, score, evidence })) }, dto, envelope);
  }
}

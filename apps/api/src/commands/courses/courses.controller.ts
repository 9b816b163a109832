import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { IdParam } from '../id.param';
import { CompleteCourseDto, DesignCourseDto, EnrolAssociationDto, HoldCourseSessionDto, StartCourseDto } from './course.dto';

@CommandController('v1/courses', 'courses')
export class CoursesController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Design a capacity-building course for associations' })
  async design(@Body() dto: DesignCourseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { courseId, title, housingArea, modules, plannedSessions } = dto;
    return this.sender.send(response, 'DesignCourse', { courseId, title, housingArea, modules: [...modules], plannedSessions }, dto, envelope);
  }

  @Post(':id/start')
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a designed course' })
  async start(@IdParam() id: string, @Body() dto: StartCourseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    return this.sender.send(response, 'StartCourse', { courseId: id }, dto, envelope);
  }

  @Post(':id/enrolments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Enrol a registered association with its representatives' })
  async enrol(@IdParam() id: string, @Body() dto: EnrolAssociationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { associationId, representativeIds } = dto;
    return this.sender.send(response, 'EnrolAssociation', { courseId: id, associationId, representativeIds: [...representativeIds] }, dto, envelope);
  }

  @Post(':id/sessions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a held session and who attended; send correction to replace an earlier session record' })
  async session(@IdParam() id: string, @Body() dto: HoldCourseSessionDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { sessionNumber, module, attendeeIds } = dto;
    return this.sender.send(response, 'HoldCourseSession', { courseId: id, sessionNumber, module, attendeeIds: [...attendeeIds] }, dto, envelope);
  }

  @Post(':id/completion')
  @HttpCode(201)
  @ApiOperation({ summary: 'Complete a running course, naming the associations that completed it' })
  async complete(@IdParam() id: string, @Body() dto: CompleteCourseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    return this.sender.send(response, 'CompleteCourse', { courseId: id, completedAssociationIds: [...dto.completedAssociationIds] }, dto, envelope);
  }
}

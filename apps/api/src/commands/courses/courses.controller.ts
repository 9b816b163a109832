import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { courseDecider, streamName } from '@toc/domain';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { CommandController, acceptedCommand } from '../command-response';
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
    const result = await this.sender.send(
      courseDecider,
      streamName('course', courseId),
      'DesignCourse',
      { courseId, title, housingArea, modules: [...modules], plannedSessions },
      dto,
      envelope,
    );
    return acceptedCommand(response, result);
  }

  @Post(':id/start')
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a designed course' })
  async start(@IdParam() id: string, @Body() dto: StartCourseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const result = await this.sender.send(courseDecider, streamName('course', id), 'StartCourse', { courseId: id }, dto, envelope);
    return acceptedCommand(response, result);
  }

  @Post(':id/enrolments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Enrol a registered association with its representatives' })
  async enrol(@IdParam() id: string, @Body() dto: EnrolAssociationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { associationId, representativeIds } = dto;
    const result = await this.sender.send(
      courseDecider,
      streamName('course', id),
      'EnrolAssociation',
      { courseId: id, associationId, representativeIds: [...representativeIds] },
      dto,
      envelope,
      [{ streamId: streamName('association', associationId), field: 'associationId' }],
    );
    return acceptedCommand(response, result);
  }

  @Post(':id/sessions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a held session and who attended; send correction to replace an earlier session record' })
  async session(@IdParam() id: string, @Body() dto: HoldCourseSessionDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const { sessionNumber, module, attendeeIds } = dto;
    const result = await this.sender.send(
      courseDecider,
      streamName('course', id),
      'HoldCourseSession',
      { courseId: id, sessionNumber, module, attendeeIds: [...attendeeIds] },
      dto,
      envelope,
    );
    return acceptedCommand(response, result);
  }

  @Post(':id/completion')
  @HttpCode(201)
  @ApiOperation({ summary: 'Complete a running course, naming the associations that completed it' })
  async complete(@IdParam() id: string, @Body() dto: CompleteCourseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) response: Response) {
    const result = await this.sender.send(
      courseDecider,
      streamName('course', id),
      'CompleteCourse',
      { courseId: id, completedAssociationIds: [...dto.completedAssociationIds] },
      dto,
      envelope,
    );
    return acceptedCommand(response, result);
  }
}

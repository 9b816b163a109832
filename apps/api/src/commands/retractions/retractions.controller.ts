import { BadRequestException, Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { isValidId, notFound, parseStreamName } from '@toc/domain';
import { CommandEnvelope } from '@toc/event-store';
import { Runtime } from '@toc/runtime';
import { Envelope } from '../../http/request-context';
import { Clock } from '../../runtime.module';
import { CommandController, acceptedCommand } from '../command-response';
import { RetractRecordDto } from './retraction.dto';

const pathError = (field: string, rule: string, message: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message], errors: [{ field: `path:${field}`, rule, message }] });

@CommandController('v1/streams', 'streams')
export class RetractionsController {
  constructor(
    private readonly runtime: Runtime,
    private readonly clock: Clock,
  ) {}

  @Post(':streamId/events/:eventId/retraction')
  @HttpCode(201)
  @ApiOperation({ summary: 'Withdraw an earlier record of a stream; projections undo its effect' })
  async retract(
    @Param('streamId') streamId: string,
    @Param('eventId') eventId: string,
    @Body() dto: RetractRecordDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!parseStreamName(streamId)) throw pathError('streamId', 'isStreamName', 'streamId must be <category>-<id> with a known category');
    if (!isValidId(eventId)) throw pathError('eventId', 'matches', 'eventId must be 1-100 letters, digits or _ . : - starting with a letter or digit');
    // The runner would call a missing stream an unknown event; a stream that never existed is a 404 like any other command.
    const [first] = await this.runtime.events.readStream(streamId, { limit: 1 });
    if (!first) notFound(`stream ${streamId}`);
    const context = { occurredAt: dto.occurredAt, now: this.clock.now().toISOString(), actor: envelope.actor };
    const result = await this.runtime.commands.retract(streamId, context, { ...envelope, correctionOf: { eventId, reason: dto.reason } });
    return acceptedCommand(response, result);
  }
}

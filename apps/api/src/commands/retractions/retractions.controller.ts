import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ID_FORMAT, isValidId, parseStreamName } from '@toc/domain';
import { CommandEnvelope } from '@toc/event-store';
import { Envelope } from '../../http/request-context';
import { invalidInput } from '../../http/validation';
import { CommandController } from '../command-response';
import { CommandSender } from '../command-sender';
import { RetractRecordDto } from './retraction.dto';

const pathError = (field: string, rule: string, message: string) => invalidInput([{ field: `path:${field}`, rule, message }]);

@CommandController('v1/streams', 'streams')
export class RetractionsController {
  constructor(private readonly sender: CommandSender) {}

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
    if (!isValidId(eventId)) throw pathError('eventId', 'matches', `eventId must be ${ID_FORMAT}`);
    return this.sender.send(response, 'RetractRecord', { streamId, eventId, reason: dto.reason }, dto, envelope);
  }
}

import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { domainUpcasters, parseStreamName } from '@toc/domain';
import { EventStore } from '@toc/event-store';
import { invalidInput } from '../http/validation';
import { EVENT_STORE } from '../runtime.module';
import { Allow } from '../auth/allow';

@ApiTags('streams')
@Controller('v1/streams')
@Allow('recorder', 'evaluator')
export class StreamsController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Get(':streamId')
  @ApiOperation({ summary: "A stream's events in order, as the domain reads them (older versions upcast)" })
  @ApiQuery({ name: 'direction', required: false, enum: ['forwards', 'backwards'] })
  async read(@Param('streamId') streamId: string, @Query('direction') direction: string | undefined, @Res({ passthrough: true }) response: Response) {
    if (!parseStreamName(streamId)) {
      const message = 'streamId must be <category>-<id> with a known category';
      throw invalidInput([{ field: 'path:streamId', rule: 'isStreamName', message }]);
    }
    if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
      const message = 'direction must be one of forwards, backwards';
      throw invalidInput([{ field: 'query:direction', rule: 'isIn', message }]);
    }
    const events = (await this.events.readStream(streamId, { direction: direction ?? 'forwards' })).map((event) => domainUpcasters.upcast(event));
    const revision = direction === 'backwards' ? (events[0]?.revision ?? -1) : (events[events.length - 1]?.revision ?? -1);
    response.setHeader('ETag', `"${revision}"`);
    return { streamId, revision, events };
  }
}

import { Controller, applyDecorators } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandResult } from '@toc/event-store';
import { Allow } from '../auth/allow';

export interface AcceptedCommand {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly events: readonly { readonly eventId: string; readonly type: string }[];
}

/** The body of an accepted command; the ETag is the stream revision to send back as If-Match. */
export const acceptedCommand = (response: Response, result: CommandResult): AcceptedCommand => {
  response.setHeader('ETag', `"${result.nextExpectedRevision}"`);
  response.setHeader('Location', `/v1/streams/${result.streamId}`);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return {
    streamId: result.streamId,
    revision: result.nextExpectedRevision,
    position: result.position,
    events: result.events.map((event) => ({ eventId: event.metadata.eventId, type: event.type })),
  };
};

/** A controller of command endpoints: its OpenAPI tag, open to recorders only. */
export const CommandController = (path: string, tag: string) =>
  applyDecorators(
    ApiTags(tag),
    Allow('recorder'),
    Controller(path),
  );

import type { Response } from 'express';
import { CommandResult } from '@toc/event-store';

/** The body of an accepted command; the ETag is the stream revision to send back as If-Match. */
export const acceptedCommand = (response: Response, result: CommandResult) => {
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

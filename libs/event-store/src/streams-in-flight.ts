import { RecordedEvent, UpcasterChain } from '@toc/domain';
import { EventStore } from './event-store.port';

interface StreamInFlight {
  readonly events: RecordedEvent[];
  writers: number;
}

/**
 * The stored events of the streams that have commands in flight. Commands queued on one stream
 * read only what was appended after what the one before them read, instead of the whole stream
 * again; events are immutable and revisions contiguous, so reading on from the known length
 * sees every later append, another process's too. A stream is forgotten when its last writer
 * leaves, so memory follows the streams in flight.
 */
export class StreamsInFlight {
  private readonly streams = new Map<string, StreamInFlight>();

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterChain,
  ) {}

  /** Runs `work` as a writer of the stream; `read` gives the stream's events as stored now, upcast. */
  async writing<T>(streamId: string, work: (read: () => Promise<readonly RecordedEvent[]>) => Promise<T>): Promise<T> {
    const stream = this.streams.get(streamId) ?? { events: [], writers: 0 };
    stream.writers++;
    this.streams.set(streamId, stream);
    try {
      return await work(async () => {
        const appended = await this.store.readStream(streamId, { fromRevision: stream.events.length });
        for (const event of appended) stream.events.push(this.upcasters.upcast(event));
        return [...stream.events];
      });
    } finally {
      if (--stream.writers === 0) this.streams.delete(streamId);
    }
  }
}

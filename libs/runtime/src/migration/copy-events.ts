import { createHash } from 'node:crypto';
import { RecordedEvent } from '@toc/domain';
import { EventStore } from '@toc/event-store';

export interface CopyReport {
  readonly copied: number;
  /** Events found in the target already, from an earlier run that stopped. */
  readonly skipped: number;
  readonly events: number;
  readonly sourceDigest: string;
  readonly targetDigest: string;
  readonly ok: boolean;
}

const PAGE = 1_000;

/** What must survive a copy: order, stream, revision, type, data and metadata; positions and hash links are the target's own. */
const digestLine = (event: RecordedEvent) => JSON.stringify([event.streamId, event.revision, event.type, event.data, event.metadata]);

/** A digest of a whole log, in its order, and its length. */
const digestOf = async (store: EventStore): Promise<{ digest: string; events: number }> => {
  const hash = createHash('sha256');
  let events = 0;
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: PAGE });
    if (page.length === 0) break;
    for (const event of page) hash.update(digestLine(event)).update('\n');
    events += page.length;
    after = page[page.length - 1].position;
  }
  return { digest: hash.digest('hex'), events };
};

/**
 * Copies every event of `source` into `target` in log order, each into its stream at its
 * revision, with its id and metadata. Resumable: an event already in the target (same stream and
 * revision, same id) is skipped, so a copy that stopped half-way is run again. Ends by comparing
 * a digest of both logs.
 */
export const copyEvents = async (source: EventStore, target: EventStore, onProgress?: (copied: number) => void): Promise<CopyReport> => {
  let copied = 0;
  let skipped = 0;
  for (let after = 0; ; ) {
    const page = await source.readAll({ after, limit: PAGE });
    if (page.length === 0) break;
    for (const event of page) {
      // Copied in log order, so once one event was missing, every later one is too.
      const [existing] = copied === 0 ? await target.readStream(event.streamId, { fromRevision: event.revision, limit: 1 }) : [];
      if (existing) {
        if (existing.metadata.eventId !== event.metadata.eventId)
          throw new Error(`the target's ${event.streamId} holds another event at revision ${event.revision}: not a copy of this source`);
        skipped++;
        continue;
      }
      await target.append(event.streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], event.revision === 0 ? 'no-stream' : event.revision - 1);
      copied++;
    }
    after = page[page.length - 1].position;
    onProgress?.(copied + skipped);
  }
  const [from, to] = await Promise.all([digestOf(source), digestOf(target)]);
  return { copied, skipped, events: from.events, sourceDigest: from.digest, targetDigest: to.digest, ok: from.digest === to.digest && from.events === to.events };
};

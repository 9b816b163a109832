import { closeSync, openSync } from 'node:fs';
import { StoreHealth } from '@toc/event-store';
import { AnchorSettings } from '../config';
import { PublishedAnchor, appendAnchor, latestAnchor } from './anchor-file';
import { VerifiableEventStore, integrityProblems, verifyThrough } from './anchored-integrity';

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Publishes the head of the hash chain outside the store, every interval and at shutdown: a line
 * in the anchor file, a POST to the webhook, or both. Each anchor is published only after the whole
 * store verified through the previous one, so an anchor never vouches for history rewritten,
 * removed or forged since the one before it; when the check fails nothing is published and the
 * reasons are logged (and the store, finding damage, stops taking writes). Of several projector
 * processes only the one that `publishes` (it holds the projection's lease) does, so they neither
 * verify the store each nor write one anchor file's lines twice.
 */
export class AnchorPublisher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private last: PublishedAnchor | null | undefined;

  constructor(
    private readonly events: VerifiableEventStore & StoreHealth,
    private readonly settings: AnchorSettings,
    /** Whether this process publishes now; asked at each interval and at shutdown. */
    private readonly publishes: () => boolean = () => true,
  ) {}

  /** Starts the schedule; throws at once when the anchor file cannot be written. */
  start(): void {
    if (this.settings.file) closeSync(openSync(this.settings.file, 'a'));
    this.timer = setInterval(() => this.round(), this.settings.intervalMs);
  }

  /** Stops the schedule and publishes a last anchor. */
  async stop(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    if (this.publishes()) await this.publishLogged();
  }

  /**
   * Verifies the store through the previous anchor and publishes the head it verified; null when
   * there is nothing to publish (an empty or a damaged store) or the check failed.
   */
  async publish(at = new Date()): Promise<PublishedAnchor | null> {
    if (this.events.damage()) return null;
    this.last ??= this.settings.file ? await latestAnchor(this.settings.file) : null;
    const report = await verifyThrough(this.events, this.last ?? undefined);
    if (!report.ok) {
      console.error(`anchors: not published, the event store does not verify: ${integrityProblems(report).join('; ')}`);
      return null;
    }
    if (!report.head) return null;
    const anchor = { ...report.head, publishedAt: at.toISOString() };
    if (this.settings.file) await appendAnchor(this.settings.file, anchor);
    this.last = anchor;
    if (this.settings.webhookUrl) await this.post(anchor);
    return anchor;
  }

  private round(): void {
    if (!this.publishes()) return;
    this.running ??= this.publishLogged().finally(() => (this.running = undefined));
  }

  private publishLogged(): Promise<unknown> {
    return this.publish().catch((error) => console.error(`anchors: ${error instanceof Error ? error.message : error}`));
  }

  /** A webhook that fails is logged, not retried: the next interval publishes a newer anchor. */
  private async post(anchor: PublishedAnchor): Promise<void> {
    const url = new URL(this.settings.webhookUrl!);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(anchor),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
    } catch (error) {
      // The origin only: the path or query may carry a token.
      console.error(`anchors: POST to ${url.origin} failed: ${error instanceof Error ? error.message : error}`);
    }
  }
}

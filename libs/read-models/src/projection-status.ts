import type { LeaseState } from './lease';

export const PROJECTION_STATUS = 'projection_status';

/**
 * `failed`: an event the projection code cannot apply stops it (deterministic: it fails again
 * until the code or the data is fixed; tried again every PROJECTION_FAILED_RETRY_MS).
 * `retrying`: a store could not be read or written (an outage, a busy or full disk); the
 * runner tries again with backoff and resumes from the stored checkpoint once it can.
 */
export type ProjectionState = 'catching-up' | 'live' | 'rebuilding' | 'failed' | 'retrying';

export interface FailedEvent {
  readonly position: number;
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
}

export interface RebuildProgress {
  readonly build: number;
  readonly version: number;
  readonly namespace: string;
  readonly startedAt: string;
  /** Position the rebuild has applied up to. */
  readonly position: number;
  /** Head of the store when the rebuild started; it switches readers once it has caught up. */
  readonly targetPosition: number;
}

/** Why the projection is not making progress, and when it tries again. */
export interface ProjectionFault {
  readonly message: string;
  /** The event the projection could not apply; null for a store error. */
  readonly event: FailedEvent | null;
  readonly at: string;
  /** True for a store error (state `retrying`), false for an event the projection could not apply (`failed`); missing before it was recorded. */
  readonly transient?: boolean;
  /** When the runner tries again by itself; null (or missing) when it does not. */
  readonly retryAt?: string | null;
}

/** The stored, durable part of a read model's status (one document per read model). */
export interface StoredProjectionStatus {
  readonly id: string;
  readonly version: number;
  readonly build: number;
  readonly namespace: string;
  readonly rebuild: RebuildProgress | null;
  readonly lastError: ProjectionFault | null;
  /** The highest build number given out so far, so that a dropped build's number is never used again; missing in older documents. */
  readonly lastBuild?: number;
  /** Revision of this status document: every write raises it by one. */
  readonly revision: number;
}

/** What operators see: the stored status plus the live figures. */
export interface ProjectionStatusView {
  readonly name: string;
  readonly version: number;
  readonly build: number;
  readonly state: ProjectionState;
  /** Whether this process runs the projection: it holds the lease (false for an api beside a separate projector, or a standby). */
  readonly runningHere: boolean;
  /** The process that holds (or last held) the lease to run the projection, and until when unless renewed. */
  readonly lease: LeaseState | null;
  readonly checkpoint: number;
  readonly headPosition: number;
  readonly lagEvents: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly lagSeconds: number;
  readonly lastError: StoredProjectionStatus['lastError'];
  /** How far the live build's replay index has come; position null before its first commit (replays then fold the history). */
  readonly replayIndex: { readonly position: number | null; readonly lagEvents: number };
  readonly rebuild:
    | (RebuildProgress & { readonly percent: number; readonly eventsPerSecond: number; readonly etaSeconds: number | null })
    | null;
}

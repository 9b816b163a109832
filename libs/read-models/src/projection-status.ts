export const PROJECTION_STATUS = 'projection_status';

export type ProjectionState = 'catching-up' | 'live' | 'rebuilding' | 'failed';

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

/** The stored, durable part of a read model's status (one document per read model). */
export interface StoredProjectionStatus {
  readonly id: string;
  readonly version: number;
  readonly build: number;
  readonly namespace: string;
  readonly rebuild: RebuildProgress | null;
  readonly lastError: { readonly message: string; readonly event: FailedEvent | null; readonly at: string } | null;
  /** Revision of this status document: every write raises it by one. */
  readonly revision: number;
}

/** What operators see: the stored status plus the live figures. */
export interface ProjectionStatusView {
  readonly name: string;
  readonly version: number;
  readonly build: number;
  readonly state: ProjectionState;
  /** Whether this process runs the projection (false for an api beside a separate projector). */
  readonly runningHere: boolean;
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

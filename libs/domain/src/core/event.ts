/**
 * Events are plain data: an explicit, stable `type` string (never a class name) and a payload.
 * The schema version travels in the metadata so older payloads can be upcast on read.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Actor {
  /** Pseudonymous user id of whoever sent the command. */
  readonly userId: string;
  readonly role: string;
  /** Set when a user records on behalf of someone else (a facilitator for an association, say). */
  readonly onBehalfOf?: string;
}

export interface EventMetadata {
  readonly eventId: string;
  readonly schemaVersion: number;
  readonly correlationId: string;
  /** Id of the command or event that caused this one; null for a command from outside. */
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly sourceApp: string;
  /** Business time: when it happened in the world (ISO-8601, given by the caller). */
  readonly occurredAt: string;
  /** System time: when the service recorded it (ISO-8601). */
  readonly recordedAt: string;
  /** Present on an event that replaces an earlier, retracted one. */
  readonly correctionOf?: string;
  /**
   * Set when the command came with an Idempotency-Key: a digest of what it asked (command type,
   * data, business time, correction), so a retry with the same key but another body is refused.
   */
  readonly commandDigest?: string;
}

/** An event ready to append: payload plus full metadata. */
export interface EventToAppend<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/** An event as read back from a store. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> extends EventToAppend<E> {
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /** Position in the store's global order (1-based, strictly increasing, gaps allowed). */
  readonly position: number;
}

import type { ProjectionDocument } from '@toc/domain';

/** A read-model document: what a projection makes (plain JSON with a string id). */
export type Document = ProjectionDocument;

/** A document as stored, with the global position of the last event applied to it. */
export interface StoredDocument<D extends Document = Document> {
  readonly doc: D;
  readonly position: number;
}

/**
 * One write of a commit: `doc` null deletes. The write applies only when the stored document's
 * position is lower than `position` (or there is none), so a redelivered batch changes nothing.
 */
export interface DocumentChange {
  readonly collection: string;
  readonly id: string;
  readonly doc: Document | null;
  readonly position: number;
}

export type FieldValue = string | number | boolean | null;

export interface FindOptions {
  /** Equality on top-level fields. */
  readonly where?: Readonly<Record<string, FieldValue>>;
  readonly limit?: number;
}

/**
 * The read-model store port. Adapters: SQLite (embedded default) and MongoDB. Both pass the
 * shared contract suite (`read-model-store.contract.ts`).
 */
export interface ReadModelStore {
  get(collection: string, id: string): Promise<StoredDocument | null>;
  getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>>;
  find(collection: string, options?: FindOptions): Promise<StoredDocument[]>;
  /** Applies all changes atomically (one transaction), each guarded by its position. */
  commit(changes: readonly DocumentChange[]): Promise<void>;
  /** Makes `find` with equality on these fields use an index. */
  ensureIndex(collection: string, fields: readonly string[]): Promise<void>;
  dropCollection(collection: string): Promise<void>;
  listCollections(): Promise<string[]>;
  close(): Promise<void>;
}

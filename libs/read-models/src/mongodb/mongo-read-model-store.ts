import {
  type AnyBulkWriteOperation,
  type ClientSession,
  type Collection,
  type Db,
  type Filter,
  MongoClient,
  type MongoClientOptions,
  type TransactionOptions,
} from 'mongodb';
import * as os from 'node:os';
import type {
  Document,
  DocumentChange,
  FindOptions,
  ReadModelStore,
  StoredDocument,
} from '../read-model-store.port';
import { Lease, LeaseState, LeaseStore } from '../lease';
import { MongoLeases, uniqueAppName } from './mongo-leases';

/** A document as stored: the read-model fields plus its key and the position guard. */
interface StoredShape {
  _id: string;
  _position: number;
  [field: string]: unknown;
}

// Same rules as the SQLite adapter, so a name valid on one store is valid on the other.
const NAME = /^[A-Za-z0-9_]+$/;
const RESERVED_FIELDS = new Set(['_id', '_position']);
const MAX_IDS_PER_QUERY = 1000;

const TRANSACTION: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
  readPreference: 'primary',
};

const assertCollection = (collection: string): void => {
  if (!NAME.test(collection)) {
    throw new Error(`Invalid collection name ${JSON.stringify(collection)}: use [A-Za-z0-9_]+`);
  }
};

const assertField = (field: string): void => {
  if (!NAME.test(field) || RESERVED_FIELDS.has(field)) {
    throw new Error(`Invalid field name ${JSON.stringify(field)}: use [A-Za-z0-9_]+, not _id or _position`);
  }
};

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
};

/**
 * Round-trips the document through JSON so it reads back exactly as from the SQLite adapter
 * (dates become strings, undefined fields vanish) and fails on what JSON cannot hold.
 */
const toStoredShape = (change: DocumentChange & { doc: Document }): StoredShape => {
  if (change.doc.id !== change.id) {
    throw new Error(`Document id ${JSON.stringify(change.doc.id)} does not match change id ${JSON.stringify(change.id)}`);
  }
  const fields = JSON.parse(JSON.stringify(change.doc)) as Record<string, unknown>;
  for (const field of RESERVED_FIELDS) {
    if (field in fields) throw new Error(`Document ${change.id} uses the reserved field ${field}`);
  }
  return { _id: change.id, _position: change.position, ...fields };
};

const toStoredDocument = ({ _id, _position, ...fields }: StoredShape): StoredDocument => ({
  doc: { ...fields, id: _id },
  position: _position,
});

/**
 * Hands the driver the os module itself. Its fallback, a dynamic import(), fails inside a vm
 * sandbox such as Jest's and the handshake then goes out without the client metadata that mongod
 * requires, so every connection is refused.
 */
export const withOsAdapter = (options: MongoClientOptions = {}): MongoClientOptions => ({
  ...options,
  runtimeAdapters: { os, ...options.runtimeAdapters },
});

/**
 * Read-model store on MongoDB: a collection per read-model collection, one document per id.
 * Commits need a replica set (transactions).
 */
export class MongoReadModelStore implements ReadModelStore, LeaseStore {
  private readonly leases: MongoLeases;

  private constructor(
    /** Its client, which the process's other stores on the same deployment share (see fromClient on them). */
    readonly client: MongoClient,
    private readonly db: Db,
    private readonly ownsClient: boolean,
  ) {
    this.leases = new MongoLeases(client, db);
  }

  /** The client gets an appName of its own (over one in `url`; `options.appName` wins), which a lease's takeover relies on. */
  static async connect(url: string, databaseName: string, options: MongoClientOptions = {}): Promise<MongoReadModelStore> {
    const client = new MongoClient(url, withOsAdapter({ appName: uniqueAppName(), ...options }));
    await client.connect();
    return new MongoReadModelStore(client, client.db(databaseName), true);
  }

  /** Uses a client the caller manages; close() then leaves the client open. */
  static fromClient(client: MongoClient, databaseName: string): MongoReadModelStore {
    return new MongoReadModelStore(client, client.db(databaseName), false);
  }

  async get(collection: string, id: string): Promise<StoredDocument | null> {
    const found = await this.collection(collection).findOne({ _id: id });
    return found ? toStoredDocument(found) : null;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const coll = this.collection(collection);
    const found = new Map<string, StoredDocument>();
    for (const chunk of chunks([...new Set(ids)], MAX_IDS_PER_QUERY)) {
      for (const raw of await coll.find({ _id: { $in: chunk } }).toArray()) found.set(raw._id, toStoredDocument(raw));
    }
    return found;
  }

  async find(collection: string, options: FindOptions = {}): Promise<StoredDocument[]> {
    const coll = this.collection(collection);
    const filter: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(options.where ?? {})) {
      assertField(field);
      if (!(value === null || ['string', 'boolean'].includes(typeof value) || Number.isFinite(value))) {
        throw new Error(`Invalid value for ${field}: only strings, finite numbers, booleans and null`);
      }
      filter[field] = value;
    }
    if (options.limit !== undefined) {
      if (!Number.isInteger(options.limit) || options.limit < 0) {
        throw new Error(`Invalid limit ${options.limit}: use a non-negative integer`);
      }
      // MongoDB reads limit 0 as "no limit".
      if (options.limit === 0) return [];
    }
    let cursor = coll.find(filter as Filter<StoredShape>).sort({ _id: 1 });
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()).map(toStoredDocument);
  }

  async commit(changes: readonly DocumentChange[], fence?: Lease): Promise<void> {
    if (changes.length === 0) return;
    const byCollection = new Map<string, DocumentChange[]>();
    for (const change of changes) {
      const group = byCollection.get(change.collection);
      if (group) group.push(change);
      else byCollection.set(change.collection, [change]);
    }
    const session = this.client.startSession();
    try {
      // withTransaction reruns the callback on transient errors, so it derives everything afresh.
      await session.withTransaction(async () => {
        if (fence) await this.leases.assertHeld(fence, session);
        for (const [collection, group] of byCollection) await this.applyGroup(collection, group, session);
      }, TRANSACTION);
    } finally {
      await session.endSession();
    }
  }

  acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    return this.leases.acquire(name, holder, ttlMs);
  }

  renewLease(lease: Lease, ttlMs: number): Promise<boolean> {
    return this.leases.renew(lease, ttlMs);
  }

  releaseLease(lease: Lease): Promise<void> {
    return this.leases.release(lease);
  }

  readLease(name: string): Promise<LeaseState | null> {
    return this.leases.read(name);
  }

  async dropCollection(collection: string): Promise<void> {
    await this.collection(collection).drop({ writeConcern: { w: 'majority' } });
  }

  async listCollections(): Promise<string[]> {
    const infos = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return infos
      .map((info) => info.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
  }

  /** Ascending index on the given top-level fields, for the `where` queries a projection runs. */
  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    if (fields.length === 0) throw new Error('ensureIndex needs at least one field');
    fields.forEach(assertField);
    await this.collection(collection).createIndex(Object.fromEntries(fields.map((field) => [field, 1])));
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  private collection(collection: string): Collection<StoredShape> {
    assertCollection(collection);
    return this.db.collection<StoredShape>(collection);
  }

  /**
   * Reads the stored positions of the touched ids, then writes only the changes that pass the
   * guard, so a redelivered change is dropped here rather than relying on the transaction.
   */
  private async applyGroup(collection: string, group: readonly DocumentChange[], session: ClientSession): Promise<void> {
    const coll = this.collection(collection);
    const ids = [...new Set(group.map((change) => change.id))];
    const stored = new Map<string, number>();
    for (const chunk of chunks(ids, MAX_IDS_PER_QUERY)) {
      const rows = await coll.find({ _id: { $in: chunk } }, { session, projection: { _position: 1 } }).toArray();
      for (const row of rows) stored.set(row._id, row._position);
    }

    // Changes to one id apply in order, each against the outcome of the previous; only the last
    // outcome per id is written.
    const current = new Map(stored);
    const outcome = new Map<string, StoredShape | null>();
    for (const change of group) {
      const shape = change.doc === null ? null : toStoredShape({ ...change, doc: change.doc });
      const position = current.get(change.id);
      if (position !== undefined && position >= change.position) continue;
      if (shape === null) {
        if (position === undefined) continue;
        current.delete(change.id);
      } else {
        current.set(change.id, change.position);
      }
      outcome.set(change.id, shape);
    }

    const ops: AnyBulkWriteOperation<StoredShape>[] = [];
    for (const [id, shape] of outcome) {
      // Filters pin the position read above: a write that raced in between makes this a no-op
      // (or, for an insert, a duplicate-key error) instead of being overwritten.
      const was = stored.get(id);
      if (shape === null) {
        if (was !== undefined) ops.push({ deleteOne: { filter: { _id: id, _position: was } } });
      } else if (was === undefined) {
        ops.push({ insertOne: { document: shape } });
      } else {
        ops.push({ replaceOne: { filter: { _id: id, _position: was }, replacement: shape } });
      }
    }
    if (ops.length > 0) await coll.bulkWrite(ops, { session, ordered: true });
  }
}

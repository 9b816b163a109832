import { Document, DocumentChange, FieldValue, FindOptions, ReadModelStore, StoredDocument } from '../read-model-store.port';

/** A document kept as its JSON text, so every read returns a fresh copy as the other adapters do. */
interface Held {
  readonly json: string;
  readonly position: number;
}

// Same rules as the SQLite and MongoDB adapters, so a name valid here is valid on every store.
const NAME = /^[A-Za-z0-9_]+$/;

const assertCollection = (collection: string): void => {
  if (!NAME.test(collection)) throw new Error(`Invalid collection name ${JSON.stringify(collection)}: use [A-Za-z0-9_]+`);
};

const assertField = (field: string): void => {
  if (!NAME.test(field)) throw new Error(`Invalid field name ${JSON.stringify(field)}: use [A-Za-z0-9_]+`);
};

const assertValue = (field: string, value: FieldValue): void => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw new Error(`Invalid value for ${field}: only strings, finite numbers, booleans and null`);
};

const serialise = (change: DocumentChange & { doc: Document }): string => {
  if (change.doc.id !== change.id) {
    throw new Error(`Document id ${JSON.stringify(change.doc.id)} does not match change id ${JSON.stringify(change.id)}`);
  }
  return JSON.stringify(change.doc);
};

const toStored = (held: Held): StoredDocument => ({ doc: JSON.parse(held.json) as Document, position: held.position });

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Read models held in memory: evaluators' replays ("as of" a past moment) run the live
 * projection code into one of these and throw it away. It keeps the contract of the other
 * adapters: names are checked, documents read back as plain JSON, and a commit is all or nothing.
 */
export class MemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, Held>>();

  async get(collection: string, id: string) {
    assertCollection(collection);
    const held = this.collections.get(collection)?.get(id);
    return held ? toStored(held) : null;
  }

  async getMany(collection: string, ids: readonly string[]) {
    assertCollection(collection);
    const found = new Map<string, StoredDocument>();
    const documents = this.collections.get(collection);
    if (documents) {
      for (const id of ids) {
        const held = documents.get(id);
        if (held && !found.has(id)) found.set(id, toStored(held));
      }
    }
    return found;
  }

  async find(collection: string, options: FindOptions = {}) {
    assertCollection(collection);
    const where = Object.entries(options.where ?? {});
    for (const [field, value] of where) {
      assertField(field);
      assertValue(field, value);
    }
    if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
      throw new Error(`Invalid limit ${options.limit}: use a non-negative integer`);
    }
    const documents = this.collections.get(collection);
    if (!documents) return [];
    const matches: StoredDocument[] = [];
    for (const id of [...documents.keys()].sort(byId)) {
      if (options.limit !== undefined && matches.length >= options.limit) break;
      const stored = toStored(documents.get(id)!);
      if (where.every(([field, value]) => (stored.doc[field] ?? null) === value)) matches.push(stored);
    }
    return matches;
  }

  async commit(changes: readonly DocumentChange[]) {
    // Check and serialise everything first, so a bad change leaves nothing written, as a transaction would.
    const prepared = changes.map((change) => {
      assertCollection(change.collection);
      return { change, json: change.doc === null ? null : serialise({ ...change, doc: change.doc }) };
    });
    for (const { change, json } of prepared) {
      let documents = this.collections.get(change.collection);
      if (!documents) {
        documents = new Map();
        this.collections.set(change.collection, documents);
      }
      const held = documents.get(change.id);
      if (held && held.position >= change.position) continue;
      if (json === null) documents.delete(change.id);
      else documents.set(change.id, { json, position: change.position });
    }
  }

  /** Nothing to do: finding scans the in-memory map either way. */
  async ensureIndex() {}

  async dropCollection(collection: string) {
    assertCollection(collection);
    this.collections.delete(collection);
  }

  async listCollections() {
    return [...this.collections.keys()].sort(byId);
  }

  async close() {
    this.collections.clear();
  }
}

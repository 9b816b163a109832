import { Document, DocumentChange, FindOptions, ReadModelStore, StoredDocument } from '../read-model-store.port';

/**
 * Read models held in memory: evaluators' replays ("as of" a past moment) run the live
 * projection code into one of these and throw it away.
 */
export class MemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, StoredDocument>>();

  async get(collection: string, id: string) {
    return this.collections.get(collection)?.get(id) ?? null;
  }

  async getMany(collection: string, ids: readonly string[]) {
    const found = new Map<string, StoredDocument>();
    const documents = this.collections.get(collection);
    if (documents) for (const id of ids) {
      const stored = documents.get(id);
      if (stored) found.set(id, stored);
    }
    return found;
  }

  async find(collection: string, options: FindOptions = {}) {
    const where = Object.entries(options.where ?? {});
    const matches = [...(this.collections.get(collection)?.values() ?? [])].filter(({ doc }) =>
      where.every(([field, value]) => (doc[field] ?? null) === value),
    );
    return options.limit === undefined ? matches : matches.slice(0, options.limit);
  }

  async commit(changes: readonly DocumentChange[]) {
    // Validate first so that a bad change leaves nothing written, as a transaction would.
    const copies = changes.map((change) => ({ ...change, doc: change.doc && (JSON.parse(JSON.stringify(change.doc)) as Document) }));
    for (const change of copies) {
      const documents = this.collections.get(change.collection) ?? new Map<string, StoredDocument>();
      this.collections.set(change.collection, documents);
      const stored = documents.get(change.id);
      if (stored && stored.position >= change.position) continue;
      if (change.doc) documents.set(change.id, { doc: change.doc, position: change.position });
      else documents.delete(change.id);
    }
  }

  async dropCollection(collection: string) {
    this.collections.delete(collection);
  }

  async listCollections() {
    return [...this.collections.keys()];
  }

  async close() {
    this.collections.clear();
  }
}

import { Binary, ClientSession, Collection, Db, MongoClient } from 'mongodb';
import { withOsAdapter } from '@toc/read-models';
import { Erasure, PersonDetails, PersonLookup, PersonalDataStore, SubjectErasedError } from './personal-data-store.port';
import { newSubjectKey, openDetails, sealDetails } from './subject-cipher';

interface KeyDocument {
  _id: string;
  key: Binary;
}

interface PersonDocument {
  _id: string;
  sealed: Binary;
  recordedAt: string;
}

interface ErasureDocument {
  _id: string;
  erasedAt: string;
  erasedBy: string;
}

const erasureOf = (doc: ErasureDocument): Erasure => ({ subjectId: doc._id, erasedAt: doc.erasedAt, erasedBy: doc.erasedBy });

const bytes = (binary: Binary) => Buffer.from(binary.buffer);

/**
 * Personal data on MongoDB, for the scale-out where every api instance must see the same people:
 * keys, ciphertexts and tombstones in three collections, changed together in transactions (the
 * deployment is a replica set), so an erasure either shreds both or nothing.
 */
export class MongoPersonalDataStore implements PersonalDataStore {
  private readonly keys: Collection<KeyDocument>;
  private readonly people: Collection<PersonDocument>;
  private readonly erasures: Collection<ErasureDocument>;

  private constructor(
    private readonly client: MongoClient,
    db: Db,
    private readonly ownsClient: boolean,
  ) {
    this.keys = db.collection('personal_data_keys');
    this.people = db.collection('personal_data');
    this.erasures = db.collection('personal_data_erasures');
  }

  static async connect(url: string, databaseName: string): Promise<MongoPersonalDataStore> {
    const client = new MongoClient(url, withOsAdapter());
    await client.connect();
    return new MongoPersonalDataStore(client, client.db(databaseName), true);
  }

  /** Uses a client the caller manages; close() then leaves the client open. */
  static fromClient(client: MongoClient, databaseName: string): MongoPersonalDataStore {
    return new MongoPersonalDataStore(client, client.db(databaseName), false);
  }

  async record(subjectId: string, details: PersonDetails, at: Date): Promise<'created' | 'replaced'> {
    return this.inTransaction(async (session) => {
      const erasure = await this.erasures.findOne({ _id: subjectId }, { session });
      if (erasure) throw new SubjectErasedError(erasureOf(erasure));
      const existed = (await this.people.countDocuments({ _id: subjectId }, { session, limit: 1 })) === 1;
      await this.keys.updateOne({ _id: subjectId }, { $setOnInsert: { key: new Binary(newSubjectKey()) } }, { upsert: true, session });
      const { key } = (await this.keys.findOne({ _id: subjectId }, { session }))!;
      const sealed = new Binary(sealDetails(bytes(key), subjectId, details));
      await this.people.replaceOne({ _id: subjectId }, { sealed, recordedAt: at.toISOString() }, { upsert: true, session });
      return existed ? 'replaced' : 'created';
    });
  }

  async find(subjectId: string): Promise<PersonLookup> {
    const erasure = await this.erasures.findOne({ _id: subjectId });
    if (erasure) return { status: 'erased', erasure: erasureOf(erasure) };
    const [person, key] = await Promise.all([this.people.findOne({ _id: subjectId }), this.keys.findOne({ _id: subjectId })]);
    if (!person || !key) return { status: 'unknown' };
    return { status: 'recorded', subjectId, details: openDetails(bytes(key.key), subjectId, bytes(person.sealed)), recordedAt: person.recordedAt };
  }

  async erase(subjectId: string, by: string, at: Date): Promise<Erasure | null> {
    return this.inTransaction(async (session) => {
      const earlier = await this.erasures.findOne({ _id: subjectId }, { session });
      if (earlier) return erasureOf(earlier);
      if ((await this.people.countDocuments({ _id: subjectId }, { session, limit: 1 })) === 0) return null;
      const erasure: ErasureDocument = { _id: subjectId, erasedAt: at.toISOString(), erasedBy: by };
      await this.erasures.insertOne(erasure, { session });
      await this.keys.deleteOne({ _id: subjectId }, { session });
      await this.people.deleteOne({ _id: subjectId }, { session });
      return erasureOf(erasure);
    });
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  /** withTransaction reruns the work on transient errors, so the work reads everything afresh. */
  private async inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession();
    try {
      let result: T;
      await session.withTransaction(async () => {
        result = await work(session);
      });
      return result!;
    } finally {
      await session.endSession();
    }
  }
}

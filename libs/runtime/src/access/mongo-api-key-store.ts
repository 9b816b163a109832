import { Collection, MongoClient } from 'mongodb';
import { withOsAdapter } from '@toc/read-models';
import { Principal, Role } from './principal';
import { ApiKeyInfo, ApiKeyStore, IssuedApiKey, NewApiKey, keyDigest, newKeyId, newKeySecret, principalOfKey } from './api-key-store';

interface KeyDocument {
  _id: string;
  name: string;
  roles: Role[];
  mayActOnBehalf: boolean;
  /** SHA-256 of the key, unique. */
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

const info = (doc: KeyDocument): ApiKeyInfo => ({ id: doc._id, name: doc.name, roles: doc.roles, mayActOnBehalf: doc.mayActOnBehalf, createdAt: doc.createdAt, revokedAt: doc.revokedAt });

/** API keys on MongoDB, for the scale-out where several api instances and projectors on other hosts must know the same keys. */
export class MongoApiKeyStore extends ApiKeyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<KeyDocument>,
    private readonly ownsClient: boolean,
  ) {
    super();
  }

  static async connect(url: string, databaseName: string): Promise<MongoApiKeyStore> {
    const client = new MongoClient(url, withOsAdapter());
    await client.connect();
    return MongoApiKeyStore.on(client, databaseName, true);
  }

  /** Uses a client the caller manages: close() leaves it open. */
  static fromClient(client: MongoClient, databaseName: string): Promise<MongoApiKeyStore> {
    return MongoApiKeyStore.on(client, databaseName, false);
  }

  private static async on(client: MongoClient, databaseName: string, ownsClient: boolean): Promise<MongoApiKeyStore> {
    const keys = client.db(databaseName).collection<KeyDocument>('api_keys');
    await keys.createIndex({ hash: 1 }, { unique: true });
    return new MongoApiKeyStore(client, keys, ownsClient);
  }

  async create(key: NewApiKey, now: Date = new Date(), secret = newKeySecret()): Promise<IssuedApiKey> {
    const doc: KeyDocument = {
      _id: newKeyId(),
      name: key.name,
      roles: [...key.roles],
      mayActOnBehalf: key.mayActOnBehalf ?? false,
      hash: keyDigest(secret),
      createdAt: now.toISOString(),
      revokedAt: null,
    };
    await this.keys.insertOne(doc);
    return { ...info(doc), key: secret };
  }

  async list(): Promise<ApiKeyInfo[]> {
    return (await this.keys.find({}).sort({ createdAt: 1, _id: 1 }).toArray()).map(info);
  }

  async revoke(id: string, now: Date = new Date()): Promise<boolean> {
    return (await this.keys.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: now.toISOString() } })).modifiedCount === 1;
  }

  async verify(presented: string): Promise<Principal | null> {
    const doc = await this.keys.findOne({ hash: keyDigest(presented), revokedAt: null });
    return doc ? principalOfKey(info(doc)) : null;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.keys.findOne({}, { projection: { _id: 1 } })) === null;
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }
}

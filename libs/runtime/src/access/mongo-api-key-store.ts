import { Collection, MongoClient } from 'mongodb';
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

/**
 * API keys on MongoDB, for the scale-out where several api instances and projectors on other hosts
 * must know the same keys. It uses a client the caller manages (the read models'), so close()
 * leaves it open.
 */
export class MongoApiKeyStore extends ApiKeyStore {
  private constructor(private readonly keys: Collection<KeyDocument>) {
    super();
  }

  static async fromClient(client: MongoClient, databaseName: string): Promise<MongoApiKeyStore> {
    const keys = client.db(databaseName).collection<KeyDocument>('api_keys');
    await keys.createIndex({ hash: 1 }, { unique: true });
    return new MongoApiKeyStore(keys);
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

  async close(): Promise<void> {}
}

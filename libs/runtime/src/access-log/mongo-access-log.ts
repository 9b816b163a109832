import { Collection, Filter, MongoClient } from 'mongodb';
import { AccessEntry, AccessLog, AccessLogFilter, AccessLogPage, LoggedAccess } from './access-log';

/** The query is kept as JSON text: its keys come from the client, and BSON refuses some (a NUL, a leading `$`). */
type AccessDocument = Omit<AccessEntry, 'query'> & { _id: number; query: string };

const entryOf = ({ _id, query, ...entry }: AccessDocument): LoggedAccess => ({ id: _id, ...entry, query: JSON.parse(query) as Record<string, unknown> });

/**
 * The access log on MongoDB, for the scale-out where several api instances write one log. Ids
 * count up from 1 as on SQLite, taken from a counter document, so that cursors mean the same on
 * both. An id is taken before its entry is written, so entries of two instances writing at the
 * same moment may appear out of id order for that moment: a reader tailing the log with a cursor
 * reads the last seconds again. The class has no way to change or delete an entry; give the
 * apps' MongoDB user no update or remove rights on `access_log` to enforce it for every client.
 */
export class MongoAccessLog extends AccessLog {
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly entries: Collection<AccessDocument>,
    private readonly sequence: Collection<{ _id: string; value: number }>,
  ) {
    super();
  }

  /** Uses a client the caller manages (the read models'): close() leaves it open. */
  static async fromClient(client: MongoClient, databaseName: string): Promise<MongoAccessLog> {
    const db = client.db(databaseName);
    const entries = db.collection<AccessDocument>('access_log');
    await entries.createIndex({ principalSubject: 1, _id: 1 });
    await entries.createIndex({ target: 1, _id: 1 });
    return new MongoAccessLog(entries, db.collection('access_log_sequence'));
  }

  append(entry: AccessEntry): Promise<void> {
    // One after the other, so that this process's entries appear in the order of their ids.
    const appended = this.appending.then(async () => {
      const next = await this.sequence.findOneAndUpdate({ _id: 'access_log' }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
      await this.entries.insertOne({ _id: next!.value, ...entry, query: JSON.stringify(entry.query) });
    });
    this.appending = appended.catch(() => undefined);
    return appended;
  }

  async page(filter: AccessLogFilter): Promise<AccessLogPage> {
    const query: Record<string, unknown> = {};
    if (filter.subject !== undefined) query.principalSubject = filter.subject;
    if (filter.action !== undefined) query.action = filter.action;
    if (filter.target !== undefined) query.target = filter.target;
    if (filter.from !== undefined || filter.to !== undefined) query.at = { ...(filter.from !== undefined && { $gte: filter.from }), ...(filter.to !== undefined && { $lt: filter.to }) };
    if (filter.after !== undefined) query._id = { $gt: filter.after };
    const entries = (await this.entries.find(query as Filter<AccessDocument>).sort({ _id: 1 }).limit(filter.limit).toArray()).map(entryOf);
    return { entries, nextCursor: entries.length === filter.limit ? entries[entries.length - 1].id : null };
  }

  async close(): Promise<void> {}
}

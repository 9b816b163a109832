/** What is logged: reading, recording and erasing personal data, and the reads and admin acts that reach every record. */
export const accessActions = [
  'read-person',
  'record-person',
  'erase-person',
  'export',
  'replay',
  'report',
  'rebuild-projection',
  'cancel-rebuild',
  'restart-projection',
  'read-access-log',
  'create-api-key',
  'revoke-api-key',
] as const;
export type AccessAction = (typeof accessActions)[number];

/** One access: who (as authenticated), what, where, with which query (never a body), and how it ended. */
export interface AccessEntry {
  readonly at: string;
  readonly principalSubject: string;
  readonly principalName: string;
  /** The role that admitted the principal. */
  readonly role: string;
  readonly action: AccessAction;
  readonly method: string;
  /** The path as requested: /v1/people/rep-1. */
  readonly route: string;
  /** Whom or what the access was about (the subject read or erased, the projection rebuilt). */
  readonly target: string | null;
  readonly query: Readonly<Record<string, unknown>>;
  readonly status: number;
  readonly correlationId: string;
}

export interface LoggedAccess extends AccessEntry {
  readonly id: number;
}

/** Every given criterion must hold; `from` is inclusive and `to` exclusive, both UTC ISO-8601. */
export interface AccessLogFilter {
  readonly subject?: string;
  readonly action?: AccessAction;
  readonly target?: string;
  readonly from?: string;
  readonly to?: string;
  /** Cursor: entries after this id. */
  readonly after?: number;
  readonly limit: number;
}

export interface AccessLogPage {
  readonly entries: readonly LoggedAccess[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextCursor: number | null;
}

/**
 * Who accessed personal data or everything at once. Append-only: there is no method to change or
 * delete an entry. Kept where the read models are (its own SQLite file in DATA_DIR, or MongoDB),
 * so that the entries of every api instance and CLI of a deployment are in one log. An abstract
 * class, so that it is also the token the api's dependency injection knows it by.
 */
export abstract class AccessLog {
  abstract append(entry: AccessEntry): Promise<void>;

  /** Entries in the order they were written. */
  abstract page(filter: AccessLogFilter): Promise<AccessLogPage>;

  /** Every entry the filter admits, in order, a page at a time. */
  async *pages(filter: Omit<AccessLogFilter, 'after' | 'limit'>, pageSize = 1000): AsyncGenerator<readonly LoggedAccess[]> {
    for (let after = 0; ; ) {
      const page = await this.page({ ...filter, after, limit: pageSize });
      if (page.entries.length > 0) yield page.entries;
      if (page.nextCursor === null) return;
      after = page.nextCursor;
    }
  }

  abstract close(): Promise<void>;
}

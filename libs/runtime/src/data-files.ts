/** The SQLite files of the embedded default, in DATA_DIR. */
export const DATA_FILES = {
  events: 'events.sqlite',
  readModels: 'read-models.sqlite',
  keys: 'access.sqlite',
  personalData: 'personal-data.sqlite',
  personalDataKeys: 'personal-data-keys.sqlite',
  accessLog: 'access-log.sqlite',
  kurrentDbLogIndex: 'kurrentdb-log-index.sqlite',
} as const;

/**
 * What a backup must hold: everything but what is rebuilt from the events (the read models, the
 * KurrentDB log index). The personal-data keys come along, and are meant to be kept apart.
 */
export const BACKED_UP_FILES = [DATA_FILES.events, DATA_FILES.keys, DATA_FILES.personalData, DATA_FILES.personalDataKeys, DATA_FILES.accessLog] as const;

import { RecordedEvent } from './event';

/**
 * Upcasters lift a stored payload one schema version up. Stores return what was written;
 * readers (command runner, projections, replay) call `upcast` so domain code only ever sees the
 * current version of each event type.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) this.byKey.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
  }

  upcast<E extends RecordedEvent>(event: E): E {
    let current = event;
    for (;;) {
      const upcaster = this.byKey.get(`${current.type}@${current.metadata.schemaVersion}`);
      if (!upcaster) return current;
      current = {
        ...current,
        data: upcaster.upcast(current.data),
        metadata: { ...current.metadata, schemaVersion: current.metadata.schemaVersion + 1 },
      };
    }
  }

  /** The version newly written events of a type carry. */
  currentVersion(type: string): number {
    let version = 1;
    while (this.byKey.has(`${type}@${version}`)) version++;
    return version;
  }
}

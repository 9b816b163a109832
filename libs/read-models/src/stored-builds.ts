import { ReadModelDefinition } from '@toc/domain';
import { namespaceOf } from './projection-engine';
import { PROJECTION_STATUS, StoredProjectionStatus } from './projection-status';
import { ReadModelStore } from './read-model-store.port';

/** The builds of a read model: the one readers use and, during a rebuild, the one filling beside it. */
export interface StoredBuilds {
  readonly live: string;
  readonly rebuilding: string | null;
}

/**
 * The builds as the stored status names them, so that every process agrees (an api beside a
 * separate projector too). Before the projector first starts, the first build is live.
 */
export const storedBuilds = async (store: ReadModelStore, definition: ReadModelDefinition): Promise<StoredBuilds> => {
  const stored = (await store.get(PROJECTION_STATUS, definition.name))?.doc as StoredProjectionStatus | undefined;
  return { live: stored?.namespace ?? namespaceOf(definition, 1), rebuilding: stored?.rebuild?.namespace ?? null };
};

import { capacityAssessmentV1ToV2 } from './associations/association.upcasters';
import { UpcasterChain } from './core/upcasting';
import { recordRetractedV1ToV2 } from './retracted-record';

/** Every upcaster of the domain; readers use this chain so they only see current versions. */
export const domainUpcasters = new UpcasterChain([capacityAssessmentV1ToV2, recordRetractedV1ToV2]);

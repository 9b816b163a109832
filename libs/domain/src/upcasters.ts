import { capacityAssessmentV1ToV2 } from './associations/association.upcasters';
import { UpcasterChain } from './core/upcasting';

/** Every upcaster of the domain; readers use this chain so they only see current versions. */
export const domainUpcasters = new UpcasterChain([capacityAssessmentV1ToV2]);

import { describeReadModelStoreContract } from '../read-model-store.contract';
import { MemoryReadModelStore } from './memory-read-model-store';

describeReadModelStoreContract('MemoryReadModelStore', async () => new MemoryReadModelStore());

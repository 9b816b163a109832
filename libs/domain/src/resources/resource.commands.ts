import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { resourceDecider } from './resource.decider';

const allocation = (data: { allocationId: string }) => streamName('resource', data.allocationId);

export const resourceCommands = aggregateCommands(resourceDecider, {
  AllocateResource: { stream: allocation },
  RecordResourceUse: { stream: allocation },
});

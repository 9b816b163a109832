import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { networkDecider } from './network.decider';

const network = (data: { networkId: string }) => streamName('network', data.networkId);

export const networkCommands = aggregateCommands(networkDecider, {
  EstablishNetwork: { stream: network },
  JoinNetwork: {
    stream: network,
    references: (data) => [{ streamId: streamName(data.member.kind, data.member.id), field: 'member.id' }],
  },
  LeaveNetwork: { stream: network },
  HoldNetworkMeeting: { stream: network },
  OrganiseJointActivity: {
    stream: network,
    references: (data) => [
      { streamId: streamName('association', data.associationId), field: 'associationId' },
      { streamId: streamName('staff', data.staffId), field: 'staffId' },
    ],
  },
});

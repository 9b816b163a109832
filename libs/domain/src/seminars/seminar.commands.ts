import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { seminarDecider } from './seminar.decider';

export const seminarCommands = aggregateCommands(seminarDecider, {
  HoldSeminar: {
    stream: (data) => streamName('seminar', data.seminarId),
    references: (data) => [
      ...data.associationIds.map((id, i) => ({ streamId: streamName('association', id), field: `associationIds[${i}]` })),
      ...data.staffIds.map((id, i) => ({ streamId: streamName('staff', id), field: `staffIds[${i}]` })),
    ],
  },
});

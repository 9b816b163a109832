import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { workshopDecider } from './workshop.decider';

const workshop = (data: { workshopId: string }) => streamName('workshop', data.workshopId);

export const workshopCommands = aggregateCommands(workshopDecider, {
  HoldWorkshop: {
    stream: workshop,
    references: (data) => data.participantStaffIds.map((staffId, i) => ({ streamId: streamName('staff', staffId), field: `participantStaffIds[${i}]` })),
  },
  RecordWorkshopFeedback: { stream: workshop },
});

import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { associationDecider } from './association.decider';

const association = (data: { associationId: string }) => streamName('association', data.associationId);

export const associationCommands = aggregateCommands(associationDecider, {
  RegisterAssociation: { stream: association },
  CorrectAssociationDetails: { stream: association },
  RecordCapacityAssessment: { stream: association },
});

import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { JointActivityOrganised, NetworkEstablished, NetworkMeetingHeld } from './network.events';

type NetworkRecordEvent = NetworkEstablished | NetworkMeetingHeld | JointActivityOrganised;

/** The network's own records; membership is kept on the members' documents. */
const networkProjection = recordProjection<NetworkRecordEvent>('networks', {
  NetworkEstablished: (data) => [data.networkId],
  NetworkMeetingHeld: (data) => [data.networkId],
  JointActivityOrganised: (data) => [data.networkId],
});

const networkFacts = (doc: RecordDocument<NetworkRecordEvent>): IndicatorFact[] => {
  const [established] = recordsOf(doc, 'NetworkEstablished');
  if (!established) return [];
  const { housingArea } = established.data;
  return [
    ...recordsOf(doc, 'NetworkMeetingHeld').map((meeting): IndicatorFact => ({
      indicator: 'RSL-LOCAL-MEETINGS',
      at: meeting.at,
      numerator: 1,
      subjects: 0,
      dims: { memberKind: meeting.data.convenedBy.kind, housingArea },
    })),
    ...recordsOf(doc, 'JointActivityOrganised').map((activity): IndicatorFact => ({
      indicator: 'RSL-JOINT-ACTIVITIES',
      at: activity.at,
      numerator: 1,
      subjects: 0,
      dims: { housingArea },
    })),
  ];
};

export const networkFeature = indicatorFeature({
  projection: networkProjection,
  indicators: ['RSL-LOCAL-MEETINGS', 'RSL-JOINT-ACTIVITIES'],
  facts: networkFacts,
});

import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorFact } from '../indicators/indicator-facts';
import { JointActivityOrganised, NetworkEstablished, NetworkMeetingHeld } from './network.events';

/** The network's own records; membership is kept on the members' documents. */
export const networkProjection = recordProjection('networks', {
  NetworkEstablished: (data) => [data.networkId],
  NetworkMeetingHeld: (data) => [data.networkId],
  JointActivityOrganised: (data) => [data.networkId],
});

export const networkFacts = (doc: RecordDocument): IndicatorFact[] => {
  const [established] = recordsOf<NetworkEstablished['data']>(doc, 'NetworkEstablished');
  if (!established) return [];
  const { housingArea } = established.data;
  return [
    ...recordsOf<NetworkMeetingHeld['data']>(doc, 'NetworkMeetingHeld').map((meeting) => ({
      indicator: 'RSL-LOCAL-MEETINGS',
      at: meeting.at,
      numerator: 1,
      units: 0,
      dims: { memberKind: meeting.data.convenedBy.kind, housingArea },
    })),
    ...recordsOf<JointActivityOrganised['data']>(doc, 'JointActivityOrganised').map((activity) => ({
      indicator: 'RSL-JOINT-ACTIVITIES',
      at: activity.at,
      numerator: 1,
      units: 0,
      dims: { housingArea },
    })),
  ];
};

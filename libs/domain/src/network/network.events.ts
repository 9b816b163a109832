import { DomainEvent } from '../core/event';
import { HousingArea, MemberKind } from '../model/reference-data';

export interface NetworkMember {
  readonly kind: MemberKind;
  readonly id: string;
}

/** Stream `network-<networkId>`: the locally anchored network of staff and associations. */
export type NetworkEstablished = DomainEvent<
  'NetworkEstablished',
  { readonly networkId: string; readonly name: string; readonly housingArea: HousingArea }
>;

export type NetworkMemberJoined = DomainEvent<'NetworkMemberJoined', { readonly networkId: string; readonly member: NetworkMember }>;

export type NetworkMemberLeft = DomainEvent<
  'NetworkMemberLeft',
  { readonly networkId: string; readonly member: NetworkMember; readonly reason?: string }
>;

/** `convenedBy` is a member: a meeting convened locally rather than by the programme. */
export type NetworkMeetingHeld = DomainEvent<
  'NetworkMeetingHeld',
  {
    readonly networkId: string;
    readonly meetingId: string;
    readonly convenedBy: NetworkMember;
    readonly attendees: readonly NetworkMember[];
  }
>;

export type JointActivityOrganised = DomainEvent<
  'JointActivityOrganised',
  {
    readonly networkId: string;
    readonly activityId: string;
    readonly associationId: string;
    readonly staffId: string;
    readonly title: string;
  }
>;

export type NetworkEvent =
  | NetworkEstablished
  | NetworkMemberJoined
  | NetworkMemberLeft
  | NetworkMeetingHeld
  | JointActivityOrganised;

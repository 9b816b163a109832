import { housingAreas, memberKinds } from '@toc/domain';
import { CodeField, CommandDto, IdField, NestedField, NestedListField, OptionalTextField, TextField } from '../command.dto';

export class EstablishNetworkDto extends CommandDto {
  @IdField('Client-chosen id of the network')
  networkId!: string;

  @TextField(200)
  name!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];
}

/** A registered association or staff member; the kind names the stream the id lives in. */
export class NetworkMemberDto {
  @CodeField(memberKinds)
  kind!: (typeof memberKinds)[number];

  @IdField('associationId or staffId')
  id!: string;
}

export class JoinNetworkDto extends CommandDto {
  @NestedField(NetworkMemberDto)
  member!: NetworkMemberDto;
}

export class LeaveNetworkDto extends CommandDto {
  @NestedField(NetworkMemberDto)
  member!: NetworkMemberDto;

  @OptionalTextField(1000)
  reason?: string;
}

export class HoldNetworkMeetingDto extends CommandDto {
  @IdField('Client-chosen id of the meeting, unique within the network')
  meetingId!: string;

  @NestedField(NetworkMemberDto, 'The member who convened the meeting')
  convenedBy!: NetworkMemberDto;

  @NestedListField(NetworkMemberDto, { minItems: 1, maxItems: 200, uniqueBy: (member) => `${member?.kind}:${member?.id}` })
  attendees!: NetworkMemberDto[];
}

export class OrganiseJointActivityDto extends CommandDto {
  @IdField('Client-chosen id of the activity, unique within the network')
  activityId!: string;

  @IdField('The member association taking part')
  associationId!: string;

  @IdField('The member staff member taking part')
  staffId!: string;

  @TextField(200)
  title!: string;
}

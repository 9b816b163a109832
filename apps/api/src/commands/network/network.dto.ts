import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { housingAreas, memberKinds } from '@toc/domain';
import { CodeField, CommandDto, IdField, TextField } from '../command.dto';

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
  @ApiProperty({ type: NetworkMemberDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NetworkMemberDto)
  member!: NetworkMemberDto;
}

export class LeaveNetworkDto extends CommandDto {
  @ApiProperty({ type: NetworkMemberDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NetworkMemberDto)
  member!: NetworkMemberDto;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

export class HoldNetworkMeetingDto extends CommandDto {
  @IdField('Client-chosen id of the meeting, unique within the network')
  meetingId!: string;

  @ApiProperty({ type: NetworkMemberDto, description: 'The member who convened the meeting' })
  @IsObject()
  @ValidateNested()
  @Type(() => NetworkMemberDto)
  convenedBy!: NetworkMemberDto;

  @ApiProperty({ type: [NetworkMemberDto], minItems: 1, maxItems: 200 })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique((member: NetworkMemberDto) => `${member?.kind}:${member?.id}`)
  @ValidateNested({ each: true })
  @Type(() => NetworkMemberDto)
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

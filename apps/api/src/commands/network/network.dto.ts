import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { housingAreas, memberKinds } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class EstablishNetworkDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the network' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  networkId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: housingAreas })
  @IsIn(housingAreas)
  housingArea!: (typeof housingAreas)[number];
}

/** A registered association or staff member; the kind names the stream the id lives in. */
export class NetworkMemberDto {
  @ApiProperty({ enum: memberKinds })
  @IsIn(memberKinds)
  kind!: (typeof memberKinds)[number];

  @ApiProperty({ description: 'associationId or staffId' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
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
  @ApiProperty({ description: 'Client-chosen id of the meeting, unique within the network' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
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
  @ApiProperty({ description: 'Client-chosen id of the activity, unique within the network' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  activityId!: string;

  @ApiProperty({ description: 'The member association taking part' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  associationId!: string;

  @ApiProperty({ description: 'The member staff member taking part' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  staffId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { forumInputKinds, forumTypes, housingAreas, seatHolderBackgrounds } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class RegisterForumDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the forum' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  forumId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: forumTypes })
  @IsIn(forumTypes)
  forumType!: (typeof forumTypes)[number];

  @ApiProperty({ enum: housingAreas })
  @IsIn(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'Number of seats in the forum' })
  @IsInt()
  @Min(1)
  @Max(1000)
  seats!: number;
}

export class TakeForumSeatDto extends CommandDto {
  @ApiProperty({ description: 'Pseudonymous id of the seat holder' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  seatHolderId!: string;

  @ApiProperty({ enum: seatHolderBackgrounds, description: 'Self-declared; not-disclosed is always accepted' })
  @IsIn(seatHolderBackgrounds)
  background!: (typeof seatHolderBackgrounds)[number];

  @ApiPropertyOptional({ description: 'The registered association that nominated the seat holder' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  nominatedByAssociationId?: string;
}

export class LeaveForumSeatDto extends CommandDto {
  @ApiProperty({ description: 'A current seat holder' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  seatHolderId!: string;
}

export class RecordForumInputDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the input, unique within the forum' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  inputId!: string;

  @ApiProperty({ enum: forumInputKinds })
  @IsIn(forumInputKinds)
  kind!: (typeof forumInputKinds)[number];

  @ApiPropertyOptional({ description: 'The registered association that gave the input' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  associationId?: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;
}

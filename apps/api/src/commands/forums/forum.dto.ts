import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { forumInputKinds, forumTypes, housingAreas, seatHolderBackgrounds } from '@toc/domain';
import { CodeField, CommandDto, ID_MESSAGE, ID_RULE, IdField, TextField } from '../command.dto';

export class RegisterForumDto extends CommandDto {
  @IdField('Client-chosen id of the forum')
  forumId!: string;

  @TextField(200)
  name!: string;

  @CodeField(forumTypes)
  forumType!: (typeof forumTypes)[number];

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'Number of seats in the forum' })
  @IsInt()
  @Min(1)
  @Max(1000)
  seats!: number;
}

export class TakeForumSeatDto extends CommandDto {
  @IdField('Pseudonymous id of the seat holder')
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
  @IdField('A current seat holder')
  seatHolderId!: string;
}

export class RecordForumInputDto extends CommandDto {
  @IdField('Client-chosen id of the input, unique within the forum')
  inputId!: string;

  @CodeField(forumInputKinds)
  kind!: (typeof forumInputKinds)[number];

  @ApiPropertyOptional({ description: 'The registered association that gave the input' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  associationId?: string;

  @TextField(5000)
  summary!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsObject, Matches, Max, Min, ValidateNested } from 'class-validator';
import { housingAreas, seminarFormats } from '@toc/domain';
import { CodeField, CommandDto, ID_MESSAGE, ID_RULE, IdField, TextField } from '../command.dto';

const MAX_HEADS = 100_000;
const MAX_IDS = 500;
const EACH_ID = { each: true, message: `each value in ${ID_MESSAGE}` };

/** Head counts per target group; citizens are only ever counted. */
export class ParticipantsByTargetGroupDto {
  @ApiProperty({ minimum: 0, maximum: MAX_HEADS })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADS)
  staff!: number;

  @ApiProperty({ minimum: 0, maximum: MAX_HEADS, description: 'People attending for associations' })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADS)
  associations!: number;

  @ApiProperty({ minimum: 0, maximum: MAX_HEADS })
  @IsInt()
  @Min(0)
  @Max(MAX_HEADS)
  citizens!: number;
}

export class HoldSeminarDto extends CommandDto {
  @IdField('Client-chosen id of the seminar')
  seminarId!: string;

  @CodeField(seminarFormats)
  format!: (typeof seminarFormats)[number];

  @TextField(200)
  title!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ type: ParticipantsByTargetGroupDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantsByTargetGroupDto)
  participantsByTargetGroup!: ParticipantsByTargetGroupDto;

  @ApiProperty({ type: [String], maxItems: MAX_IDS, description: 'Registered associations identified among the participants; may be empty' })
  @IsArray()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @Matches(ID_RULE, EACH_ID)
  associationIds!: string[];

  @ApiProperty({ type: [String], maxItems: MAX_IDS, description: 'Registered staff members identified among the participants; may be empty' })
  @IsArray()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @Matches(ID_RULE, EACH_ID)
  staffIds!: string[];
}

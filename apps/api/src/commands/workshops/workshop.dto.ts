import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { housingAreas, workshopTopics } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class HoldWorkshopDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the workshop' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  workshopId!: string;

  @ApiProperty({ enum: workshopTopics })
  @IsIn(workshopTopics)
  topic!: (typeof workshopTopics)[number];

  @ApiProperty({ enum: housingAreas })
  @IsIn(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, description: 'Registered staff members who took part' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(ID_RULE, { each: true, message: `each value in ${ID_MESSAGE}` })
  participantStaffIds!: string[];
}

export class RecordWorkshopFeedbackDto extends CommandDto {
  @ApiProperty({ description: 'A participant of the workshop' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  staffId!: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'How useful the workshop felt (1-5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  reactionScore!: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'How much the participant learned (1-5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  learningScore!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, Matches, Max, Min } from 'class-validator';
import { housingAreas, workshopTopics } from '@toc/domain';
import { CodeField, CommandDto, ID_MESSAGE, ID_RULE, IdField } from '../command.dto';

export class HoldWorkshopDto extends CommandDto {
  @IdField('Client-chosen id of the workshop')
  workshopId!: string;

  @CodeField(workshopTopics)
  topic!: (typeof workshopTopics)[number];

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, description: 'Registered staff members who took part' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(ID_RULE, { each: true, message: `each value in ${ID_MESSAGE}` })
  participantStaffIds!: string[];
}

export class RecordWorkshopFeedbackDto extends CommandDto {
  @IdField('A participant of the workshop')
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

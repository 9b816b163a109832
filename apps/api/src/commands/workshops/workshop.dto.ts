import { feedbackScale, housingAreas, workshopTopics } from '@toc/domain';
import { CodeField, CommandDto, IdField, IdListField, IntegerField } from '../command.dto';

export class HoldWorkshopDto extends CommandDto {
  @IdField('Client-chosen id of the workshop')
  workshopId!: string;

  @CodeField(workshopTopics)
  topic!: (typeof workshopTopics)[number];

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @IdListField({ minItems: 1, maxItems: 200, description: 'Registered staff members who took part' })
  participantStaffIds!: string[];
}

export class RecordWorkshopFeedbackDto extends CommandDto {
  @IdField('A participant of the workshop')
  staffId!: string;

  @IntegerField(feedbackScale.min, feedbackScale.max, 'How useful the workshop felt')
  reactionScore!: number;

  @IntegerField(feedbackScale.min, feedbackScale.max, 'How much the participant learned')
  learningScore!: number;
}

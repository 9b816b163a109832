import { housingAreas, seminarFormats } from '@toc/domain';
import { CodeField, CommandDto, IdField, IdListField, IntegerField, NestedField, TextField } from '../command.dto';

const MAX_HEADS = 100_000;
const MAX_IDS = 500;

/** Head counts per target group; citizens are only ever counted. */
export class ParticipantsByTargetGroupDto {
  @IntegerField(0, MAX_HEADS)
  staff!: number;

  @IntegerField(0, MAX_HEADS, 'People attending for associations')
  associations!: number;

  @IntegerField(0, MAX_HEADS)
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

  @NestedField(ParticipantsByTargetGroupDto)
  participantsByTargetGroup!: ParticipantsByTargetGroupDto;

  @IdListField({ maxItems: MAX_IDS, description: 'Registered associations identified among the participants; may be empty' })
  associationIds!: string[];

  @IdListField({ maxItems: MAX_IDS, description: 'Registered staff members identified among the participants; may be empty' })
  staffIds!: string[];
}

import { forumInputKinds, forumTypes, housingAreas, seatHolderBackgrounds } from '@toc/domain';
import { CodeField, CommandDto, IdField, IntegerField, OptionalIdField, TextField } from '../command.dto';

export class RegisterForumDto extends CommandDto {
  @IdField('Client-chosen id of the forum')
  forumId!: string;

  @TextField(200)
  name!: string;

  @CodeField(forumTypes)
  forumType!: (typeof forumTypes)[number];

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @IntegerField(1, 1000, 'Number of seats in the forum')
  seats!: number;
}

export class TakeForumSeatDto extends CommandDto {
  @IdField('Pseudonymous id of the seat holder')
  seatHolderId!: string;

  @CodeField(seatHolderBackgrounds, 'Self-declared; not-disclosed is always accepted')
  background!: (typeof seatHolderBackgrounds)[number];

  @OptionalIdField('The registered association that nominated the seat holder')
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

  @OptionalIdField('The registered association that gave the input')
  associationId?: string;

  @TextField(5000)
  summary!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import {
  ASSOCIATION_NAME_MAX_LENGTH,
  assessmentModes,
  assessmentWaves,
  associationTypes,
  capacityDomains,
  housingAreas,
  sizeBands,
} from '@toc/domain';
import { CodeField, CommandDto, IdField, NestedListField, OptionalCodeField, OptionalTextField, TextField } from '../command.dto';

export class RegisterAssociationDto extends CommandDto {
  @IdField('Client-chosen id of the association (no personal data)')
  associationId!: string;

  @TextField(ASSOCIATION_NAME_MAX_LENGTH)
  name!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @CodeField(associationTypes)
  associationType!: (typeof associationTypes)[number];

  @CodeField(sizeBands)
  sizeBand!: (typeof sizeBands)[number];
}

export class CorrectAssociationDetailsDto extends CommandDto {
  @OptionalTextField(ASSOCIATION_NAME_MAX_LENGTH)
  name?: string;

  @OptionalCodeField(housingAreas)
  housingArea?: (typeof housingAreas)[number];

  @OptionalCodeField(associationTypes)
  associationType?: (typeof associationTypes)[number];

  @OptionalCodeField(sizeBands)
  sizeBand?: (typeof sizeBands)[number];

  @TextField(1000, 'Why the registered details were wrong')
  reason!: string;
}

export class CapacityItemDto {
  @CodeField(capacityDomains)
  domain!: string;

  // The scale depends on the instrument, so the decider checks the range.
  @ApiProperty({ description: "On the instrument's scale" })
  @IsInt()
  score!: number;

  @TextField(2000, 'What the score rests on')
  evidence!: string;
}

export class RecordCapacityAssessmentDto extends CommandDto {
  @IdField()
  assessmentId!: string;

  @CodeField(assessmentWaves)
  wave!: (typeof assessmentWaves)[number];

  @TextField(50, 'Version of the capacity instrument, such as cap-2010-v1')
  instrumentVersion!: string;

  @CodeField(assessmentModes)
  mode!: (typeof assessmentModes)[number];

  @NestedListField(CapacityItemDto, { minItems: 1, maxItems: 50 })
  items!: CapacityItemDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { assessmentModes, assessmentWaves, associationTypes, capacityDomains, housingAreas, sizeBands } from '@toc/domain';
import { CodeField, CommandDto, IdField, TextField } from '../command.dto';

export class RegisterAssociationDto extends CommandDto {
  @IdField('Client-chosen id of the association (no personal data)')
  associationId!: string;

  @TextField(200)
  name!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @CodeField(associationTypes)
  associationType!: (typeof associationTypes)[number];

  @CodeField(sizeBands)
  sizeBand!: (typeof sizeBands)[number];
}

export class CorrectAssociationDetailsDto extends CommandDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: housingAreas })
  @IsOptional()
  @IsIn(housingAreas)
  housingArea?: (typeof housingAreas)[number];

  @ApiPropertyOptional({ enum: associationTypes })
  @IsOptional()
  @IsIn(associationTypes)
  associationType?: (typeof associationTypes)[number];

  @ApiPropertyOptional({ enum: sizeBands })
  @IsOptional()
  @IsIn(sizeBands)
  sizeBand?: (typeof sizeBands)[number];

  @TextField(1000, 'Why the registered details were wrong')
  reason!: string;
}

export class CapacityItemDto {
  @CodeField(capacityDomains)
  domain!: string;

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

  @ApiProperty({ example: 'cap-2010-v1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  instrumentVersion!: string;

  @CodeField(assessmentModes)
  mode!: (typeof assessmentModes)[number];

  @ApiProperty({ type: [CapacityItemDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CapacityItemDto)
  items!: CapacityItemDto[];
}

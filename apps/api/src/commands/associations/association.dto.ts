import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { assessmentModes, assessmentWaves, associationTypes, capacityDomains, housingAreas, sizeBands } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class RegisterAssociationDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the association (no personal data)' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  associationId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: housingAreas })
  @IsIn(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ enum: associationTypes })
  @IsIn(associationTypes)
  associationType!: (typeof associationTypes)[number];

  @ApiProperty({ enum: sizeBands })
  @IsIn(sizeBands)
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

  @ApiProperty({ description: 'Why the registered details were wrong' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class CapacityItemDto {
  @ApiProperty({ enum: capacityDomains })
  @IsIn(capacityDomains)
  domain!: string;

  @ApiProperty({ description: "On the instrument's scale" })
  @IsInt()
  score!: number;

  @ApiProperty({ description: 'What the score rests on' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  evidence!: string;
}

export class RecordCapacityAssessmentDto extends CommandDto {
  @ApiProperty()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  assessmentId!: string;

  @ApiProperty({ enum: assessmentWaves })
  @IsIn(assessmentWaves)
  wave!: (typeof assessmentWaves)[number];

  @ApiProperty({ example: 'cap-2010-v1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  instrumentVersion!: string;

  @ApiProperty({ enum: assessmentModes })
  @IsIn(assessmentModes)
  mode!: (typeof assessmentModes)[number];

  @ApiProperty({ type: [CapacityItemDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CapacityItemDto)
  items!: CapacityItemDto[];
}

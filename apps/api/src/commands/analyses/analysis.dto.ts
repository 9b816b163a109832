import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { housingAreas } from '@toc/domain';
import { CodeField, CommandDto, IdField } from '../command.dto';

export class CompleteGoodPracticeAnalysisDto extends CommandDto {
  @IdField('Client-chosen id of the analysis')
  analysisId!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ minimum: 0, maximum: 1000, description: 'Good practices of citizen involvement the analysis identified' })
  @IsInt()
  @Min(0)
  @Max(1000)
  practicesIdentified!: number;

  @ApiProperty({ maxLength: 5000, description: 'Summary of the findings' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;
}

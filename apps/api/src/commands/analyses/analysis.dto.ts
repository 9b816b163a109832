import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { housingAreas } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class CompleteGoodPracticeAnalysisDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the analysis' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  analysisId!: string;

  @ApiProperty({ enum: housingAreas })
  @IsIn(housingAreas)
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { respondentKinds, surveyScale, surveyStatements, surveyWaves } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

const statementCodes = surveyStatements.map((statement) => statement.code);

export class SurveyAnswerDto {
  @ApiProperty({ enum: statementCodes })
  @IsIn(statementCodes)
  statement!: string;

  @ApiProperty({ minimum: surveyScale.min, maximum: surveyScale.max, description: 'Likert: 1 strongly disagree to 5 strongly agree' })
  @IsInt()
  @Min(surveyScale.min)
  @Max(surveyScale.max)
  score!: number;
}

export class AnswerSurveyDto extends CommandDto {
  @ApiProperty({ description: 'Pseudonymous id of the respondent; the answers go to stream respondent-<respondentId>' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  respondentId!: string;

  @ApiProperty({ enum: respondentKinds })
  @IsIn(respondentKinds)
  respondentKind!: (typeof respondentKinds)[number];

  @ApiPropertyOptional({ description: 'The registered association, for an association representative only' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  associationId?: string;

  @ApiPropertyOptional({ description: 'The registered staff member, for a staff respondent only' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  staffId?: string;

  @ApiProperty({ enum: surveyWaves })
  @IsIn(surveyWaves)
  wave!: (typeof surveyWaves)[number];

  @ApiProperty({ type: [SurveyAnswerDto], minItems: 1, maxItems: statementCodes.length })
  @ArrayMinSize(1)
  @ArrayMaxSize(statementCodes.length)
  @ArrayUnique((answer: SurveyAnswerDto) => answer?.statement)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers!: SurveyAnswerDto[];
}

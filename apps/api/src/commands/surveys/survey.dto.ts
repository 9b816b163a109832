import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { respondentKinds, surveyScale, surveyStatements, surveyWaves } from '@toc/domain';
import { CodeField, CommandDto, ID_MESSAGE, ID_RULE, IdField } from '../command.dto';

const statementCodes = surveyStatements.map((statement) => statement.code);

export class SurveyAnswerDto {
  @CodeField(statementCodes)
  statement!: string;

  @ApiProperty({ minimum: surveyScale.min, maximum: surveyScale.max, description: 'Likert: 1 strongly disagree to 5 strongly agree' })
  @IsInt()
  @Min(surveyScale.min)
  @Max(surveyScale.max)
  score!: number;
}

export class AnswerSurveyDto extends CommandDto {
  @IdField('Pseudonymous id of the respondent; the answers go to stream respondent-<respondentId>')
  respondentId!: string;

  @CodeField(respondentKinds)
  respondentKind!: (typeof respondentKinds)[number];

  @ApiPropertyOptional({ description: 'The registered association, for an association representative only' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  associationId?: string;

  @ApiPropertyOptional({ description: 'The registered staff member, for a staff respondent only' })
  @IsOptional()
  @Matches(ID_RULE, { message: ID_MESSAGE })
  staffId?: string;

  @CodeField(surveyWaves)
  wave!: (typeof surveyWaves)[number];

  @ApiProperty({ type: [SurveyAnswerDto], minItems: 1, maxItems: statementCodes.length })
  @ArrayMinSize(1)
  @ArrayMaxSize(statementCodes.length)
  @ArrayUnique((answer: SurveyAnswerDto) => answer?.statement)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers!: SurveyAnswerDto[];
}

import { respondentKinds, surveyScale, surveyStatements, surveyWaves } from '@toc/domain';
import { CodeField, CommandDto, IdField, IntegerField, NestedListField, OptionalIdField } from '../command.dto';

const statementCodes = surveyStatements.map((statement) => statement.code);

export class SurveyAnswerDto {
  @CodeField(statementCodes)
  statement!: string;

  @IntegerField(surveyScale.min, surveyScale.max, `Likert: ${surveyScale.min} strongly disagree to ${surveyScale.max} strongly agree`)
  score!: number;
}

export class AnswerSurveyDto extends CommandDto {
  @IdField('Pseudonymous id of the respondent; the answers go to stream respondent-<respondentId>')
  respondentId!: string;

  @CodeField(respondentKinds)
  respondentKind!: (typeof respondentKinds)[number];

  @OptionalIdField('The registered association, for an association representative only')
  associationId?: string;

  @OptionalIdField('The registered staff member, for a staff respondent only')
  staffId?: string;

  @CodeField(surveyWaves)
  wave!: (typeof surveyWaves)[number];

  @NestedListField(SurveyAnswerDto, { minItems: 1, maxItems: statementCodes.length, uniqueBy: (answer) => answer?.statement })
  answers!: SurveyAnswerDto[];
}

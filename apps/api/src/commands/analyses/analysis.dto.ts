import { housingAreas } from '@toc/domain';
import { CodeField, CommandDto, IdField, IntegerField, TextField } from '../command.dto';

export class CompleteGoodPracticeAnalysisDto extends CommandDto {
  @IdField('Client-chosen id of the analysis')
  analysisId!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @IntegerField(0, 1000, 'Good practices of citizen involvement the analysis identified')
  practicesIdentified!: number;

  @TextField(5000, 'Summary of the findings')
  summary!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { evaluationMilestones } from '@toc/domain';
import { CodeField, CommandDto, IdField, TextField } from '../command.dto';

export class RecordEvaluationMilestoneDto extends CommandDto {
  @IdField('Client-chosen id of the milestone')
  milestoneId!: string;

  @CodeField(evaluationMilestones)
  milestone!: (typeof evaluationMilestones)[number];

  @TextField(200)
  title!: string;

  // Unlike OptionalTextField, an empty note is accepted: the event stores '' for no note.
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { evaluationMilestones } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class RecordEvaluationMilestoneDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen id of the milestone' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  milestoneId!: string;

  @ApiProperty({ enum: evaluationMilestones })
  @IsIn(evaluationMilestones)
  milestone!: (typeof evaluationMilestones)[number];

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { courseModules, housingAreas } from '@toc/domain';
import { CodeField, CommandDto, ID_MESSAGE, ID_RULE, IdField, TextField } from '../command.dto';

const EACH_ID = { each: true, message: `each value in ${ID_MESSAGE}` };
const MAX_PEOPLE = 200;

export class DesignCourseDto extends CommandDto {
  @IdField('Client-chosen id of the course')
  courseId!: string;

  @TextField(200)
  title!: string;

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];

  @ApiProperty({ enum: courseModules, isArray: true, minItems: 1 })
  @ArrayMinSize(1)
  @ArrayMaxSize(courseModules.length)
  @ArrayUnique()
  @IsIn(courseModules, { each: true })
  modules!: (typeof courseModules)[number][];

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  plannedSessions!: number;
}

/** Starting a course needs nothing besides business time. */
export class StartCourseDto extends CommandDto {}

export class EnrolAssociationDto extends CommandDto {
  @IdField('A registered association')
  associationId!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, description: "Pseudonymous ids of the association's representatives" })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(ID_RULE, EACH_ID)
  representativeIds!: string[];
}

export class HoldCourseSessionDto extends CommandDto {
  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  sessionNumber!: number;

  @CodeField(courseModules)
  module!: (typeof courseModules)[number];

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_PEOPLE, description: 'Representatives present' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PEOPLE)
  @ArrayUnique()
  @Matches(ID_RULE, EACH_ID)
  attendeeIds!: string[];
}

export class CompleteCourseDto extends CommandDto {
  @ApiProperty({ type: [String], maxItems: 500, description: 'Enrolled associations that completed the course; may be empty' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(ID_RULE, EACH_ID)
  completedAssociationIds!: string[];
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn } from 'class-validator';
import { MAX_PLANNED_SESSIONS, courseModules, housingAreas } from '@toc/domain';
import { CodeField, CommandDto, IdField, IdListField, IntegerField, TextField } from '../command.dto';

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

  @IntegerField(1, MAX_PLANNED_SESSIONS)
  plannedSessions!: number;
}

/** Starting a course needs nothing besides business time. */
export class StartCourseDto extends CommandDto {}

export class EnrolAssociationDto extends CommandDto {
  @IdField('A registered association')
  associationId!: string;

  @IdListField({ minItems: 1, maxItems: 50, description: "Pseudonymous ids of the association's representatives" })
  representativeIds!: string[];
}

export class HoldCourseSessionDto extends CommandDto {
  @IntegerField(1, 1000)
  sessionNumber!: number;

  @CodeField(courseModules)
  module!: (typeof courseModules)[number];

  @IdListField({ minItems: 1, maxItems: MAX_PEOPLE, description: 'Representatives present' })
  attendeeIds!: string[];
}

export class CompleteCourseDto extends CommandDto {
  @IdListField({ maxItems: 500, description: 'Enrolled associations that completed the course; may be empty' })
  completedAssociationIds!: string[];
}

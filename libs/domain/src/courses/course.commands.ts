import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { courseDecider } from './course.decider';

const course = (data: { courseId: string }) => streamName('course', data.courseId);

export const courseCommands = aggregateCommands(courseDecider, {
  DesignCourse: { stream: course },
  StartCourse: { stream: course },
  EnrolAssociation: {
    stream: course,
    references: (data) => [{ streamId: streamName('association', data.associationId), field: 'associationId' }],
  },
  HoldCourseSession: { stream: course },
  CompleteCourse: { stream: course },
});

import { CourseModule, HousingArea } from '@toc/domain';
import { DemoCommandOptions, DemoStep, actors, at, demoCommand } from './demo-step';

/** When the demo's one correction was recorded, so replays "as known" before it show the old figures. */
export const CORRECTION_RECORDED_AT = '2010-11-15T09:00:00.000Z';

interface DemoCourse {
  readonly id: string;
  readonly title: string;
  readonly area: HousingArea;
  readonly modules: CourseModule[];
  readonly designed: string;
  readonly enrolled: string;
  readonly started?: string;
  readonly enrolments: [string, string[]][];
  readonly sessions: [string, CourseModule, string[]][];
  readonly completed?: [string, string[]];
}

/** Capacity-building courses (A3 designed, P1 delivered). */
const courses: readonly DemoCourse[] = [
  {
    id: 'c1-tingbjerg', title: 'Medborgerskab, rettigheder og pligter – Tingbjerg/Husum', area: 'tingbjerg-husum', modules: ['citizenship', 'rights', 'duties'],
    designed: '2010-03-08', enrolled: '2010-04-06', started: '2010-04-12',
    enrolments: [['a01', ['rep-a01-1', 'rep-a01-2']], ['a02', ['rep-a02-1', 'rep-a02-2']], ['a03', ['rep-a03-1']], ['a04', ['rep-a04-1', 'rep-a04-2']], ['a06', ['rep-a06-1']]],
    sessions: [
      ['2010-04-19', 'citizenship', ['rep-a01-1', 'rep-a01-2', 'rep-a02-1', 'rep-a02-2', 'rep-a03-1', 'rep-a04-1', 'rep-a04-2', 'rep-a06-1']],
      ['2010-05-10', 'rights', ['rep-a01-1', 'rep-a01-2', 'rep-a02-1', 'rep-a03-1', 'rep-a04-1', 'rep-a06-1']],
      ['2010-06-07', 'duties', ['rep-a01-1', 'rep-a02-1', 'rep-a02-2', 'rep-a03-1', 'rep-a04-1', 'rep-a04-2']],
    ],
    completed: ['2010-06-21', ['a01', 'a02', 'a03', 'a04']],
  },
  {
    id: 'c2-mjolnerparken', title: 'Foreningsledelse og kommunikation – Mjølnerparken', area: 'mjolnerparken', modules: ['citizenship', 'association-management', 'communication'],
    designed: '2010-04-20', enrolled: '2010-08-16', started: '2010-08-23',
    enrolments: [['a08', ['rep-a08-1', 'rep-a08-2']], ['a09', ['rep-a09-1', 'rep-a09-2']], ['a10', ['rep-a10-1']], ['a11', ['rep-a11-1']], ['a12', ['rep-a12-1']], ['a13', ['rep-a13-1']]],
    sessions: [
      ['2010-08-30', 'citizenship', ['rep-a08-1', 'rep-a08-2', 'rep-a09-1', 'rep-a09-2', 'rep-a10-1', 'rep-a11-1', 'rep-a12-1', 'rep-a13-1']],
      ['2010-09-13', 'association-management', ['rep-a08-1', 'rep-a08-2', 'rep-a09-1', 'rep-a10-1', 'rep-a12-1', 'rep-a13-1']],
      // First recorded without rep-a11-1; corrected below.
      ['2010-09-27', 'communication', ['rep-a08-1', 'rep-a09-1', 'rep-a09-2', 'rep-a10-1', 'rep-a13-1']],
    ],
    completed: ['2010-09-30', ['a08', 'a09', 'a10', 'a12', 'a13']],
  },
  {
    id: 'c3-urbanplanen', title: 'Rettigheder, pligter og fundraising – Urbanplanen', area: 'urbanplanen', modules: ['rights', 'duties', 'fundraising'],
    designed: '2010-06-14', enrolled: '2010-08-30', started: '2010-09-06',
    enrolments: [['a23', ['rep-a23-1', 'rep-a23-2']], ['a24', ['rep-a24-1', 'rep-a24-2']], ['a25', ['rep-a25-1']], ['a26', ['rep-a26-1']], ['a27', ['rep-a27-1']], ['a28', ['rep-a28-1']]],
    sessions: [
      ['2010-09-20', 'rights', ['rep-a23-1', 'rep-a23-2', 'rep-a24-1', 'rep-a24-2', 'rep-a25-1', 'rep-a26-1', 'rep-a27-1', 'rep-a28-1']],
      ['2010-10-11', 'duties', ['rep-a23-1', 'rep-a23-2', 'rep-a24-1', 'rep-a25-1', 'rep-a26-1', 'rep-a27-1']],
      ['2010-11-08', 'fundraising', ['rep-a23-1', 'rep-a24-1', 'rep-a24-2', 'rep-a26-1', 'rep-a27-1', 'rep-a28-1']],
    ],
    completed: ['2010-11-22', ['a23', 'a24', 'a25', 'a26', 'a27']],
  },
  {
    id: 'c4-bispeparken', title: 'Medborgerskab og kommunikation – Bispeparken', area: 'bispeparken', modules: ['citizenship', 'communication'],
    designed: '2010-08-09', enrolled: '2010-10-11', started: '2010-10-18',
    enrolments: [['a18', ['rep-a18-1']], ['a19', ['rep-a19-1']], ['a20', ['rep-a20-1', 'rep-a20-2']], ['a21', ['rep-a21-1']], ['a14', ['rep-a14-1']], ['a15', ['rep-a15-1']], ['a01', ['rep-a01-3']]],
    sessions: [
      ['2010-11-01', 'citizenship', ['rep-a18-1', 'rep-a19-1', 'rep-a20-1', 'rep-a20-2', 'rep-a21-1', 'rep-a14-1', 'rep-a15-1', 'rep-a01-3']],
      ['2011-01-17', 'communication', ['rep-a18-1', 'rep-a20-1', 'rep-a21-1', 'rep-a14-1', 'rep-a01-3']],
    ],
    completed: ['2011-01-31', ['a18', 'a20', 'a21', 'a14', 'a01']],
  },
  {
    id: 'c5-horgarden', title: 'Forening og fællesskab – Hørgården og Sydhavnen', area: 'horgarden', modules: ['citizenship', 'rights', 'association-management'],
    designed: '2010-11-15', enrolled: '2011-01-31', started: '2011-02-07',
    enrolments: [['a29', ['rep-a29-1']], ['a30', ['rep-a30-1']], ['a31', ['rep-a31-1', 'rep-a31-2']], ['a33', ['rep-a33-1']], ['a34', ['rep-a34-1']], ['a36', ['rep-a36-1']]],
    sessions: [
      ['2011-02-21', 'citizenship', ['rep-a29-1', 'rep-a30-1', 'rep-a31-1', 'rep-a31-2', 'rep-a33-1', 'rep-a34-1', 'rep-a36-1']],
      ['2011-03-21', 'rights', ['rep-a29-1', 'rep-a31-1', 'rep-a31-2', 'rep-a33-1', 'rep-a34-1']],
      ['2011-04-11', 'association-management', ['rep-a29-1', 'rep-a30-1', 'rep-a31-1', 'rep-a33-1', 'rep-a36-1']],
    ],
    completed: ['2011-05-02', ['a29', 'a31', 'a33', 'a34']],
  },
  {
    id: 'c6-tingbjerg', title: 'Medborgerskab og fundraising, 2. hold – Tingbjerg/Husum', area: 'tingbjerg-husum', modules: ['citizenship', 'fundraising'],
    designed: '2011-03-14', enrolled: '2011-05-02', started: '2011-05-09',
    enrolments: [['a05', ['rep-a05-1']], ['a07', ['rep-a07-1']], ['a04', ['rep-a04-1']]],
    sessions: [['2011-05-23', 'citizenship', ['rep-a05-1', 'rep-a07-1', 'rep-a04-1']]],
  },
];

/** The c2 session first recorded without rep-a11-1, and its correction found when the attendance sheets were re-checked weeks later. */
const correctedSession = 'c2-mjolnerparken-session-3';
const correctedAttendees = ['rep-a08-1', 'rep-a09-1', 'rep-a09-2', 'rep-a10-1', 'rep-a11-1', 'rep-a13-1'];

const sessionSteps = (courseId: string, [date, module, attendeeIds]: [string, CourseModule, string[]], i: number): DemoStep[] => {
  const label = `${courseId}-session-${i + 1}`;
  const session = (ids: string[], options: DemoCommandOptions) =>
    demoCommand('HoldCourseSession', { courseId, sessionNumber: i + 1, module, attendeeIds: ids }, at(date, '16:00'), actors.trainer, 'course-register', options);
  const held = session(attendeeIds, { label });
  if (label !== correctedSession) return [held];
  const reason = 'attendance sheet re-checked: rep-a11-1 attended and was left out';
  return [held, session(correctedAttendees, { correctionOf: { label, reason }, recordedAt: CORRECTION_RECORDED_AT })];
};

const stepsOf = (course: DemoCourse): DemoStep[] => {
  const { id } = course;
  const designed = demoCommand('DesignCourse', { courseId: id, title: course.title, housingArea: course.area, modules: course.modules, plannedSessions: course.modules.length },
    at(course.designed, '12:00'), actors.advisor, 'course-register');
  const enrolments = course.enrolments.map(([associationId, representativeIds]) =>
    demoCommand('EnrolAssociation', { courseId: id, associationId, representativeIds }, at(course.enrolled, '12:00'), actors.trainer, 'course-register'));
  if (!course.started) return [designed, ...enrolments];
  const completion = course.completed
    ? [demoCommand('CompleteCourse', { courseId: id, completedAssociationIds: course.completed[1] }, at(course.completed[0], '17:00'), actors.trainer, 'course-register')]
    : [];
  return [
    designed,
    ...enrolments,
    demoCommand('StartCourse', { courseId: id }, at(course.started, '16:00'), actors.trainer, 'course-register'),
    ...course.sessions.flatMap((session, i) => sessionSteps(id, session, i)),
    ...completion,
  ];
};

export const courseSteps: readonly DemoStep[] = courses.flatMap(stepsOf);

import { DemoStep, actors, at, demoCommand } from './demo-step';

/** Evaluation milestones (A5): [id, milestone, date, title, note]. */
const milestones = [
  ['ev-design', 'other', '2010-02-15', 'Evalueringsdesign og indikatorer godkendt', 'Design, indicators and data protection approved by the steering group'],
  ['ev-baseline', 'baseline-report', '2010-06-30', 'Baselinerapport: kapacitet og repræsentation', 'Baseline of association capacity and forum representation'],
  ['ev-midterm', 'midterm-review', '2011-01-20', 'Midtvejsevaluering', 'Midterm review of courses, workshops and networks'],
] as const;

export const evaluationSteps: readonly DemoStep[] = milestones.map(([id, milestone, date, title, note]) =>
  demoCommand('RecordEvaluationMilestone', { milestoneId: id, milestone, title, note }, at(date, '14:00'), actors.evaluator, 'evaluation-log'));

import { DemoStep, actors, at, demoCommand } from './demo-step';

interface DemoAllocation {
  readonly id: string;
  readonly line: 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6';
  readonly kind: 'staff-time' | 'budget';
  readonly unit: 'fte' | 'hours' | 'dkk';
  readonly amount: number;
  readonly start: string;
  readonly end: string;
  /** Use booked at the end of each quarter: [date, hours of staff time or DKK of a budget]. */
  readonly uses: readonly (readonly [string, number])[];
}

/** Resources R1..R6: allocations at the start, use booked at each quarter's end. */
const allocations: readonly DemoAllocation[] = [
  { id: 'r1-taskforce-fte', line: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, start: '2010-01-01', end: '2011-12-31',
    uses: [['2010-03-31', 481], ['2010-06-30', 481], ['2010-09-30', 481], ['2010-12-30', 481], ['2011-03-31', 481], ['2011-06-30', 481]] },
  { id: 'r2-helhedsplaner-hours', line: 'R2', kind: 'staff-time', unit: 'hours', amount: 600, start: '2010-01-01', end: '2011-12-31',
    uses: [['2010-03-31', 30], ['2010-06-30', 50], ['2010-09-30', 40], ['2010-12-30', 60], ['2011-03-31', 50], ['2011-06-30', 70]] },
  { id: 'r3-projektraadgivning-hours', line: 'R3', kind: 'staff-time', unit: 'hours', amount: 400, start: '2010-03-01', end: '2011-06-30',
    uses: [['2010-03-31', 10], ['2010-06-30', 40], ['2010-09-30', 60], ['2010-12-30', 50], ['2011-03-31', 60], ['2011-06-30', 40]] },
  { id: 'r4-area-staff-hours', line: 'R4', kind: 'staff-time', unit: 'hours', amount: 800, start: '2010-01-01', end: '2011-12-31',
    uses: [['2010-03-31', 24], ['2010-06-30', 52], ['2010-09-30', 36], ['2010-12-30', 84], ['2011-03-31', 100], ['2011-06-30', 48]] },
  { id: 'r5-tryghed-hours', line: 'R5', kind: 'staff-time', unit: 'hours', amount: 200, start: '2010-01-01', end: '2011-12-31',
    uses: [['2010-06-30', 16], ['2010-12-30', 24], ['2011-03-31', 12], ['2011-06-30', 20]] },
  { id: 'r5-tryghed-dkk', line: 'R5', kind: 'budget', unit: 'dkk', amount: 30000, start: '2010-01-01', end: '2011-12-31',
    uses: [['2010-06-30', 8000], ['2010-12-30', 6500], ['2011-06-30', 9000]] },
  { id: 'r6-printing-dkk', line: 'R6', kind: 'budget', unit: 'dkk', amount: 120000, start: '2010-01-01', end: '2011-12-31',
    uses: [['2010-06-30', 18500], ['2010-09-30', 22000], ['2010-12-30', 15500], ['2011-03-31', 24000], ['2011-06-30', 19000]] },
];

export const resourceSteps: readonly DemoStep[] = allocations.flatMap(({ id, line, kind, unit, amount, start, end, uses }) => [
  demoCommand('AllocateResource', { allocationId: id, resourceLine: line, kind, unit, amount, periodStart: start, periodEnd: end },
    at('2010-01-04', '09:00'), actors.finance, 'resource-ledger'),
  ...uses.map(([date, used]) =>
    demoCommand('RecordResourceUse', { allocationId: id, ...(kind === 'budget' ? { amount: used } : { hours: used }), note: `booked for the quarter ending ${date}` },
      at(date, '10:00'), actors.finance, 'resource-ledger')),
]);

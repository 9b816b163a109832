import { CellValue, IndicatorCell, IndicatorCode, IndicatorDefinition, PeriodType, RecordedEvent, domainUpcasters, findIndicator, isPeriodOfType, periodTypes } from '@toc/domain';
import { indicatorViews } from '@toc/read-models';
import { figureNote } from './evaluation-report';
import { ReportSources, buildEvaluationReport, targetPeriod } from './report-builder';

const MIN_CELL_SIZE = 5;
const calendar = { start: '2010-01-01', end: '2011-12-31' };

const periodTypeOf = (period: string): PeriodType => periodTypes.find((type) => isPeriodOfType(type, period))!;

/** A cell of the read model: an indicator's sums in one period, for its total or one breakdown value. */
const cell = (indicator: IndicatorCode, period: string, sums: IndicatorCell['sums'], dimension = 'total', value = '*'): IndicatorCell => ({
  indicator,
  periodType: periodTypeOf(period),
  period,
  dimension,
  value,
  sums,
});

const sums = (numerator: number, denominator = 0, subjects = 0) => ({ numerator, denominator, subjects });

const recorded = (type: string, occurredAt: string, recordedAt: string, position: number): RecordedEvent => ({
  type,
  data: {},
  streamId: `stream-${position}`,
  revision: 0,
  position,
  metadata: { eventId: `e-${position}`, schemaVersion: 1, correlationId: 'c', causationId: null, actor: { userId: 'u', role: 'case-worker' }, sourceApp: 'spec', occurredAt, recordedAt },
});

/**
 * Given the cells of the read model and the records of the log, when the report of a period is
 * built on a day, then the report as text: every node's box, and the whole page.
 */
const given = (cells: readonly IndicatorCell[], records: readonly RecordedEvent[] = []) => ({
  whenReported: async (periodType: PeriodType, period: string, now = '2011-06-30T12:00:00.000Z') => {
    const sources: ReportSources = {
      indicators: { minCellSize: MIN_CELL_SIZE, at: async () => async (query) => indicatorViews(cells, query, MIN_CELL_SIZE) },
      events: { readAll: async (options = {}) => records.filter((event) => event.position > (options.after ?? 0)), chainHead: async () => null },
      config: { programmeStart: calendar.start, programmeEnd: calendar.end },
    };
    const html = await buildEvaluationReport(sources, { periodType, period, now: new Date(now) });
    return {
      html,
      page: textOf(html),
      /** The row of an indicator in a node's box. */
      row: (node: string, code: IndicatorCode) => {
        const box = html.slice(html.indexOf(`id="node-${node}"`), html.indexOf('</section>', html.indexOf(`id="node-${node}"`)));
        const rows = box.split('<tr>').filter((candidate) => candidate.includes(`<code>${code}</code>`));
        expect(rows).toHaveLength(1);
        return textOf(rows[0]);
      },
    };
  },
});

const textOf = (html: string) =>
  html
    .replace(/<(style|svg)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

describe('evaluation report', () => {
  describe('given staff time and budget used on several resource lines over the programme', () => {
    const resources = [
      cell('RES-STAFF-TIME', 'programme', sums(3862, 5848)),
      cell('RES-STAFF-TIME', 'programme', sums(2886, 3848), 'resourceLine', 'R1'),
      cell('RES-STAFF-TIME', 'programme', sums(300, 600), 'resourceLine', 'R2'),
      cell('RES-STAFF-TIME', 'programme', sums(260, 400), 'resourceLine', 'R3'),
      cell('RES-STAFF-TIME', 'programme', sums(344, 800), 'resourceLine', 'R4'),
      cell('RES-STAFF-TIME', 'programme', sums(72, 200), 'resourceLine', 'R5'),
      cell('RES-STAFF-TIME', '2010-Q1', sums(545, 700)),
      cell('RES-STAFF-TIME', '2010-Q1', sums(481, 474), 'resourceLine', 'R1'),
      cell('RES-STAFF-TIME', '2010-Q1', sums(30, 75), 'resourceLine', 'R2'),
      cell('RES-STAFF-TIME', '2010-Q2', sums(639, 700)),
      cell('RES-STAFF-TIME', '2010-Q2', sums(481, 479), 'resourceLine', 'R1'),
      cell('RES-STAFF-TIME', '2010-Q2', sums(50, 75), 'resourceLine', 'R2'),
      cell('RES-BUDGET', 'programme', sums(122500, 150000)),
      cell('RES-BUDGET', 'programme', sums(23500, 30000), 'resourceLine', 'R5'),
      cell('RES-BUDGET', 'programme', sums(99000, 120000), 'resourceLine', 'R6'),
    ];

    it('when the programme is reported, then each resource box shows its own line, with all lines beside it', async () => {
      const { row } = await given(resources).whenReported('programme', 'programme');
      expect(row('R1', 'RES-STAFF-TIME')).toContain('2.886 alle linjer / all lines : 3.862');
      expect(row('R2', 'RES-STAFF-TIME')).toContain('resource line R2');
      expect(row('R2', 'RES-STAFF-TIME')).toContain('300 alle linjer / all lines : 3.862');
      expect(row('R3', 'RES-STAFF-TIME')).toContain('260 alle linjer');
      expect(row('R5', 'RES-STAFF-TIME')).toContain('72 alle linjer');
      expect(row('R5', 'RES-BUDGET')).toContain('23.500 alle linjer / all lines : 122.500');
      expect(row('R6', 'RES-BUDGET')).toContain('99.000 alle linjer');
    });

    it("when the programme is reported, then a line's trend follows its own quarters", async () => {
      const { html } = await given(resources).whenReported('programme', 'programme');
      const box = html.slice(html.indexOf('id="node-R2"'), html.indexOf('</section>', html.indexOf('id="node-R2"')));
      expect(box).toContain('aria-label="2010-Q1: 30, 2010-Q2: 50, 2010-Q3: 0');
    });

    it('when 2010-Q1 is reported, then a line without records in it says so', async () => {
      const { row } = await given(resources).whenReported('quarter', '2010-Q1');
      expect(row('R3', 'RES-STAFF-TIME')).toContain('0 ingen registreringer i perioden / no records in this period alle linjer / all lines : 545');
      expect(row('R2', 'RES-STAFF-TIME')).toContain('30 alle linjer / all lines : 545');
    });

    it("when the programme is reported, then a line's progress is that of all lines, against the target they share", async () => {
      const { row } = await given(resources).whenReported('programme', 'programme');
      // 3,862 of the 4,000 hours planned by 2011-12-31, as of 30 June 2011.
      expect(row('R2', 'RES-STAFF-TIME')).toContain('97 % målt på hele programmet indtil videre, alle ressourcelinjer / measured in the whole programme so far, all resource lines : 3.862');
    });
  });

  describe('given good-practice analyses completed in 2010 (target 8 by 2010-12-31) and an assessment coverage (target 90 % by 2010-06-30)', () => {
    const figures = [
      cell('ACT-GOOD-PRACTICE-ANALYSES', '2010-Q3', sums(2)),
      cell('ACT-GOOD-PRACTICE-ANALYSES', '2010', sums(6)),
      cell('ACT-GOOD-PRACTICE-ANALYSES', 'programme', sums(7)),
      cell('ACT-ASSESSMENT-COVERAGE', '2010-Q3', sums(20, 24, 24)),
      cell('ACT-ASSESSMENT-COVERAGE', '2010-H1', sums(9, 18, 18)),
    ];

    it('when 2010-Q3 is reported, then each target is compared with the figure of its own period, which the report names', async () => {
      const { row } = await given(figures).whenReported('quarter', '2010-Q3');
      const analyses = row('A2', 'ACT-GOOD-PRACTICE-ANALYSES');
      expect(analyses).toContain('8 pr. / by 2010-12-31 2 ');
      expect(analyses).toContain('75 % målt på år 2010 / measured in year 2010 : 6');
      const coverage = row('A1', 'ACT-ASSESSMENT-COVERAGE');
      expect(coverage).toContain('83,3 %');
      expect(coverage).toContain('56 % målt på halvår 2010-H1 / measured in half-year 2010-H1 : 50 %');
    });

    it('when 2010-Q3 is reported in September 2010, then a target period not over yet is measured so far', async () => {
      const { row } = await given(figures).whenReported('quarter', '2010-Q3', '2010-09-30T12:00:00.000Z');
      expect(row('A2', 'ACT-GOOD-PRACTICE-ANALYSES')).toContain('målt på år 2010 indtil videre / measured in year 2010 so far : 6');
      expect(row('A1', 'ACT-ASSESSMENT-COVERAGE')).toContain('målt på halvår 2010-H1 / measured in half-year 2010-H1');
    });

    it.each([
      ['ACT-GOOD-PRACTICE-ANALYSES', { periodType: 'year', period: '2010' }],
      ['ACT-ASSESSMENT-COVERAGE', { periodType: 'half-year', period: '2010-H1' }],
      ['RES-STAFF-TIME', { periodType: 'programme', period: 'programme' }],
    ] as const)('when %s is compared, then its target date ends the longest period it is reported for', (code, expected) => {
      expect(targetPeriod(findIndicator(code)!, calendar)).toEqual(expected);
    });

    const dated = (date: string, types: readonly PeriodType[] = periodTypes): IndicatorDefinition => {
      const definition = findIndicator('ACT-EVENTS-HELD')!;
      return { ...definition, periodTypes: types, target: { ...definition.target, date } };
    };

    it('when a target date ends no period, then it is compared in the shortest period that contains it', () => {
      expect(targetPeriod(dated('2010-05-15'), calendar)).toEqual({ periodType: 'quarter', period: '2010-Q2' });
      expect(targetPeriod(dated('2011-12-31'), { ...calendar, end: '2012-06-30' })).toEqual({ periodType: 'year', period: '2011' });
    });

    it('when a target date lies outside every period the indicator is reported for, then it has no period to be compared in', () => {
      expect(targetPeriod(dated('2012-06-30', ['programme']), calendar)).toBeUndefined();
    });
  });

  describe('given figures withheld to protect small groups and figures with nothing behind them', () => {
    const figures = [cell('PRD-STAFF-TRAINED', '2010-Q3', sums(3, 0, 3))];

    it('when 2010-Q3 is reported, then a withheld figure says why', async () => {
      const { row } = await given(figures).whenReported('quarter', '2010-Q3');
      expect(row('P2', 'PRD-STAFF-TRAINED')).toContain('– skjult: færre end 5 foreninger eller personer / withheld: fewer than 5 associations or persons');
    });

    it('when 2010-Q3 is reported, then a figure with no records, or a share or average of nobody, says so', async () => {
      const { row } = await given(figures).whenReported('quarter', '2010-Q3');
      expect(row('A4', 'ACT-EVENTS-HELD')).toContain('0 ingen registreringer i perioden / no records in this period');
      expect(row('A1', 'ACT-ASSESSMENT-COVERAGE')).toContain('– andel af ingen (nævner 0) / a share of nobody (denominator 0)');
      expect(row('P2', 'PRD-WORKSHOP-LEARNING')).toContain('– gennemsnit af ingen (nævner 0) / an average of nothing (denominator 0)');
    });

    const withheld = (suppressed: string): CellValue =>
      ({ dimension: 'total', value: '*', numerator: null, denominator: null, subjects: null, result: null, suppressed }) as unknown as CellValue;

    it.each([
      ['complementary', 'withheld so that a small group cannot be worked out by subtraction'],
      ['period-difference', 'withheld (period difference)'],
      ['across_periods', 'withheld (across periods)'],
    ])('when a cell is withheld as %p, then the reason reads %p', (reason, english) => {
      const [view] = indicatorViews([], { periodType: 'quarter', period: '2010-Q3', codes: ['PRD-STAFF-TRAINED'] }, MIN_CELL_SIZE);
      expect(figureNote(view, withheld(reason), MIN_CELL_SIZE)?.en).toBe(english);
    });
  });

  describe('given records entered long after they happened', () => {
    const records = [
      recorded('CourseSessionHeld', '2010-03-01T10:00:00.000Z', '2010-05-01T10:00:00.000Z', 1),
      recorded('CourseSessionHeld', '2010-03-08T10:00:00.000Z', '2010-05-01T10:00:00.000Z', 2),
      recorded('WorkshopFeedbackRecorded', '2010-03-08T10:00:00.000Z', '2010-06-01T10:00:00.000Z', 3),
      recorded('MentoringMeetingHeld', '2010-03-08T10:00:00.000Z', '2010-06-01T10:00:00.000Z', 4),
      recorded('CourseSessionHeld', '2010-03-08T10:00:00.000Z', '2010-03-09T10:00:00.000Z', 5),
    ];

    it('when reported, then the data-quality box names the kinds of record in plain words', async () => {
      const { page } = await given([], records).whenReported('programme', 'programme');
      expect(page).toContain('4 registreringer indført mere end 30 dage efter at de fandt sted');
      expect(page).toContain('kursusgang / course session : 2');
      expect(page).toContain('workshopevaluering / workshop feedback : 1');
      expect(page).toContain('mentoring meeting held: 1');
      expect(page).not.toMatch(/CourseSessionHeld|WorkshopFeedbackRecorded/);
    });
  });

  describe('given one association assessed at baseline and at follow-up, and one at baseline only', () => {
    const assessment = (associationId: string, wave: string, position: number): RecordedEvent => {
      const event = recorded('CapacityAssessmentRecorded', '2010-03-01T10:00:00.000Z', '2010-03-02T10:00:00.000Z', position);
      return {
        ...event,
        metadata: { ...event.metadata, schemaVersion: domainUpcasters.currentVersion('CapacityAssessmentRecorded') },
        streamId: `association-${associationId}`,
        data: { associationId, assessmentId: `as-${position}`, wave, instrumentVersion: 'cap-2010-v1', mode: 'facilitated', items: [{ domain: 'governance', score: 2, evidence: 'minutes' }] },
      };
    };
    const registered = (associationId: string, position: number): RecordedEvent => ({
      ...recorded('AssociationRegistered', '2010-01-04T10:00:00.000Z', '2010-01-04T10:00:00.000Z', position),
      streamId: `association-${associationId}`,
      data: { associationId, name: associationId, housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' },
    });
    const records = [registered('a-1', 1), registered('a-2', 2), assessment('a-1', 'baseline', 3), assessment('a-1', 'follow-up', 4), assessment('a-2', 'baseline', 5)];

    it('when reported, then the data-quality box names the association whose change is not measured yet', async () => {
      const { page } = await given([], records).whenReported('programme', 'programme');
      expect(page).toContain('1 foreninger har en baseline-kapacitetsanalyse, men ingen opfølgning endnu, så deres forandring er ikke målt: a-2.');
    });
  });
});

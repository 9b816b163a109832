import { HousingArea, SeminarFormat } from '../model/reference-data';
import { deciderSpec, testContext } from '../testing/decider-specification';
import { HoldSeminar, seminarCommandTypes, seminarDecider } from './seminar.decider';
import { SeminarHeld } from './seminar.events';

const spec = deciderSpec(seminarDecider);
const context = testContext();

const heldData: SeminarHeld['data'] = {
  seminarId: 'sem-1',
  format: 'seminar',
  title: 'Dialog på tværs',
  housingArea: 'urbanplanen',
  participantsByTargetGroup: { staff: 3, associations: 2, citizens: 12 },
  associationIds: ['a-1'],
  staffIds: ['s-1', 's-2', 's-3'],
};
const held: SeminarHeld = { type: 'SeminarHeld', data: heldData };

const hold = (data: Partial<HoldSeminar['data']> = {}): HoldSeminar => ({ type: 'HoldSeminar', data: { ...heldData, ...data }, context });
const heads = (counts: Partial<SeminarHeld['data']['participantsByTargetGroup']>) => ({
  participantsByTargetGroup: { ...heldData.participantsByTargetGroup, ...counts },
});

describe('seminar decider', () => {
  it('lists every command type', () => {
    expect(seminarCommandTypes).toEqual(['HoldSeminar']);
  });

  it('refuses a fact dated after the service clock', () => {
    spec
      .given([])
      .when({ ...hold(), context: testContext({ occurredAt: '2011-01-01T00:00:00.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  it('records a held seminar', () => {
    spec.given([]).when(hold()).then([held]);
  });

  it('records an event attended by citizens only', () => {
    const data: SeminarHeld['data'] = {
      ...heldData,
      ...heads({ staff: 0, associations: 0, citizens: 40 }),
      staffIds: [],
      associationIds: [],
      format: 'event',
    };
    spec.given([]).when(hold(data)).then([{ type: 'SeminarHeld', data }]);
  });

  it('holds a seminar only once', () => {
    spec.given([held]).when(hold()).thenFails('already-exists', 'already-exists');
  });

  it('requires a title', () => {
    spec.given([]).when(hold({ title: '' })).thenFails('rule', 'title-required', 'title');
  });

  it('stores the title without surrounding spaces', () => {
    spec.given([]).when(hold({ title: ' Dialog på tværs  ' })).then([held]);
  });

  it('refuses an unknown format', () => {
    spec
      .given([])
      .when(hold({ format: 'party' as SeminarFormat }))
      .thenFails('rule', 'unknown-seminar-format', 'format');
  });

  it('refuses an unknown housing area', () => {
    spec
      .given([])
      .when(hold({ housingArea: 'atlantis' as HousingArea }))
      .thenFails('rule', 'unknown-housing-area', 'housingArea');
  });

  it.each([
    ['staff', -1],
    ['associations', 1.5],
    ['citizens', -3],
  ] as const)('refuses a %s head count of %p', (group, count) => {
    spec
      .given([])
      .when(hold({ ...heads({ [group]: count }), staffIds: [], associationIds: [] }))
      .thenFails('rule', 'invalid-head-count', `participantsByTargetGroup.${group}`);
  });

  it('requires at least one participant in total', () => {
    spec
      .given([])
      .when(hold({ ...heads({ staff: 0, associations: 0, citizens: 0 }), staffIds: [], associationIds: [] }))
      .thenFails('rule', 'participants-required', 'participantsByTargetGroup');
  });

  it('refuses a staff member listed twice', () => {
    spec
      .given([])
      .when(hold({ staffIds: ['s-1', 's-1'] }))
      .thenFails('rule', 'duplicate-staff', 'staffIds[1]');
  });

  it('refuses an association listed twice', () => {
    spec
      .given([])
      .when(hold({ associationIds: ['a-1', 'a-1'] }))
      .thenFails('rule', 'duplicate-association', 'associationIds[1]');
  });

  it('refuses more staff ids than the staff head count', () => {
    spec
      .given([])
      .when(hold({ ...heads({ staff: 2 }), staffIds: ['s-1', 's-2', 's-3'] }))
      .thenFails('rule', 'more-ids-than-head-count', 'staffIds');
  });

  it('refuses more association ids than the associations head count', () => {
    spec
      .given([])
      .when(hold({ ...heads({ associations: 1 }), associationIds: ['a-1', 'a-2'] }))
      .thenFails('rule', 'more-ids-than-head-count', 'associationIds');
  });
});

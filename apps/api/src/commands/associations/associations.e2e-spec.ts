import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';

describe('associations (v1/associations)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const association = (associationId: string, overrides: object = {}) => ({
    occurredAt: AT,
    associationId,
    name: `Association ${associationId}`,
    housingArea: 'tingbjerg-husum',
    associationType: 'women',
    sizeBand: '11-50',
    ...overrides,
  });
  const assessment = (assessmentId: string, overrides: object = {}) => ({
    occurredAt: '2010-03-20T10:00:00+01:00',
    assessmentId,
    wave: 'baseline',
    instrumentVersion: 'cap-2010-v1',
    mode: 'facilitated',
    items: [{ domain: 'governance', score: 2, evidence: 'board minutes' }],
    ...overrides,
  });

  it('registers an association', async () => {
    await accept(t, '/v1/associations', association('a-1'), {
      streamId: 'association-a-1',
      type: 'AssociationRegistered',
      data: { associationId: 'a-1', name: 'Association a-1', housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' },
    });
  });

  it('corrects registered details, keeping only the fields that change', async () => {
    const body = { occurredAt: AT, name: 'Association a-1', sizeBand: '51-200', reason: 'members counted twice' };
    await accept(t, '/v1/associations/a-1/corrections', body, {
      streamId: 'association-a-1',
      type: 'AssociationDetailsCorrected',
      data: { associationId: 'a-1', sizeBand: '51-200', reason: 'members counted twice' },
    });
  });

  it('records a baseline capacity assessment in the current schema version', async () => {
    await accept(t, '/v1/associations/a-1/capacity-assessments', assessment('as-1'), {
      streamId: 'association-a-1',
      type: 'CapacityAssessmentRecorded',
      data: {
        associationId: 'a-1',
        assessmentId: 'as-1',
        wave: 'baseline',
        instrumentVersion: 'cap-2010-v1',
        mode: 'facilitated',
        items: [{ domain: 'governance', score: 2, evidence: 'board minutes' }],
      },
      schemaVersion: 2,
    });
  });

  it('refuses registering the same association twice with 409', async () => {
    await refuse(t, '/v1/associations', association('a-1'), { status: 409, field: null, rule: 'already-exists' }, 'association-a-1');
  });

  it('refuses a second baseline with 422 baseline-exists', async () => {
    await refuse(t, '/v1/associations/a-1/capacity-assessments', assessment('as-2'), { status: 422, field: 'wave', rule: 'baseline-exists' }, 'association-a-1');
  });

  it("refuses a score off the instrument's scale with 422 score-out-of-range, naming the item", async () => {
    const body = assessment('as-2', { wave: 'follow-up', items: [{ domain: 'governance', score: 6, evidence: 'board minutes' }] });
    await refuse(t, '/v1/associations/a-1/capacity-assessments', body, { status: 422, field: 'items[0].score', rule: 'score-out-of-range' }, 'association-a-1');
  });

  it('refuses assessing an association that does not exist with 404', async () => {
    await refuse(t, '/v1/associations/a-404/capacity-assessments', assessment('as-1'), { status: 404, field: null, rule: 'not-found' }, 'association-a-404');
  });

  it('refuses an unknown association type', async () => {
    await refuse(t, '/v1/associations', association('a-2', { associationType: 'book-club' }), { status: 400, field: 'associationType', rule: 'isIn' }, 'association-a-2');
  });

  it('corrects the registration and withdraws it, refusing assessments until it is registered again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/associations',
      streamId: 'association-a-fix',
      body: association('a-fix'),
      corrected: association('a-fix', { sizeBand: '51-200' }),
      later: { path: '/v1/associations/a-fix/capacity-assessments', body: assessment('as-fix') },
    });
  });
});

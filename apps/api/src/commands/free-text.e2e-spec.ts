import { TestApp, readStream, startTestApp } from '../../../../test/api.harness';
import { AT, postAccepted, refuse } from '../../../../test/command-assertions';
import { associationRegistered, given } from '../../../../test/given';

const RULE = 'personal-data-in-free-text';

describe('personal data in the free text of commands', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1')]);
  });
  afterAll(() => t.close());

  const milestone = (milestoneId: string, note: string) => ({ occurredAt: AT, milestoneId, milestone: 'baseline-report', title: 'Baseline report delivered', note });

  it('refuses an e-mail address in one item of a list with a 422 naming the item, and writes nothing', async () => {
    const items = [
      { domain: 'governance', score: 2, evidence: 'board minutes' },
      { domain: 'finances', score: 3, evidence: 'accounts sent by kasserer@forening.dk' },
    ];
    const body = { occurredAt: '2010-03-20T10:00:00+01:00', assessmentId: 'as-1', wave: 'baseline', instrumentVersion: 'cap-2010-v1', mode: 'facilitated', items };
    const response = await refuse(t, '/v1/associations/a-1/capacity-assessments', body, { status: 422, field: 'items[1].evidence', rule: RULE }, 'association-a-1');
    expect(response.body.message[0]).toContain('an e-mail address');
    expect(JSON.stringify(response.body)).not.toContain('kasserer@forening.dk');
  });

  it.each([
    ['a phone number', 'call the chair, tel 12345678'],
    ['a phone number', 'chair reached on +45 23 45 67 89'],
    ['a CPR number', 'chair is 010170-1234'],
  ])('refuses %s in a note', async (found, note) => {
    const response = await refuse(t, '/v1/evaluation-milestones', milestone('ev-1', note), { status: 422, field: 'note', rule: RULE }, 'evaluation-ev-1');
    expect(response.body.message[0]).toContain(found);
  });

  it('refuses personal data in the reason of a correction and of a retraction', async () => {
    const [recorded] = (await postAccepted(t, '/v1/evaluation-milestones', milestone('ev-2', 'first draft'))).body.events;
    const correction = { eventId: recorded.eventId, reason: 'the chair (tlf 23456789) asked for it' };
    await refuse(t, '/v1/evaluation-milestones', { ...milestone('ev-2', 'final'), correction }, { status: 422, field: 'correction.reason', rule: RULE }, 'evaluation-ev-2');
    const retraction = { occurredAt: AT, reason: 'entered by mistake, see mail from anna@kk.dk' };
    await refuse(t, `/v1/streams/evaluation-ev-2/events/${recorded.eventId}/retraction`, retraction, { status: 422, field: 'reason', rule: RULE }, 'evaluation-ev-2');
  });

  it('keeps no second copy of free text in a retraction: it names the record and keeps its ids and codes', async () => {
    const [recorded] = (await postAccepted(t, '/v1/evaluation-milestones', milestone('ev-4', 'baseline delayed by the summer'))).body.events;
    await postAccepted(t, `/v1/streams/evaluation-ev-4/events/${recorded.eventId}/retraction`, { occurredAt: AT, reason: 'recorded twice' });
    const { events } = await readStream(t, 'evaluation-ev-4');
    expect(events[1]).toMatchObject({ type: 'RecordRetracted', metadata: { schemaVersion: 2 } });
    expect(events[1].data).toEqual({
      retractedEventId: recorded.eventId,
      reason: 'recorded twice',
      retracted: { eventId: recorded.eventId, type: 'EvaluationMilestoneReached', occurredAt: AT, data: { milestoneId: 'ev-4', milestone: 'baseline-report' } },
    });
  });

  it('accepts dates, amounts, years and codes', async () => {
    await postAccepted(t, '/v1/evaluation-milestones', milestone('ev-3', 'meeting of 2010-03-20 on the 2010 2011 budget of 1.500.000 kr (25000000 DKK in all), course KU-2010-01'));
  });
});

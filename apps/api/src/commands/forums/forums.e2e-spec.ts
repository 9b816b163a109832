import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';
import { associationRegistered, given } from '../../../../../test/given';

describe('forums (v1/forums)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1')]);
  });
  afterAll(() => t.close());

  const forum = (forumId: string, overrides: object = {}) => ({
    occurredAt: '2010-01-10T10:00:00+01:00',
    forumId,
    name: 'Tingbjerg resident board',
    forumType: 'resident-board',
    housingArea: 'tingbjerg-husum',
    seats: 2,
    ...overrides,
  });

  it('registers a forum', async () => {
    await accept(t, '/v1/forums', forum('f-1'), {
      streamId: 'forum-f-1',
      type: 'ForumRegistered',
      data: { forumId: 'f-1', name: 'Tingbjerg resident board', forumType: 'resident-board', housingArea: 'tingbjerg-husum', seats: 2 },
    });
  });

  it('records seats taken, with and without a nominating association', async () => {
    await accept(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-1', background: 'ethnic-minority', nominatedByAssociationId: 'a-1' }, {
      streamId: 'forum-f-1',
      type: 'ForumSeatTaken',
      data: { forumId: 'f-1', seatHolderId: 'sh-1', background: 'ethnic-minority', nominatedByAssociationId: 'a-1' },
    });
    await accept(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-2', background: 'not-disclosed' }, {
      streamId: 'forum-f-1',
      type: 'ForumSeatTaken',
      data: { forumId: 'f-1', seatHolderId: 'sh-2', background: 'not-disclosed' },
    });
  });

  it('refuses a seat in a full forum with 422 forum-full', async () => {
    await refuse(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-3', background: 'other' }, { status: 422, field: null, rule: 'forum-full' }, 'forum-f-1');
  });

  it('refuses a nominating association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, seatHolderId: 'sh-3', background: 'other', nominatedByAssociationId: 'a-404' };
    await refuse(t, '/v1/forums/f-1/seats', body, { status: 422, field: 'nominatedByAssociationId', rule: 'unknown-reference' }, 'forum-f-1');
  });

  it('records a seat holder leaving', async () => {
    await accept(t, '/v1/forums/f-1/seat-departures', { occurredAt: '2010-04-01T10:00:00+02:00', seatHolderId: 'sh-2' }, {
      streamId: 'forum-f-1',
      type: 'ForumSeatLeft',
      data: { forumId: 'f-1', seatHolderId: 'sh-2' },
    });
  });

  it('refuses a departure of someone without a seat with 422 not-seated', async () => {
    await refuse(t, '/v1/forums/f-1/seat-departures', { occurredAt: AT, seatHolderId: 'sh-9' }, { status: 422, field: 'seatHolderId', rule: 'not-seated' }, 'forum-f-1');
  });

  it('records an input given by an association', async () => {
    const body = { occurredAt: AT, inputId: 'in-1', kind: 'hearing-response', associationId: 'a-1', summary: 'Response on the new playground' };
    await accept(t, '/v1/forums/f-1/inputs', body, {
      streamId: 'forum-f-1',
      type: 'ForumInputGiven',
      data: { forumId: 'f-1', inputId: 'in-1', kind: 'hearing-response', associationId: 'a-1', summary: 'Response on the new playground' },
    });
  });

  it('refuses an input from an association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, inputId: 'in-2', kind: 'proposal', associationId: 'a-404', summary: 'More benches' };
    await refuse(t, '/v1/forums/f-1/inputs', body, { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'forum-f-1');
  });

  it('refuses registering the same forum twice with 409', async () => {
    await refuse(t, '/v1/forums', forum('f-1'), { status: 409, field: null, rule: 'already-exists' }, 'forum-f-1');
  });

  it('refuses a forum without seats', async () => {
    await refuse(t, '/v1/forums', forum('f-2', { seats: 0 }), { status: 400, field: 'seats', rule: 'min' }, 'forum-f-2');
  });

  it('refuses an unknown background', async () => {
    await refuse(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-3', background: 'danish' }, { status: 400, field: 'background', rule: 'isIn' }, 'forum-f-1');
  });

  it('refuses a departure without a seat holder', async () => {
    await refuse(t, '/v1/forums/f-1/seat-departures', { occurredAt: AT }, { status: 400, field: 'seatHolderId', rule: 'matches' }, 'forum-f-1');
  });

  it('refuses an unknown kind of input', async () => {
    const body = { occurredAt: AT, inputId: 'in-2', kind: 'letter', summary: 'More benches' };
    await refuse(t, '/v1/forums/f-1/inputs', body, { status: 400, field: 'kind', rule: 'isIn' }, 'forum-f-1');
  });

  it('corrects the forum registration (three seats) and withdraws it, refusing seats until it is registered again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/forums',
      streamId: 'forum-f-fix',
      body: forum('f-fix'),
      corrected: forum('f-fix', { seats: 3 }),
      later: { path: '/v1/forums/f-fix/seats', body: { occurredAt: AT, seatHolderId: 'sh-1', background: 'ethnic-minority' } },
    });
  });
});

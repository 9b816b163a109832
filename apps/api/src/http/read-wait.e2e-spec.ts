import { TestApp, startTestApp } from '../../../../test/api.harness';
import { staffMember } from '../../../../test/command-assertions';
import { ReadModelAccess } from '../indicators/read-model-access';

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
/** The projector's pending waits; reached into because nothing outside may depend on them. */
const pendingWaits = (t: TestApp) => (t.runtime.projector as unknown as { waiters: Set<unknown> }).waiters.size;

/** Stops the projector and records a staff member, so that the read model is one write behind; answers that write's position. */
const oneWriteBehind = async (t: TestApp, staffId: string): Promise<number> => {
  await t.runtime.projector.stop();
  const response = await t.http.post('/v1/staff-members').send(staffMember(staffId));
  expect(response.status).toBe(201);
  return response.body.position;
};

describe('reads that wait for minPosition are bounded and leave nothing behind', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { MAX_READ_WAIT_MS: '200' } })));
  afterAll(() => t.close());

  it('refuses a minPosition beyond the last event written with a 400 at once', async () => {
    const head = await t.runtime.events.headPosition();
    const response = await t.http.get('/v1/indicators').query({ minPosition: head + 1_000_000 });
    expect({ status: response.status, errors: response.body.errors }).toEqual({
      status: 400,
      errors: [{ field: 'minPosition', rule: 'max', message: `minPosition must be at most ${head}, the position of the last event written` }],
    });
  });

  it('answers 503 with Retry-After when the read model has not applied minPosition within MAX_READ_WAIT_MS, and the figures once it has', async () => {
    const position = await oneWriteBehind(t, 's-1');
    const late = await t.http.get('/v1/indicators').query({ minPosition: position });
    expect({ status: late.status, retryAfter: late.headers['retry-after'], errors: late.body.errors }).toEqual({
      status: 503,
      retryAfter: '1',
      errors: [{ field: 'minPosition', rule: 'isApplied', message: `the read model has not applied position ${position} within 200 ms; retry` }],
    });
    await t.runtime.projector.start();
    expect((await t.http.get('/v1/indicators').query({ minPosition: position })).status).toBe(200);
  });

  it('leaves no wait and no timer behind after 50,000 waits that time out and 50,000 that are answered', async () => {
    const access = t.app.get(ReadModelAccess);
    const before = timers();

    const abandoned = await oneWriteBehind(t, 's-2');
    const timedOut = await Promise.allSettled(Array.from({ length: 50_000 }, () => access.caughtUpTo(abandoned)));
    expect(timedOut.filter((wait) => wait.status === 'rejected' && (wait.reason as { getStatus(): number }).getStatus() === 503)).toHaveLength(50_000);
    // Still behind: a wait that gave up must not stay until the projector catches up.
    expect({ waits: pendingWaits(t), timers: timers() <= before + 2 }).toEqual({ waits: 0, timers: true });
    await t.runtime.projector.start();
    await t.runtime.projector.waitFor(abandoned);

    const answered = await oneWriteBehind(t, 's-3');
    const waits = Array.from({ length: 50_000 }, () => access.caughtUpTo(answered));
    await t.runtime.projector.start();
    expect((await Promise.allSettled(waits)).filter((wait) => wait.status === 'fulfilled')).toHaveLength(50_000);

    expect({ waits: pendingWaits(t), timers: timers() <= before + 2 }).toEqual({ waits: 0, timers: true });
    // 100,000 waits take a second or two alone and more on a busy machine: a workload, not a timing.
  }, 60_000);
});

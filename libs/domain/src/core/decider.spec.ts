import { deciderSpec, testContext } from '../testing/decider-specification';
import { Command } from './command';
import { defineDecider } from './decider';
import { ruleBroken } from './domain-error';
import { DomainEvent } from './event';
import { RECORD_RETRACTED, withdrawalDecider } from './retraction';

type Ping = Command<'Ping', { readonly valid: boolean }>;
type Pinged = DomainEvent<'Pinged', Record<string, never>>;

const ping = defineDecider<Ping, Pinged, null>({
  recordedBy: { Pinged: 'Ping' },
  initialState: () => null,
  decide: (command) => (command.data.valid ? [{ type: 'Pinged', data: {} }] : ruleBroken('invalid-ping', 'not a valid ping', 'valid')),
  evolve: (state) => state,
});

const future = testContext({ occurredAt: '2010-05-01T10:00:00.001Z' });

describe('defineDecider', () => {
  it('decides a command whose business time is not after the clock', () => {
    deciderSpec(ping)
      .given([])
      .when({ type: 'Ping', data: { valid: true }, context: testContext({ occurredAt: '2010-05-01T10:00:00.000Z' }) })
      .then([{ type: 'Pinged', data: {} }]);
  });

  it("refuses business time after the clock before the decider's own rules", () => {
    deciderSpec(ping)
      .given([])
      .when({ type: 'Ping', data: { valid: false }, context: future })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  it('refuses business time that is not an ISO-8601 time', () => {
    deciderSpec(ping)
      .given([])
      .when({ type: 'Ping', data: { valid: true }, context: testContext({ occurredAt: 'yesterday' }) })
      .thenFails('rule', 'invalid-time', 'occurredAt');
  });
});

describe('withdrawalDecider', () => {
  const withdrawal = deciderSpec(withdrawalDecider);

  it('decides no events of its own', () => {
    withdrawal.given([]).when({ type: RECORD_RETRACTED, data: {}, context: testContext() }).then([]);
  });

  it('refuses a withdrawal whose business time lies after the clock', () => {
    withdrawal
      .given([])
      .when({ type: RECORD_RETRACTED, data: {}, context: future })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });
});

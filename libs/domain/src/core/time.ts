import { ruleBroken } from './domain-error';
import { CommandContext } from './command';

/** The zone of the programme's calendar: local dates, periods and bare dates typed into queries. */
export const PROGRAMME_TIME_ZONE = 'Europe/Copenhagen';

/** Business time may lie in the past, never in the future of the service clock. */
export const assertNotInFuture = (context: CommandContext): void => {
  const occurredAt = Date.parse(context.occurredAt);
  if (Number.isNaN(occurredAt)) ruleBroken('invalid-time', `occurredAt "${context.occurredAt}" is not an ISO-8601 time`, 'occurredAt');
  if (occurredAt > Date.parse(context.now)) {
    ruleBroken('occurred-in-future', `occurredAt ${context.occurredAt} is later than the current time ${context.now}`, 'occurredAt');
  }
};

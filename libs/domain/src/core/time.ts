import { ruleBroken } from './domain-error';
import { CommandContext } from './command';

/** Business time may lie in the past, never in the future of the service clock. */
export const assertNotInFuture = (context: CommandContext): void => {
  if (Date.parse(context.occurredAt) > Date.parse(context.now)) {
    ruleBroken('occurred-in-future', `occurredAt ${context.occurredAt} is later than the current time ${context.now}`, 'occurredAt');
  }
};

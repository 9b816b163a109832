import { Command, CommandContext } from '../core/command';
import { Decider } from '../core/decider';
import { DomainError, DomainErrorKind } from '../core/domain-error';
import { DomainEvent } from '../core/event';

/**
 * Given/when/then for deciders:
 *   spec(decider).given([...events]).when(command).then([...events])
 *   spec(decider).given([...events]).when(command).thenFails('rule', 'code', 'field')
 */
export const deciderSpec = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) => ({
  given: (events: readonly E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: readonly E[]) => expect(run()).toEqual(expected),
        thenFails: (kind: DomainErrorKind, code?: string, field?: string) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const error = caught as DomainError;
          expect(error.kind).toBe(kind);
          if (code !== undefined) expect(error.code).toBe(code);
          if (field !== undefined) expect(error.field).toBe(field);
        },
      };
    },
  }),
});

/** A command context for specs: business time one hour before the clock. */
export const testContext = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  occurredAt: '2010-05-01T09:00:00.000Z',
  now: '2010-05-01T10:00:00.000Z',
  actor: { userId: 'user-1', role: 'case-worker' },
  ...overrides,
});

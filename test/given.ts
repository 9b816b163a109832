import { randomUUID } from 'node:crypto';
import { Decider, EventToAppend, domainUpcasters, programmeAggregates, streamName } from '@toc/domain';
import { TestApp, actor } from './api.harness';

type EventOf<A> = A extends { readonly decider: Decider<infer _C, infer E, infer _S> } ? E : never;

/** Any event an aggregate records. */
export type ProgrammeEvent = EventOf<(typeof programmeAggregates)[number]>;

/** A fact that had already been recorded when a test starts: the event, its stream and its business time. */
export type StoredFact = ProgrammeEvent & { readonly stream: string; readonly occurredAt: string };

/**
 * Appends facts straight to the test app's event store, in order, as a case worker recording
 * them when they happened would have left them. A test can start from, say, a designed and
 * started course without sending the commands that lead there: their own checks live in their
 * features' specs.
 */
export const given = async (t: TestApp, facts: readonly StoredFact[]): Promise<EventToAppend[]> => {
  const appended: EventToAppend[] = [];
  for (const { stream, type, data, occurredAt } of facts) {
    const event: EventToAppend = {
      type,
      data,
      metadata: {
        eventId: randomUUID(),
        schemaVersion: domainUpcasters.currentVersion(type),
        correlationId: randomUUID(),
        causationId: null,
        actor: t.actor,
        sourceApp: actor['X-Source-App'],
        occurredAt,
        recordedAt: new Date(occurredAt).toISOString(),
      },
    };
    await t.runtime.events.append(stream, [event], 'any');
    appended.push(event);
  }
  return appended;
};

/** Business time of the prerequisites below: early in the programme, before what the specs record. */
const REGISTERED_AT = '2010-01-04T09:00:00+01:00';

export const associationRegistered = (associationId: string): StoredFact => ({
  stream: streamName('association', associationId),
  occurredAt: REGISTERED_AT,
  type: 'AssociationRegistered',
  data: { associationId, name: `Association ${associationId}`, housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' },
});

export const staffMemberRegistered = (staffId: string): StoredFact => ({
  stream: streamName('staff', staffId),
  occurredAt: REGISTERED_AT,
  type: 'StaffMemberRegistered',
  data: { staffId, role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' },
});

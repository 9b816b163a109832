import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, ruleBroken } from '../core/domain-error';
import { housingAreas, seminarFormats, targetGroups } from '../model/reference-data';
import { SeminarEvent, SeminarHeld } from './seminar.events';
import { assertCode, assertNoRepeats, requiredText } from '../core/input';

export type HoldSeminar = Command<'HoldSeminar', SeminarHeld['data']>;

export type SeminarCommand = HoldSeminar;

export const seminarCommandTypes = ['HoldSeminar'] as const satisfies readonly SeminarCommand['type'][];

export type SeminarState = { readonly status: 'not-held' } | { readonly status: 'held' };

const holdSeminar = ({ data }: HoldSeminar, state: SeminarState): SeminarEvent[] => {
  if (state.status !== 'not-held') return alreadyExists(`seminar ${data.seminarId}`);
  const title = requiredText('title-required', data.title, 'title', `seminar ${data.seminarId} needs a non-empty title`);
  assertCode('unknown-seminar-format', seminarFormats, data.format, 'format');
  assertCode('unknown-housing-area', housingAreas, data.housingArea, 'housingArea');
  const counts = data.participantsByTargetGroup;
  for (const group of targetGroups) {
    if (!Number.isInteger(counts[group]) || counts[group] < 0) {
      ruleBroken(
        'invalid-head-count',
        `head count ${counts[group]} for ${group} is not a whole number of 0 or more`,
        `participantsByTargetGroup.${group}`,
      );
    }
  }
  if (counts.staff + counts.associations + counts.citizens === 0) {
    ruleBroken('participants-required', `seminar ${data.seminarId} needs at least one participant`, 'participantsByTargetGroup');
  }
  assertNoRepeats('duplicate-staff', data.staffIds, 'staffIds', (id) => `staff member ${id}`);
  assertNoRepeats('duplicate-association', data.associationIds, 'associationIds', (id) => `association ${id}`);
  // Identified participants are a subset of the head count; fewer ids than heads is normal, since not everyone is registered.
  if (data.staffIds.length > counts.staff) {
    ruleBroken('more-ids-than-head-count', `${data.staffIds.length} staff ids exceed the staff head count of ${counts.staff}`, 'staffIds');
  }
  if (data.associationIds.length > counts.associations) {
    ruleBroken(
      'more-ids-than-head-count',
      `${data.associationIds.length} association ids exceed the associations head count of ${counts.associations}`,
      'associationIds',
    );
  }
  return [
    {
      type: 'SeminarHeld',
      data: {
        seminarId: data.seminarId,
        format: data.format,
        title,
        housingArea: data.housingArea,
        participantsByTargetGroup: { staff: counts.staff, associations: counts.associations, citizens: counts.citizens },
        associationIds: [...data.associationIds],
        staffIds: [...data.staffIds],
      },
    },
  ];
};

const decide = (command: SeminarCommand, state: SeminarState): SeminarEvent[] => {
  switch (command.type) {
    case 'HoldSeminar':
      return holdSeminar(command, state);
    default: {
      // A one-member union does not narrow to never, so the check runs on the type string.
      const unknown: never = command.type;
      throw new Error(`unknown seminar command ${String(unknown)}`);
    }
  }
};

const evolve = (_state: SeminarState, event: SeminarEvent): SeminarState => {
  switch (event.type) {
    case 'SeminarHeld':
      return { status: 'held' };
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown seminar event ${String(unknown)}`);
    }
  }
};

export const seminarDecider = defineDecider<SeminarCommand, SeminarEvent, SeminarState>({
  recordedBy: { SeminarHeld: 'HoldSeminar' },
  initialState: () => ({ status: 'not-held' }),
  decide,
  evolve,
});

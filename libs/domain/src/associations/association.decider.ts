import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { CapacityInstrument, findInstrument } from '../model/instruments';
import {
  AssessmentWave,
  AssociationType,
  HousingArea,
  SizeBand,
  assessmentModes,
  assessmentWaves,
  associationTypes,
  housingAreas,
  sizeBands,
} from '../model/reference-data';
import {
  AssociationDetailsCorrected,
  AssociationEvent,
  AssociationRegistered,
  CapacityAssessmentRecorded,
  CapacityItemScore,
} from './association.events';
import { assertCode, assertNotEmpty, requiredText } from '../core/input';

export const ASSOCIATION_NAME_MAX_LENGTH = 200;

export type RegisterAssociation = Command<'RegisterAssociation', AssociationRegistered['data']>;
export type CorrectAssociationDetails = Command<'CorrectAssociationDetails', AssociationDetailsCorrected['data']>;
export type RecordCapacityAssessment = Command<'RecordCapacityAssessment', CapacityAssessmentRecorded['data']>;

export type AssociationCommand = RegisterAssociation | CorrectAssociationDetails | RecordCapacityAssessment;
export const associationCommandTypes = [
  'RegisterAssociation',
  'CorrectAssociationDetails',
  'RecordCapacityAssessment',
] as const satisfies readonly AssociationCommand['type'][];

export type AssociationState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly associationId: string;
      readonly name: string;
      readonly housingArea: HousingArea;
      readonly associationType: AssociationType;
      readonly sizeBand: SizeBand;
      readonly assessmentIds: readonly string[];
      /** Follow-ups are compared with this one, so its instrument fixes the domain set. */
      readonly baseline: { readonly assessmentId: string; readonly instrumentVersion: string } | null;
    };

type Registered = Extract<AssociationState, { status: 'registered' }>;

const validName = (value: unknown): string => {
  const name = requiredText('name-required', value, 'name', 'name must not be empty');
  if (name.length > ASSOCIATION_NAME_MAX_LENGTH) {
    ruleBroken('name-too-long', `name has ${name.length} characters, at most ${ASSOCIATION_NAME_MAX_LENGTH} are allowed`, 'name');
  }
  return name;
};

const sameDomainSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((domain) => b.includes(domain));

const register = (command: RegisterAssociation, state: AssociationState): AssociationRegistered[] => {
  const { associationId, housingArea, associationType, sizeBand } = command.data;
  if (state.status !== 'unregistered') return alreadyExists(`association ${associationId}`);
  const name = validName(command.data.name);
  assertCode('unknown-housing-area', housingAreas, housingArea, 'housingArea');
  assertCode('unknown-association-type', associationTypes, associationType, 'associationType');
  assertCode('unknown-size-band', sizeBands, sizeBand, 'sizeBand');
  return [{ type: 'AssociationRegistered', data: { associationId, name, housingArea, associationType, sizeBand } }];
};

const correct = (command: CorrectAssociationDetails, state: AssociationState): AssociationDetailsCorrected[] => {
  const { associationId } = command.data;
  if (state.status !== 'registered') return notFound(`association ${associationId}`);
  const reason = requiredText('reason-required', command.data.reason, 'reason', 'a correction needs a reason');

  const given = command.data;
  const name = given.name === undefined ? undefined : validName(given.name);
  const { housingArea, associationType, sizeBand } = given;
  if (housingArea !== undefined) assertCode('unknown-housing-area', housingAreas, housingArea, 'housingArea');
  if (associationType !== undefined) assertCode('unknown-association-type', associationTypes, associationType, 'associationType');
  if (sizeBand !== undefined) assertCode('unknown-size-band', sizeBands, sizeBand, 'sizeBand');

  // Only the fields that really change go into the event, so the audit trail shows what moved.
  const changes = {
    ...(name !== undefined && name !== state.name && { name }),
    ...(housingArea !== undefined && housingArea !== state.housingArea && { housingArea }),
    ...(associationType !== undefined && associationType !== state.associationType && { associationType }),
    ...(sizeBand !== undefined && sizeBand !== state.sizeBand && { sizeBand }),
  };
  if (Object.keys(changes).length === 0) {
    ruleBroken('no-change', `the correction of association ${associationId} changes none of its current details`);
  }
  return [{ type: 'AssociationDetailsCorrected', data: { associationId, ...changes, reason } }];
};

const checkWave = (wave: AssessmentWave, state: Registered, instrumentDomains: readonly string[]): void => {
  if (wave === 'baseline') {
    if (state.baseline) {
      const { assessmentId } = state.baseline;
      ruleBroken('baseline-exists', `association ${state.associationId} already has baseline assessment ${assessmentId}`, 'wave');
    }
    return;
  }
  if (!state.baseline) {
    ruleBroken('baseline-missing', `association ${state.associationId} needs a baseline assessment before a follow-up`, 'wave');
    return;
  }
  const baselineVersion = state.baseline.instrumentVersion;
  if (!sameDomainSet(findInstrument(baselineVersion)?.domains ?? [], instrumentDomains)) {
    ruleBroken(
      'instrument-mismatch',
      `a follow-up must use an instrument with the same domains as the baseline's ${baselineVersion}`,
      'instrumentVersion',
    );
  }
};

const checkItems = (items: readonly CapacityItemScore[], instrument: CapacityInstrument): CapacityItemScore[] => {
  assertNotEmpty('items-required', items, 'items', 'an assessment needs at least one scored item');
  const seen = new Set<string>();
  return items.map((item, i) => {
    const field = `items[${i}]`;
    if (!instrument.domains.includes(item.domain)) {
      ruleBroken('unknown-domain', `domain "${item.domain}" is not part of instrument ${instrument.version}`, `${field}.domain`);
    }
    if (seen.has(item.domain)) ruleBroken('duplicate-domain', `domain "${item.domain}" is scored more than once`, `${field}.domain`);
    seen.add(item.domain);
    const { min, max } = instrument.scale;
    if (!Number.isInteger(item.score) || item.score < min || item.score > max) {
      ruleBroken('score-out-of-range', `score ${item.score} is not a whole number from ${min} to ${max}`, `${field}.score`);
    }
    const evidence = requiredText('evidence-required', item.evidence, `${field}.evidence`, `the score for domain "${item.domain}" needs evidence`);
    return { domain: item.domain, score: item.score, evidence };
  });
};

const recordAssessment = (command: RecordCapacityAssessment, state: AssociationState): CapacityAssessmentRecorded[] => {
  const { associationId, assessmentId, wave, instrumentVersion, mode } = command.data;
  if (state.status !== 'registered') return notFound(`association ${associationId}`);
  if (state.assessmentIds.includes(assessmentId)) {
    return alreadyExists(`capacity assessment ${assessmentId} of association ${associationId}`);
  }
  assertCode('unknown-assessment-wave', assessmentWaves, wave, 'wave');
  assertCode('unknown-assessment-mode', assessmentModes, mode, 'mode');
  const instrument = findInstrument(instrumentVersion);
  if (!instrument) return ruleBroken('unknown-instrument', `instrument ${instrumentVersion} does not exist`, 'instrumentVersion');
  checkWave(wave, state, instrument.domains);
  const items = checkItems(command.data.items, instrument);
  return [{ type: 'CapacityAssessmentRecorded', data: { associationId, assessmentId, wave, instrumentVersion, mode, items } }];
};

export const associationDecider = defineDecider<AssociationCommand, AssociationEvent, AssociationState>({
  recordedBy: {
    AssociationRegistered: 'RegisterAssociation',
    AssociationDetailsCorrected: 'CorrectAssociationDetails',
    CapacityAssessmentRecorded: 'RecordCapacityAssessment',
  },
  initialState: () => ({ status: 'unregistered' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterAssociation':
        return register(command, state);
      case 'CorrectAssociationDetails':
        return correct(command, state);
      case 'RecordCapacityAssessment':
        return recordAssessment(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown association command ${(unknown as AssociationCommand).type}`);
      }
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'AssociationRegistered':
        return { status: 'registered', ...event.data, assessmentIds: [], baseline: null };
      case 'AssociationDetailsCorrected': {
        if (state.status !== 'registered') return state;
        const { name, housingArea, associationType, sizeBand } = event.data;
        return {
          ...state,
          name: name ?? state.name,
          housingArea: housingArea ?? state.housingArea,
          associationType: associationType ?? state.associationType,
          sizeBand: sizeBand ?? state.sizeBand,
        };
      }
      case 'CapacityAssessmentRecorded': {
        if (state.status !== 'registered') return state;
        const { assessmentId, wave, instrumentVersion } = event.data;
        return {
          ...state,
          assessmentIds: [...state.assessmentIds, assessmentId],
          baseline: wave === 'baseline' ? { assessmentId, instrumentVersion } : state.baseline,
        };
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown association event ${(unknown as AssociationEvent).type}`);
      }
    }
  },
});

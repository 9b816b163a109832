import { DomainEvent } from '../core/event';
import { AssessmentMode, AssessmentWave, AssociationType, HousingArea, SizeBand } from '../model/reference-data';

/** Stream `association-<associationId>`. No personal data: an association is an organisation. */
export type AssociationRegistered = DomainEvent<
  'AssociationRegistered',
  {
    readonly associationId: string;
    readonly name: string;
    readonly housingArea: HousingArea;
    readonly associationType: AssociationType;
    readonly sizeBand: SizeBand;
  }
>;

/** Replaces the registered details; only the fields given change. */
export type AssociationDetailsCorrected = DomainEvent<
  'AssociationDetailsCorrected',
  {
    readonly associationId: string;
    readonly name?: string;
    readonly housingArea?: HousingArea;
    readonly associationType?: AssociationType;
    readonly sizeBand?: SizeBand;
    readonly reason: string;
  }
>;

export interface CapacityItemScore {
  readonly domain: string;
  readonly score: number;
  readonly evidence: string;
}

export type CapacityAssessmentRecorded = DomainEvent<
  'CapacityAssessmentRecorded',
  {
    readonly associationId: string;
    readonly assessmentId: string;
    readonly wave: AssessmentWave;
    readonly instrumentVersion: string;
    readonly mode: AssessmentMode;
    readonly items: readonly CapacityItemScore[];
  }
>;

export type AssociationEvent = AssociationRegistered | AssociationDetailsCorrected | CapacityAssessmentRecorded;

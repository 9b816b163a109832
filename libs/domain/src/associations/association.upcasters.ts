import { Upcaster } from '../core/upcasting';
import { CapacityAssessmentRecorded } from './association.events';

/**
 * Schema version 1 of CapacityAssessmentRecorded kept scores as a map of domain to score with one
 * evidence note for the whole assessment, and had no mode (every v1 assessment was facilitated).
 * Version 2 holds one item per domain with its own evidence.
 */
export interface CapacityAssessmentRecordedV1 {
  readonly associationId: string;
  readonly assessmentId: string;
  readonly wave: 'baseline' | 'follow-up';
  readonly instrumentVersion: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly note?: string;
}

export const capacityAssessmentV1ToV2: Upcaster = {
  type: 'CapacityAssessmentRecorded',
  fromVersion: 1,
  upcast: (data): CapacityAssessmentRecorded['data'] => {
    const v1 = data as CapacityAssessmentRecordedV1;
    const evidence = v1.note?.trim() || 'no evidence note (recorded before per-domain evidence)';
    return {
      associationId: v1.associationId,
      assessmentId: v1.assessmentId,
      wave: v1.wave,
      instrumentVersion: v1.instrumentVersion,
      mode: 'facilitated',
      items: Object.entries(v1.scores).map(([domain, score]) => ({ domain, score, evidence })),
    };
  },
};

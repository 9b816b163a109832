import { DomainEvent } from '../core/event';
import { HousingArea, WorkshopTopic } from '../model/reference-data';

/** Stream `workshop-<workshopId>`: a competence-development workshop for staff. */
export type WorkshopHeld = DomainEvent<
  'WorkshopHeld',
  {
    readonly workshopId: string;
    readonly topic: WorkshopTopic;
    readonly housingArea: HousingArea;
    readonly participantStaffIds: readonly string[];
  }
>;

/** A participant's reaction and learning scores (1-5). */
export type WorkshopFeedbackRecorded = DomainEvent<
  'WorkshopFeedbackRecorded',
  { readonly workshopId: string; readonly staffId: string; readonly reactionScore: number; readonly learningScore: number }
>;

export type WorkshopEvent = WorkshopHeld | WorkshopFeedbackRecorded;

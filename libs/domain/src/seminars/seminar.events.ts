import { DomainEvent } from '../core/event';
import { HousingArea, SeminarFormat } from '../model/reference-data';

/** Stream `seminar-<seminarId>`: a seminar or event across the target groups. */
export type SeminarHeld = DomainEvent<
  'SeminarHeld',
  {
    readonly seminarId: string;
    readonly format: SeminarFormat;
    readonly title: string;
    readonly housingArea: HousingArea;
    /** Head counts per target group; citizens are counted, never identified. */
    readonly participantsByTargetGroup: { readonly staff: number; readonly associations: number; readonly citizens: number };
    readonly associationIds: readonly string[];
    readonly staffIds: readonly string[];
  }
>;

export type SeminarEvent = SeminarHeld;

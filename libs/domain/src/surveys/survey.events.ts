import { DomainEvent } from '../core/event';
import { RespondentKind, SurveyWave } from '../model/reference-data';

export interface SurveyAnswer {
  readonly statement: string;
  readonly score: number;
}

/**
 * Stream `respondent-<respondentId>`: one pseudonymous respondent's answers, one per wave.
 * `associationId` is set for association representatives, `staffId` for staff.
 */
export type SurveyAnswered = DomainEvent<
  'SurveyAnswered',
  {
    readonly respondentId: string;
    readonly respondentKind: RespondentKind;
    readonly associationId?: string;
    readonly staffId?: string;
    readonly wave: SurveyWave;
    readonly answers: readonly SurveyAnswer[];
  }
>;

export type SurveyEvent = SurveyAnswered;

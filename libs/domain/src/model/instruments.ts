/**
 * Capacity-assessment instruments. An assessment names its instrument version; scores must lie
 * on that instrument's scale and cover only its domains. Follow-ups are compared with baselines
 * domain by domain, so both must use domains of the same instrument family.
 */
export interface CapacityInstrument {
  readonly version: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly domains: readonly string[];
}

export const capacityDomains = [
  'governance',
  'finances',
  'communication',
  'networks-and-influence',
  'member-involvement',
  'citizenship-knowledge',
] as const;
export type CapacityDomain = (typeof capacityDomains)[number];

export const capacityInstruments: readonly CapacityInstrument[] = [
  { version: 'cap-2010-v1', scale: { min: 1, max: 5 }, domains: capacityDomains },
  { version: 'cap-2010-v2', scale: { min: 1, max: 5 }, domains: capacityDomains },
];

export const findInstrument = (version: string): CapacityInstrument | undefined =>
  capacityInstruments.find((instrument) => instrument.version === version);

/**
 * Survey statements that operationalise the medium-term effects (Likert 1 = strongly disagree,
 * 5 = strongly agree). Each statement is put to one kind of respondent.
 */
export interface SurveyStatement {
  readonly code: string;
  readonly respondentKind: 'association-representative' | 'staff';
  readonly node: string;
  readonly da: string;
  readonly en: string;
}

export const surveyScale = { min: 1, max: 5, agreeFrom: 4 } as const;

export const surveyStatements: readonly SurveyStatement[] = [
  {
    code: 'assoc-better-communication',
    respondentKind: 'association-representative',
    node: 'M1',
    da: 'Vores forening er blevet bedre til at kommunikere i relevante fora',
    en: 'Our association has become better at communicating in relevant fora',
  },
  {
    code: 'assoc-more-influence',
    respondentKind: 'association-representative',
    node: 'M1',
    da: 'Vores forening har fået mere indflydelse i relevante fora',
    en: 'Our association has gained more influence in relevant fora',
  },
  {
    code: 'staff-better-involvement',
    respondentKind: 'staff',
    node: 'M2',
    da: 'Jeg har bedre muligheder for at inddrage relevante borgere og foreninger',
    en: 'I have better opportunities to involve relevant citizens and associations',
  },
  {
    code: 'staff-better-dialogue',
    respondentKind: 'staff',
    node: 'M2',
    da: 'Jeg har bedre muligheder for dialog med relevante borgere og foreninger',
    en: 'I have better opportunities for dialogue with relevant citizens and associations',
  },
];

/** The scale of a workshop participant's reaction and learning scores. */
export const feedbackScale = { min: 1, max: 5 } as const;

import { TargetGroup, WorkshopTopic, workshopTopics } from './reference-data';

/**
 * A theory of change as data: levels, nodes and the links between them. A second programme is a
 * second value of this type, not new code, so nothing here branches on a node code.
 */
export interface Label {
  readonly da: string;
  readonly en: string;
}

/** A text in Danish and English, for the model and for its indicators. */
export const label = (da: string, en: string): Label => ({ da, en });

export const levelCodes = ['resources', 'activities', 'products', 'results', 'medium-term-effects', 'long-term-effects'] as const;
export type LevelCode = (typeof levelCodes)[number];

export interface ModelNode {
  readonly code: string;
  readonly level: LevelCode;
  readonly label: Label;
  readonly description?: Label;
  /** Sub-offers of a node (the workshop topics of a product, say), with codes used in events. */
  readonly items?: readonly { readonly code: string; readonly label: Label }[];
}

export interface TheoryOfChange {
  readonly id: string;
  readonly title: Label;
  readonly owner: Label;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  readonly period: { readonly start: string; readonly end: string };
  readonly frame: {
    readonly challenge: Label;
    readonly vision: Label;
    readonly objectives: readonly Label[];
    readonly targetGroups: readonly { readonly code: TargetGroup; readonly label: Label }[];
  };
  readonly levels: readonly { readonly code: LevelCode; readonly order: number; readonly label: Label }[];
  readonly nodes: readonly ModelNode[];
  /** Read "from contributes to to". */
  readonly links: readonly { readonly from: string; readonly to: string }[];
}

export const findNode = (model: TheoryOfChange, code: string): ModelNode | undefined =>
  model.nodes.find((node) => node.code === code);

/** Structural problems of a model, one sentence each; an empty list means the model is sound. */
export const validateModel = (model: TheoryOfChange): string[] => {
  const problems: string[] = [];
  const duplicates = (codes: readonly string[]): string[] => [...new Set(codes.filter((code, i) => codes.indexOf(code) !== i))];

  for (const code of duplicates(model.levels.map((level) => level.code))) problems.push(`duplicate level code "${code}"`);
  for (const code of duplicates(model.nodes.map((node) => node.code))) problems.push(`duplicate node code "${code}"`);
  for (const node of model.nodes) {
    for (const code of duplicates((node.items ?? []).map((item) => item.code))) {
      problems.push(`node "${node.code}" has duplicate item code "${code}"`);
    }
  }

  const levels = new Set<string>(model.levels.map((level) => level.code));
  for (const node of model.nodes) {
    if (!levels.has(node.level)) problems.push(`node "${node.code}" is on unknown level "${node.level}"`);
  }

  const nodes = new Set(model.nodes.map((node) => node.code));
  for (const { from, to } of model.links) {
    for (const end of [from, to]) {
      if (!nodes.has(end)) problems.push(`link ${from} -> ${to} refers to unknown node "${end}"`);
    }
  }
  return problems;
};

const workshopTopicLabels: Record<WorkshopTopic, Label> = {
  'good-practice-helhedsplaner': label('God praksis i helhedsplaner', 'Good practice in the area-based social plans (helhedsplaner)'),
  'parent-involvement': label('Forældreinddragelse', 'Parent involvement'),
  'good-collaboration': label('Det gode samarbejde', 'Good collaboration'),
  'involving-minority-associations': label('Inddragelse af minoritetsforeninger', 'Involving minority associations'),
};

/** Bilag 3: Forandringsteori for TaskForce Integration 2010, City of Copenhagen. */
export const taskForceIntegration2010: TheoryOfChange = {
  id: 'taskforce-integration-2010',
  title: label('Forandringsteori for TaskForce Integration 2010', 'Theory of change for TaskForce Integration 2010'),
  owner: label('Københavns Kommune, TaskForce Integration', 'City of Copenhagen, TaskForce Integration'),
  period: { start: '2010-01-01', end: '2011-12-31' },
  frame: {
    challenge: label(
      'Civilsamfundet i de udsatte boligområder er underrepræsenteret og inddraget i de formelle samt uformelle dialogprocesser og fora',
      'Civil society in the vulnerable housing areas is under-represented and too little involved in formal and informal dialogue processes and fora',
    ),
    vision: label(
      'Alle borgere og foreninger er lige repræsenteret og deltagende i formelle og uformelle dialogprocesser og fora i udsatte og højrisiko boligområder i København',
      'All citizens and associations are equally represented and take part in formal and informal dialogue processes and fora in the vulnerable and high-risk housing areas of Copenhagen',
    ),
    objectives: [
      label(
        'Etniske minoritetsborgere og -foreninger styrkes og kapacitetsopbygges',
        'Ethnic minority citizens and associations are strengthened and their capacity built',
      ),
      label(
        'De relevante medarbejdere er bedre til at inddrage civilsamfundet i formelle og uformelle dialogprocesser og fora',
        'The relevant staff get better at involving civil society in formal and informal dialogue processes and fora',
      ),
    ],
    targetGroups: [
      { code: 'staff', label: label('Medarbejdere i udsatte og højrisiko-boligområder', 'Staff in vulnerable and high-risk housing areas') },
      { code: 'associations', label: label('Etniske minoritetsforeninger', 'Ethnic minority associations') },
      { code: 'citizens', label: label('Borgere i de udsatte boligområder', 'Citizens in the vulnerable housing areas') },
    ],
  },
  levels: [
    { code: 'resources', order: 1, label: label('Ressourcer', 'Resources') },
    { code: 'activities', order: 2, label: label('Aktiviteter', 'Activities') },
    { code: 'products', order: 3, label: label('Produkter', 'Products') },
    { code: 'results', order: 4, label: label('Resultater', 'Results') },
    { code: 'medium-term-effects', order: 5, label: label('Mellemlang effekt', 'Medium-term effects') },
    { code: 'long-term-effects', order: 6, label: label('Langsigtet effekt', 'Long-term effects') },
  ],
  nodes: [
    { code: 'R1', level: 'resources', label: label('1 årsværk i TaskForce Integration', '1 full-time equivalent in TaskForce Integration') },
    {
      code: 'R2',
      level: 'resources',
      label: label(
        'Dele af årsværk til deltagelse i helhedsplaner',
        'Parts of full-time equivalents for taking part in the area-based social plans (helhedsplaner)',
      ),
    },
    {
      code: 'R3',
      level: 'resources',
      label: label(
        'Assistance fra Projektrådgivningen i forhold til kapacitetsopbygning af minoritetsforeninger',
        'Assistance from the project advisory unit (Projektrådgivningen) on capacity building of minority associations',
      ),
    },
    {
      code: 'R4',
      level: 'resources',
      label: label('Medarbejdere i udsatte/højrisiko boligområder', 'Staff in vulnerable/high-risk housing areas'),
    },
    { code: 'R5', level: 'resources', label: label('Tryghedssekretariatet', 'The safety secretariat (Tryghedssekretariatet)') },
    {
      code: 'R6',
      level: 'resources',
      label: label('Budget til trykning af undervisningsmateriale mm.', 'Budget for printing teaching material etc.'),
    },
    {
      code: 'A1',
      level: 'activities',
      label: label(
        'Analyse af kapacitetsniveau hos etniske minoritetsforeninger',
        'Analysis of the capacity level of ethnic minority associations',
      ),
    },
    {
      code: 'A2',
      level: 'activities',
      label: label(
        'Analyse af god praksis i forhold til borgerinddragelse i udsatte og højrisiko boligområder',
        'Analysis of good practice for citizen involvement in vulnerable and high-risk housing areas',
      ),
    },
    {
      code: 'A3',
      level: 'activities',
      label: label('Udarbejde kapacitetsopbyggende forløb for foreninger', 'Designing capacity-building courses for associations'),
    },
    { code: 'A4', level: 'activities', label: label('Afholde workshops, seminar mv.', 'Holding workshops, seminars etc.') },
    { code: 'A5', level: 'activities', label: label('Evaluering af indsatsen', 'Evaluation of the effort') },
    {
      code: 'P1',
      level: 'products',
      label: label('Kapacitetsopbygning af lokale foreninger', 'Capacity building of local associations'),
      description: label(
        'Tilbyde kapacitetsopbyggende forløb for etniske minoritetsforeninger med fokus på medborgerskabsdimensionen, rettigheder og pligter',
        'Offer capacity-building courses for ethnic minority associations, focused on citizenship, rights and duties',
      ),
    },
    {
      code: 'P2',
      level: 'products',
      label: label(
        'Kompetenceudvikling af medarbejdere med fokus på inddragelse af civilsamfundet',
        'Competence development of staff focused on involving civil society',
      ),
      description: label(
        'Tilbyde workshops i god praksis i helhedsplaner, forældreinddragelse, det gode samarbejde og inddragelse af minoritetsforeninger',
        'Offer workshops in good practice in helhedsplaner, parent involvement, good collaboration and involving minority associations',
      ),
      items: workshopTopics.map((code) => ({ code, label: workshopTopicLabels[code] })),
    },
    {
      code: 'P3',
      level: 'products',
      label: label('Samarbejde på tværs', 'Collaboration across groups'),
      description: label(
        'Tilbyde seminarer og events på tværs af målgrupperne med fokus på samarbejde og dialog – nu og fremadrettet',
        'Seminars and events across the target groups focused on collaboration and dialogue, now and in the future',
      ),
    },
    {
      code: 'S1',
      level: 'results',
      label: label(
        'Etablering af lokalt forankret netværk blandt frontmedarbejdere og relevante foreninger',
        'A locally anchored network among front-line staff and relevant associations is established',
      ),
    },
    {
      code: 'M1',
      level: 'medium-term-effects',
      label: label(
        'Minoritetsforeninger oplever, at de bliver bedre til at kommunikere og få indflydelse i relevante fora',
        'Minority associations experience that they get better at communicating and gaining influence in relevant fora',
      ),
    },
    {
      code: 'M2',
      level: 'medium-term-effects',
      label: label(
        'Medarbejderne oplever bedre muligheder for inddragelse og dialog med relevante borgere/foreninger',
        'Staff experience better opportunities for involvement of, and dialogue with, relevant citizens/associations',
      ),
    },
    {
      code: 'L1',
      level: 'long-term-effects',
      label: label(
        'Borgere med etnisk minoritetsbaggrund er bedre repræsenteret i formelle fora og oplever bedre muligheder for indflydelse og deltagelse i lokalsamfundet',
        'Citizens with an ethnic minority background are better represented in formal fora and experience better opportunities for influence and participation in the local community',
      ),
    },
    {
      code: 'L2',
      level: 'long-term-effects',
      label: label(
        'Borgere med etnisk minoritetsbaggrund er aktive medborgere og samarbejdspartnere i forhold til håndtering af fremtidige udfordringer og udvikling af byen som helhed',
        'Citizens with an ethnic minority background are active citizens and partners in handling future challenges and in developing the city as a whole',
      ),
    },
  ],
  links: [
    // Each resource funds the activities it is spent on.
    ...['A1', 'A2', 'A3', 'A4', 'A5'].map((to) => ({ from: 'R1', to })),
    { from: 'R2', to: 'A2' },
    { from: 'R2', to: 'A4' },
    { from: 'R3', to: 'A1' },
    { from: 'R3', to: 'A3' },
    { from: 'R4', to: 'A2' },
    { from: 'R4', to: 'A4' },
    { from: 'R5', to: 'A2' },
    { from: 'R5', to: 'A4' },
    { from: 'R6', to: 'A3' },
    { from: 'R6', to: 'A4' },
    // The capacity analysis and the course design make the course offer; the good-practice
    // analysis and the workshops make the staff offer; workshops and seminars the joint events.
    // The evaluation (A5) judges the chain and feeds no product.
    { from: 'A1', to: 'P1' },
    { from: 'A3', to: 'P1' },
    { from: 'A2', to: 'P2' },
    { from: 'A4', to: 'P2' },
    { from: 'A4', to: 'P3' },
    { from: 'P1', to: 'S1' },
    { from: 'P2', to: 'S1' },
    { from: 'P3', to: 'S1' },
    { from: 'S1', to: 'M1' },
    { from: 'S1', to: 'M2' },
    { from: 'M1', to: 'L1' },
    { from: 'M1', to: 'L2' },
    { from: 'M2', to: 'L1' },
    { from: 'L1', to: 'L2' },
  ],
};

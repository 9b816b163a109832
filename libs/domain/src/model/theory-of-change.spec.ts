import { targetGroups, workshopTopics } from './reference-data';
import {
  Label,
  LevelCode,
  ModelNode,
  TheoryOfChange,
  findNode,
  levelCodes,
  taskForceIntegration2010,
  validateModel,
} from './theory-of-change';

const model = taskForceIntegration2010;
const node = (code: string): ModelNode => {
  const found = findNode(model, code);
  if (!found) throw new Error(`node ${code} missing`);
  return found;
};
const text = (label: Label | undefined): string => (label ? `${label.da} | ${label.en}`.toLowerCase() : '');
const nodeText = (code: string): string => {
  const { label, description, items } = node(code);
  return [text(label), text(description), ...(items ?? []).map((item) => text(item.label))].join(' | ');
};

describe('theory of change model', () => {
  describe('TaskForce Integration 2010', () => {
    it('has no structural problems', () => {
      expect(validateModel(model)).toEqual([]);
    });

    it('covers 2010 and 2011', () => {
      expect(model.id).toBe('taskforce-integration-2010');
      expect(model.period).toEqual({ start: '2010-01-01', end: '2011-12-31' });
    });

    it('has the six levels in chain order', () => {
      expect(model.levels.map((level) => [level.code, level.order])).toEqual(levelCodes.map((code, i) => [code, i + 1]));
      expect(model.levels.map((level) => level.label.da)).toEqual([
        'Ressourcer',
        'Aktiviteter',
        'Produkter',
        'Resultater',
        'Mellemlang effekt',
        'Langsigtet effekt',
      ]);
    });

    it('has the boxes of the diagram, level by level, in order', () => {
      const codesOn = (level: LevelCode) => model.nodes.filter((n) => n.level === level).map((n) => n.code);
      expect(model.nodes.map((n) => n.code)).toEqual([
        'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'A1', 'A2', 'A3', 'A4', 'A5', 'P1', 'P2', 'P3', 'S1', 'M1', 'M2', 'L1', 'L2',
      ]);
      expect(levelCodes.map((level) => codesOn(level).length)).toEqual([6, 5, 3, 1, 2, 2]);
      expect(codesOn('resources')).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
      expect(codesOn('activities')).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
      expect(codesOn('products')).toEqual(['P1', 'P2', 'P3']);
      expect(codesOn('results')).toEqual(['S1']);
      expect(codesOn('medium-term-effects')).toEqual(['M1', 'M2']);
      expect(codesOn('long-term-effects')).toEqual(['L1', 'L2']);
    });

    // Each box of the source document, recognised by its Danish term and its English wording.
    it.each([
      ['R1', ['1 årsværk i taskforce integration', 'full-time equivalent']],
      ['R2', ['dele af årsværk til deltagelse i helhedsplaner', 'area-based social plans']],
      ['R3', ['projektrådgivningen', 'kapacitetsopbygning af minoritetsforeninger', 'capacity building of minority associations']],
      ['R4', ['medarbejdere i udsatte/højrisiko boligområder', 'staff in vulnerable/high-risk housing areas']],
      ['R5', ['tryghedssekretariatet', 'safety secretariat']],
      ['R6', ['trykning af undervisningsmateriale', 'printing teaching material']],
      ['A1', ['kapacitetsniveau hos etniske minoritetsforeninger', 'capacity level of ethnic minority associations']],
      ['A2', ['god praksis', 'borgerinddragelse', 'citizen involvement in vulnerable and high-risk housing areas']],
      ['A3', ['kapacitetsopbyggende forløb for foreninger', 'capacity-building courses for associations']],
      ['A4', ['afholde workshops, seminar', 'holding workshops, seminars']],
      ['A5', ['evaluering af indsatsen', 'evaluation of the effort']],
      ['P1', ['kapacitetsopbygning af lokale foreninger', 'medborgerskab', 'rettigheder og pligter', 'citizenship, rights and duties']],
      ['P2', ['kompetenceudvikling af medarbejdere', 'inddragelse af civilsamfundet', 'competence development of staff']],
      ['P3', ['samarbejde på tværs', 'seminarer og events på tværs af målgrupperne', 'now and in the future']],
      ['S1', ['lokalt forankret netværk', 'frontmedarbejdere', 'locally anchored network among front-line staff']],
      ['M1', ['minoritetsforeninger oplever', 'communicating and gaining influence in relevant fora']],
      ['M2', ['medarbejderne oplever bedre muligheder', 'involvement of, and dialogue with']],
      ['L1', ['bedre repræsenteret i formelle fora', 'influence and participation in the local community']],
      ['L2', ['aktive medborgere og samarbejdspartnere', 'developing the city as a whole']],
    ])('has box %s with its wording', (code, phrases) => {
      for (const phrase of phrases) expect(nodeText(code)).toContain(phrase);
    });

    it('offers the four workshop topics under staff competence development', () => {
      const items = node('P2').items ?? [];
      expect(items.map((item) => item.code)).toEqual([...workshopTopics]);
      expect(items.map((item) => item.label.da)).toEqual([
        'God praksis i helhedsplaner',
        'Forældreinddragelse',
        'Det gode samarbejde',
        'Inddragelse af minoritetsforeninger',
      ]);
    });

    it('states the challenge, vision, both objectives and the three target groups', () => {
      const { frame } = model;
      expect(text(frame.challenge)).toContain('civilsamfundet i de udsatte boligområder er underrepræsenteret');
      expect(text(frame.challenge)).toContain('too little involved');
      expect(text(frame.vision)).toContain('lige repræsenteret');
      expect(text(frame.vision)).toContain('copenhagen');
      expect(frame.objectives.map(text)).toEqual([
        expect.stringContaining('styrkes og kapacitetsopbygges'),
        expect.stringContaining('bedre til at inddrage civilsamfundet'),
      ]);
      expect(frame.targetGroups.map((group) => group.code)).toEqual([...targetGroups]);
      expect(frame.targetGroups.map((group) => group.label.da)).toEqual([
        'Medarbejdere i udsatte og højrisiko-boligområder',
        'Etniske minoritetsforeninger',
        'Borgere i de udsatte boligområder',
      ]);
    });

    it('labels everything in Danish and English', () => {
      const labels: Label[] = [
        model.title,
        model.owner,
        model.frame.challenge,
        model.frame.vision,
        ...model.frame.objectives,
        ...model.frame.targetGroups.map((group) => group.label),
        ...model.levels.map((level) => level.label),
        ...model.nodes.flatMap((n) => [n.label, ...(n.description ? [n.description] : []), ...(n.items ?? []).map((item) => item.label)]),
      ];
      for (const label of labels) {
        expect(label.da.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    });

    describe('links', () => {
      const links = model.links.map(({ from, to }) => `${from}->${to}`);
      const order = (code: string) => levelCodes.indexOf(node(code).level);

      it('are listed once each', () => {
        expect(new Set(links).size).toBe(links.length);
      });

      it('lead every resource to activities only', () => {
        for (const resource of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6']) {
          const targets = model.links.filter((link) => link.from === resource).map((link) => link.to);
          expect(targets.length).toBeGreaterThan(0);
          for (const target of targets) expect(node(target).level).toBe('activities');
        }
      });

      it('fund every activity', () => {
        for (const activity of ['A1', 'A2', 'A3', 'A4', 'A5']) {
          expect(model.links.some((link) => link.to === activity && node(link.from).level === 'resources')).toBe(true);
        }
      });

      it('run from the activities onward exactly along the chain, the evaluation feeding no product', () => {
        const beyondResources = links.filter((link) => !link.startsWith('R'));
        expect(beyondResources.sort()).toEqual(
          [
            'A1->P1', 'A3->P1', 'A2->P2', 'A4->P2', 'A4->P3',
            'P1->S1', 'P2->S1', 'P3->S1',
            'S1->M1', 'S1->M2',
            'M1->L1', 'M1->L2', 'M2->L1',
            'L1->L2',
          ].sort(),
        );
        expect(model.links.filter((link) => link.from === 'A5')).toEqual([]);
      });

      it('never point back down the chain', () => {
        for (const { from, to } of model.links) expect(order(to)).toBeGreaterThanOrEqual(order(from));
      });
    });
  });

  describe('findNode', () => {
    it('finds a node by its code', () => {
      expect(findNode(model, 'S1')?.level).toBe('results');
    });

    it('returns undefined for an unknown code', () => {
      expect(findNode(model, 'X9')).toBeUndefined();
    });
  });

  describe('validateModel', () => {
    const withChanges = (changes: Partial<TheoryOfChange>): TheoryOfChange => ({ ...model, ...changes });

    it('reports a duplicate node code', () => {
      const broken = withChanges({ nodes: [...model.nodes, { ...node('A2'), label: { da: 'Kopi', en: 'Copy' } }] });
      expect(validateModel(broken)).toEqual(['duplicate node code "A2"']);
    });

    it('reports a duplicate level code', () => {
      const broken = withChanges({ levels: [...model.levels, { code: 'results', order: 7, label: { da: 'Igen', en: 'Again' } }] });
      expect(validateModel(broken)).toEqual(['duplicate level code "results"']);
    });

    it('reports a duplicate item code inside a node', () => {
      const p2 = node('P2');
      const items = [...(p2.items ?? []), { code: 'parent-involvement', label: { da: 'Igen', en: 'Again' } }];
      const broken = withChanges({ nodes: model.nodes.map((n) => (n.code === 'P2' ? { ...p2, items } : n)) });
      expect(validateModel(broken)).toEqual(['node "P2" has duplicate item code "parent-involvement"']);
    });

    it('reports a link from and a link to an unknown node', () => {
      const broken = withChanges({ links: [...model.links, { from: 'X1', to: 'S1' }, { from: 'S1', to: 'M9' }] });
      expect(validateModel(broken)).toEqual(['link X1 -> S1 refers to unknown node "X1"', 'link S1 -> M9 refers to unknown node "M9"']);
    });

    it('reports a node on an unknown level', () => {
      const stray = { code: 'O1', level: 'outcomes', label: { da: 'Udbytte', en: 'Outcome' } } as unknown as ModelNode;
      expect(validateModel(withChanges({ nodes: [...model.nodes, stray] }))).toEqual(['node "O1" is on unknown level "outcomes"']);
    });

    it('reports a node whose level the model leaves out', () => {
      const broken = withChanges({ levels: model.levels.filter((level) => level.code !== 'results') });
      expect(validateModel(broken)).toEqual(['node "S1" is on unknown level "results"']);
    });
  });
});

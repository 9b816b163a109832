import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskForceIntegration2010 } from '../model/theory-of-change';
import { dimensions, indicatorCatalogue, indicatorNodes } from './indicator-catalogue';

describe('indicator catalogue', () => {
  it('gives every node of the model at least one indicator, on an existing node', () => {
    const nodes = taskForceIntegration2010.nodes.map((node) => node.code);
    const measuredNodes = new Set(indicatorCatalogue.flatMap(indicatorNodes));
    expect([...measuredNodes].filter((node) => !nodes.includes(node))).toEqual([]);
    expect(nodes.filter((node) => !measuredNodes.has(node))).toEqual([]);
  });

  it('covers every level of the model', () => {
    const levels = new Set(indicatorCatalogue.map((indicator) => taskForceIntegration2010.nodes.find((node) => node.code === indicator.node)!.level));
    expect([...levels].sort()).toEqual(taskForceIntegration2010.levels.map((level) => level.code).sort());
  });

  it('has unique codes, known breakdowns and a denominator for every ratio and average', () => {
    const codes = indicatorCatalogue.map((indicator) => indicator.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const indicator of indicatorCatalogue) {
      expect(indicator.breakdowns.filter((dimension) => !dimensions.includes(dimension))).toEqual([]);
      if (indicator.aggregation === 'ratio' || indicator.aggregation === 'average') expect(indicator.denominator).toBeDefined();
    }
  });

  it('is documented: docs/indicators.md lists every indicator code', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/indicators.md'), 'utf8');
    expect(indicatorCatalogue.map((indicator) => indicator.code).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { CellValue, IndicatorView, PeriodType, indicatorCatalogue, taskForceIntegration2010 } from '@toc/domain';
import { queryIndicators, withOsAdapter } from '@toc/read-models';
import { loadConfig } from '../config';
import { dataQuality } from '../report/data-quality';
import { Runtime } from '../runtime';
import { demoAssociations } from './associations.steps';
import { demoProgramme } from './demo-programme';
import { seedDemo } from './demo-seeder';

/**
 * The figures of docs/demo.md, worked out by hand from the demo's tables. A number is a count or
 * an amount; [numerator, denominator] is a share or an average; a string is a withheld cell.
 */
type Expected = number | readonly [number, number] | 'small-cell' | 'complementary';

interface Breakdown {
  /** Period key ('programme', '2010-Q4', '2011', ...); the programme when absent. */
  readonly period?: string;
  readonly dimension: string;
  /** Every cell with something in it, by value; the breakdown lists every other code of its dimension as 0. */
  readonly cells: Readonly<Record<string, Expected>>;
}

interface IndicatorExpectation {
  readonly programme: Expected;
  /** Totals of other periods, by period key. */
  readonly periods?: Readonly<Record<string, Expected>>;
  readonly breakdowns?: readonly Breakdown[];
}

const expected: Readonly<Record<string, IndicatorExpectation>> = {
  // Resources: hours used (sum); planned hours in the denominator.
  'RES-STAFF-TIME': {
    programme: 3862,
    periods: { '2010-Q1': 545, '2010-Q2': 639, '2010-Q3': 617, '2010-Q4': 699, '2011-Q1': 703, '2011-Q2': 659, '2010': 2500, '2011-H1': 1362 },
    breakdowns: [
      { dimension: 'resourceLine', cells: { R1: 2886, R2: 300, R3: 260, R4: 344, R5: 72 } },
      { period: '2010-Q4', dimension: 'resourceLine', cells: { R1: 481, R2: 60, R3: 50, R4: 84, R5: 24 } },
    ],
  },
  'RES-BUDGET': {
    programme: 122500,
    periods: { '2010-Q1': 0, '2010-Q2': 26500, '2010-Q3': 22000, '2010-Q4': 22000, '2011-Q1': 24000, '2011-Q2': 28000 },
    breakdowns: [
      { dimension: 'resourceLine', cells: { R5: 23500, R6: 99000 } },
      { period: '2011-Q2', dimension: 'resourceLine', cells: { R5: 9000, R6: 19000 } },
    ],
  },
  // Activities.
  'ACT-ASSESSMENT-COVERAGE': {
    programme: [36, 40],
    periods: { '2010-Q1': [20, 38], '2010-Q2': [36, 38], '2010-Q3': [36, 40], '2011-Q2': [36, 40] },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [7, 7], mjolnerparken: [6, 6], bispeparken: [5, 5], urbanplanen: [6, 6],
          akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell', folehaven: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: { cultural: [9, 10], women: [6, 6], youth: [6, 7], parents: [5, 6], sports: [5, 5], religious: 'small-cell', other: 'small-cell' },
      },
      {
        period: '2010-Q1',
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [7, 7], mjolnerparken: [6, 6], bispeparken: [3, 5], urbanplanen: [0, 6],
          akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell', folehaven: 'small-cell',
        },
      },
    ],
  },
  'ACT-GOOD-PRACTICE-ANALYSES': {
    programme: 8,
    periods: { '2010-Q1': 0, '2010-Q2': 3, '2010-Q3': 2, '2010-Q4': 3, '2010': 8, '2011': 0 },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 1, mjolnerparken: 1, akacieparken: 1, bispeparken: 1, urbanplanen: 1, horgarden: 1, sydhavnen: 1, folehaven: 1 },
      },
      { period: '2010-Q2', dimension: 'housingArea', cells: { 'tingbjerg-husum': 1, mjolnerparken: 1, urbanplanen: 1 } },
    ],
  },
  'ACT-COURSES-DESIGNED': {
    programme: 6,
    periods: { '2010-Q1': 1, '2010-Q2': 2, '2010-Q3': 1, '2010-Q4': 1, '2011-Q1': 1, '2011-Q2': 0 },
    breakdowns: [
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 2, mjolnerparken: 1, urbanplanen: 1, bispeparken: 1, horgarden: 1 } },
      { dimension: 'courseModule', cells: { citizenship: 5, rights: 3, duties: 2, 'association-management': 2, communication: 2, fundraising: 2 } },
    ],
  },
  'ACT-EVENTS-HELD': {
    programme: 19,
    periods: { '2010-Q1': 1, '2010-Q2': 4, '2010-Q3': 1, '2010-Q4': 5, '2011-Q1': 4, '2011-Q2': 4 },
    breakdowns: [
      { dimension: 'format', cells: { workshop: 12, seminar: 4, event: 3 } },
      {
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 3, mjolnerparken: 3, akacieparken: 2, bispeparken: 3, urbanplanen: 3, horgarden: 1, sydhavnen: 2, folehaven: 2 },
      },
      { period: '2010-Q4', dimension: 'format', cells: { workshop: 3, seminar: 1, event: 1 } },
    ],
  },
  'ACT-EVALUATION-MILESTONES': {
    programme: 3,
    periods: { '2010-Q1': 1, '2010-Q2': 1, '2010-Q3': 0, '2011-Q1': 1 },
    breakdowns: [{ dimension: 'milestone', cells: { other: 1, 'baseline-report': 1, 'midterm-review': 1 } }],
  },
  // Products.
  'PRD-COURSES-STARTED': {
    programme: 6,
    periods: { '2010-Q1': 0, '2010-Q2': 1, '2010-Q3': 2, '2010-Q4': 1, '2011-Q1': 1, '2011-Q2': 1, '2010': 4, '2011': 2 },
    breakdowns: [
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 2, mjolnerparken: 1, urbanplanen: 1, bispeparken: 1, horgarden: 1 } },
      { dimension: 'courseModule', cells: { citizenship: 5, rights: 3, duties: 2, 'association-management': 2, communication: 2, fundraising: 2 } },
      { period: '2010-Q3', dimension: 'housingArea', cells: { mjolnerparken: 1, urbanplanen: 1 } },
    ],
  },
  'PRD-COURSES-COMPLETED': {
    programme: 5,
    periods: { '2010-Q1': 0, '2010-Q2': 1, '2010-Q3': 1, '2010-Q4': 1, '2011-Q1': 1, '2011-Q2': 1, '2010': 3, '2011': 2 },
    breakdowns: [
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 1, mjolnerparken: 1, urbanplanen: 1, bispeparken: 1, horgarden: 1 } },
      { dimension: 'courseModule', cells: { citizenship: 4, rights: 3, duties: 2, 'association-management': 2, communication: 2, fundraising: 1 } },
    ],
  },
  'PRD-ASSOCIATIONS-ENROLLED': {
    programme: 31,
    periods: {
      '2010-Q2': 5, '2010-Q3': 12, '2010-Q4': 7, '2011-Q1': 6, '2011-Q2': 'small-cell',
      '2010-H1': 5, '2010-H2': 19, '2011-H1': 9, '2010': 23, '2011': 9,
    },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': 7, mjolnerparken: 6, urbanplanen: 6,
          akacieparken: 'small-cell', bispeparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: { cultural: 8, women: 5, youth: 5, parents: 5, religious: 'small-cell', sports: 'small-cell', other: 'small-cell' },
      },
      { period: '2010-Q3', dimension: 'housingArea', cells: { mjolnerparken: 6, urbanplanen: 6 } },
    ],
  },
  'PRD-ASSOCIATIONS-COMPLETED': {
    programme: 22,
    periods: {
      '2010-Q2': 'small-cell', '2010-Q3': 5, '2010-Q4': 5, '2011-Q1': 5, '2011-Q2': 'small-cell',
      '2010-H1': 'small-cell', '2010-H2': 10, '2011-H1': 9, '2010': 14, '2011': 9,
    },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          mjolnerparken: 5, urbanplanen: 5,
          'tingbjerg-husum': 'small-cell', bispeparken: 'small-cell', akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: { cultural: 7, women: 5, youth: 'small-cell', parents: 'small-cell', sports: 'small-cell', other: 'small-cell' },
      },
    ],
  },
  'PRD-REPRESENTATIVES-TRAINED': {
    programme: 41,
    periods: { '2010-Q1': 0, '2010-Q2': 8, '2010-Q3': 16, '2010-Q4': 16, '2011-Q1': 12, '2011-Q2': 8, '2010': 32, '2011': 15 },
    breakdowns: [
      { dimension: 'courseModule', cells: { citizenship: 33, rights: 19, duties: 12, 'association-management': 11, communication: 11, fundraising: 6 } },
      { period: '2010-Q3', dimension: 'courseModule', cells: { citizenship: 8, 'association-management': 6, communication: 6, rights: 8 } },
      // Modules overlap (a representative attends several), so the small module needs no complement.
      { period: '2011-Q2', dimension: 'courseModule', cells: { citizenship: 'small-cell', 'association-management': 5 } },
    ],
  },
  'PRD-WORKSHOPS-HELD': {
    programme: 12,
    periods: { '2010-Q1': 1, '2010-Q2': 2, '2010-Q3': 1, '2010-Q4': 3, '2011-Q1': 3, '2011-Q2': 2 },
    breakdowns: [
      {
        dimension: 'workshopTopic',
        cells: { 'good-practice-helhedsplaner': 3, 'parent-involvement': 3, 'good-collaboration': 3, 'involving-minority-associations': 3 },
      },
      {
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 2, mjolnerparken: 2, akacieparken: 1, bispeparken: 2, urbanplanen: 2, horgarden: 1, sydhavnen: 1, folehaven: 1 },
      },
      {
        period: '2010-Q4',
        dimension: 'workshopTopic',
        cells: { 'good-practice-helhedsplaner': 1, 'parent-involvement': 1, 'involving-minority-associations': 1 },
      },
    ],
  },
  'PRD-STAFF-TRAINED': {
    programme: 45,
    periods: { '2010-Q1': 8, '2010-Q2': 12, '2010-Q3': 9, '2010-Q4': 20, '2011-Q1': 21, '2011-Q2': 12, '2010': 35, '2011': 32 },
    breakdowns: [
      {
        dimension: 'workshopTopic',
        cells: { 'good-practice-helhedsplaner': 23, 'parent-involvement': 19, 'good-collaboration': 20, 'involving-minority-associations': 23 },
      },
      {
        dimension: 'role',
        cells: { frontline: 13, 'housing-officer': 8, 'social-worker': 8, teacher: 8, manager: 'complementary', other: 'small-cell' },
      },
      {
        dimension: 'employer',
        cells: { helhedsplan: 15, municipality: 13, school: 8, 'housing-association': 'complementary', other: 'small-cell' },
      },
      {
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 6, mjolnerparken: 6, akacieparken: 6, bispeparken: 6, urbanplanen: 5, horgarden: 6, sydhavnen: 5, folehaven: 5 },
      },
      { period: '2010-Q1', dimension: 'housingArea', cells: { 'tingbjerg-husum': 'complementary', mjolnerparken: 'small-cell' } },
      {
        period: '2011-Q1',
        dimension: 'workshopTopic',
        cells: { 'good-collaboration': 9, 'involving-minority-associations': 9, 'good-practice-helhedsplaner': 7 },
      },
      {
        period: '2011-Q1',
        dimension: 'housingArea',
        cells: { akacieparken: 'complementary', bispeparken: 6, horgarden: 6, sydhavnen: 'small-cell' },
      },
    ],
  },
  'PRD-WORKSHOP-LEARNING': {
    programme: [288, 72],
    periods: { '2010-Q1': [24, 6], '2010-Q2': [43, 11], '2010-Q3': [32, 8], '2010-Q4': [67, 17], '2011-Q1': [90, 22], '2011-Q2': [32, 8] },
    breakdowns: [
      {
        dimension: 'workshopTopic',
        cells: {
          'good-practice-helhedsplaner': [69, 18], 'parent-involvement': [70, 18], 'good-collaboration': [65, 16], 'involving-minority-associations': [84, 20],
        },
      },
      {
        dimension: 'housingArea',
        // Responses add up over periods: tingbjerg-husum and mjolnerparken would give away a small half-year or year (2010-H2: 4,
        // 2011: 3) beside a shown one, and sydhavnen and folehaven are the complements of 2010-Q4 and 2011-Q2 again.
        cells: {
          'tingbjerg-husum': 'complementary', mjolnerparken: 'complementary', akacieparken: [24, 6], bispeparken: [53, 14],
          urbanplanen: [43, 11], horgarden: [34, 8], sydhavnen: 'complementary', folehaven: 'complementary',
        },
      },
      {
        period: '2010-Q4',
        dimension: 'workshopTopic',
        cells: { 'involving-minority-associations': 'small-cell', 'good-practice-helhedsplaner': [21, 6], 'parent-involvement': 'complementary' },
      },
      { period: '2010-Q4', dimension: 'housingArea', cells: { 'tingbjerg-husum': 'small-cell', urbanplanen: [21, 6], sydhavnen: 'complementary' } },
      { period: '2011-Q2', dimension: 'workshopTopic', cells: { 'good-collaboration': 'small-cell', 'parent-involvement': 'complementary' } },
    ],
  },
  'PRD-CROSS-GROUP-SEMINARS': {
    programme: 7,
    periods: { '2010-Q2': 2, '2010-Q3': 0, '2010-Q4': 2, '2011-Q1': 1, '2011-Q2': 2 },
    breakdowns: [
      { dimension: 'format', cells: { seminar: 4, event: 3 } },
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 1, mjolnerparken: 1, urbanplanen: 1, bispeparken: 1, akacieparken: 1, sydhavnen: 1, folehaven: 1 } },
    ],
  },
  'PRD-CROSS-GROUP-PARTICIPANTS': {
    programme: 410,
    periods: { '2010-Q2': 143, '2010-Q4': 98, '2011-Q1': 28, '2011-Q2': 141 },
    breakdowns: [
      { dimension: 'targetGroup', cells: { staff: 65, associations: 86, citizens: 259 } },
      { period: '2010-Q2', dimension: 'housingArea', cells: { 'tingbjerg-husum': 47, mjolnerparken: 96 } },
      { period: '2010-Q2', dimension: 'targetGroup', cells: { staff: 18, associations: 25, citizens: 100 } },
    ],
  },
  'PRD-CROSS-GROUP-ASSOCIATIONS': {
    programme: 38,
    periods: { '2010-Q2': 13, '2010-Q3': 0, '2010-Q4': 11, '2011-Q1': 'small-cell', '2011-Q2': 10, '2010': 24, '2011': 14 },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': 7, mjolnerparken: 6, bispeparken: 5, urbanplanen: 6,
          akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell', folehaven: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: { cultural: 10, women: 6, youth: 6, parents: 6, sports: 5, religious: 'small-cell', other: 'small-cell' },
      },
    ],
  },
  'PRD-CROSS-GROUP-STAFF': {
    programme: 39,
    periods: { '2010-Q2': 12, '2010-Q4': 11, '2011-Q1': 6, '2011-Q2': 10, '2010': 23, '2011': 16 },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': 6, mjolnerparken: 6, akacieparken: 6, urbanplanen: 6, sydhavnen: 6,
          bispeparken: 'complementary', folehaven: 'small-cell',
        },
      },
      {
        dimension: 'role',
        cells: { frontline: 13, 'housing-officer': 7, 'social-worker': 7, teacher: 7, manager: 'small-cell', other: 'small-cell' },
      },
      {
        dimension: 'employer',
        cells: { helhedsplan: 11, municipality: 13, school: 7, 'housing-association': 'complementary', other: 'small-cell' },
      },
    ],
  },
  // Results.
  'RSL-NETWORK-MEMBERS': {
    programme: 63,
    periods: { '2010-Q1': 0, '2010-Q2': 21, '2010-Q3': 43, '2010-Q4': 53, '2011-Q1': 59, '2011-Q2': 63, '2010': 53 },
    breakdowns: [
      { dimension: 'memberKind', cells: { association: 34, staff: 29 } },
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': 12, mjolnerparken: 12, akacieparken: 6, bispeparken: 8, urbanplanen: 11, sydhavnen: 5,
          horgarden: 'complementary', folehaven: 'small-cell',
        },
      },
      {
        period: '2010-Q2',
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 5, urbanplanen: 5, mjolnerparken: 'small-cell', akacieparken: 'small-cell', bispeparken: 'small-cell' },
      },
      { period: '2010-Q2', dimension: 'memberKind', cells: { association: 12, staff: 9 } },
    ],
  },
  'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT': {
    programme: [13, 34],
    periods: { '2010-Q2': [2, 12], '2010-Q3': [3, 25], '2010-Q4': [6, 30], '2011-Q1': [8, 34], '2011-Q2': [13, 34] },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [2, 6], mjolnerparken: [3, 6], urbanplanen: [3, 6],
          akacieparken: 'small-cell', bispeparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell', folehaven: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: { cultural: [5, 10], women: [5, 6], youth: [1, 5], parents: [1, 5], religious: 'small-cell', sports: 'small-cell', other: 'small-cell' },
      },
    ],
  },
  'RSL-LOCAL-MEETINGS': {
    programme: 16,
    periods: { '2010-Q2': 3, '2010-Q3': 2, '2010-Q4': 3, '2011-Q1': 3, '2011-Q2': 5 },
    breakdowns: [
      { dimension: 'memberKind', cells: { association: 8, staff: 8 } },
      {
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 4, mjolnerparken: 3, urbanplanen: 3, bispeparken: 2, akacieparken: 1, horgarden: 1, sydhavnen: 1, folehaven: 1 },
      },
      { period: '2011-Q2', dimension: 'memberKind', cells: { association: 2, staff: 3 } },
    ],
  },
  'RSL-JOINT-ACTIVITIES': {
    programme: 14,
    periods: { '2010-Q2': 2, '2010-Q3': 1, '2010-Q4': 3, '2011-Q1': 3, '2011-Q2': 5 },
    breakdowns: [
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 3, mjolnerparken: 3, urbanplanen: 3, bispeparken: 2, akacieparken: 1, horgarden: 1, sydhavnen: 1 } },
    ],
  },
  // Medium-term effects.
  // Each association's mean score over its domains (small 11/6, medium 15/6, large 18/6 at baseline).
  'MED-CAPACITY-AT-BASELINE': {
    programme: [560 / 6, 36],
    periods: { '2010-Q1': [309 / 6, 20], '2010-Q2': [251 / 6, 16], '2010-Q3': [0, 0], '2010': [560 / 6, 36] },
    breakdowns: [
      {
        dimension: 'capacityDomain',
        cells: {
          governance: [104, 36], finances: [84, 36], communication: [104, 36],
          'networks-and-influence': [68, 36], 'member-involvement': [116, 36], 'citizenship-knowledge': [84, 36],
        },
      },
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [110 / 6, 7], mjolnerparken: [92 / 6, 6], bispeparken: [13, 5], urbanplanen: [17, 6],
          akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell', folehaven: 'small-cell',
        },
      },
    ],
  },
  'MED-CAPACITY-AT-FOLLOW-UP': {
    programme: [71.5, 20],
    periods: { '2010-Q4': [0, 0], '2011-Q1': [43, 12], '2011-Q2': [28.5, 8], '2011': [71.5, 20] },
    breakdowns: [
      {
        dimension: 'capacityDomain',
        cells: {
          governance: [72, 20], finances: [51, 20], communication: [82, 20],
          'networks-and-influence': [72, 20], 'member-involvement': [81, 20], 'citizenship-knowledge': [71, 20],
        },
      },
      {
        dimension: 'housingArea',
        // mjolnerparken and urbanplanen are the complements of 2011-Q1 and 2011-Q2 again (the same associations).
        cells: { 'tingbjerg-husum': [22, 6], mjolnerparken: 'complementary', urbanplanen: 'complementary', bispeparken: 'small-cell', akacieparken: 'small-cell', horgarden: 'small-cell' },
      },
    ],
  },
  'MED-CAPACITY-CHANGE': {
    programme: [17, 20],
    periods: { '2010-Q4': [0, 0], '2011-Q1': [10.5, 12], '2011-Q2': [6.5, 8], '2011': [17, 20] },
    breakdowns: [
      {
        dimension: 'capacityDomain',
        cells: {
          governance: [12, 20], finances: [2, 20], communication: [22, 20],
          'networks-and-influence': [32, 20], 'member-involvement': [12, 20], 'citizenship-knowledge': [22, 20],
        },
      },
      {
        dimension: 'housingArea',
        // mjolnerparken and urbanplanen are the complements of 2011-Q1 (beside bispeparken) and 2011-Q2 (beside the three small
        // areas) again: each is the same associations in every period of 2011 and the programme.
        cells: { 'tingbjerg-husum': [5.5, 6], mjolnerparken: 'complementary', urbanplanen: 'complementary', bispeparken: 'small-cell', akacieparken: 'small-cell', horgarden: 'small-cell' },
      },
      {
        dimension: 'associationType',
        cells: {
          cultural: [4, 5], women: [6, 5],
          youth: 'small-cell', parents: 'small-cell', religious: 'small-cell', sports: 'small-cell', other: 'small-cell',
        },
      },
      {
        period: '2011-Q1',
        dimension: 'capacityDomain',
        cells: {
          governance: [8, 12], finances: [1, 12], communication: [13, 12],
          'networks-and-influence': [20, 12], 'member-involvement': [8, 12], 'citizenship-knowledge': [13, 12],
        },
      },
    ],
  },
  'MED-ASSOCIATIONS-BETTER-COMMUNICATION': {
    programme: [16, 25],
    // a33 answered at 22:15 UTC on 31 March 2011, which is 1 April in Copenhagen: nothing in the first quarter.
    periods: { '2011-Q1': [0, 0], '2011-Q2': [16, 25] },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [5, 7], mjolnerparken: [4, 6], urbanplanen: [4, 6],
          bispeparken: 'small-cell', akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: {
          cultural: [4, 6], women: [4, 5],
          youth: 'small-cell', parents: 'small-cell', religious: 'small-cell', sports: 'small-cell', other: 'small-cell',
        },
      },
    ],
  },
  'MED-ASSOCIATIONS-MORE-INFLUENCE': {
    programme: [12, 25],
    periods: { '2011-Q1': [0, 0], '2011-Q2': [12, 25] },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [3, 7], mjolnerparken: [3, 6], urbanplanen: [3, 6],
          bispeparken: 'small-cell', akacieparken: 'small-cell', horgarden: 'small-cell', sydhavnen: 'small-cell',
        },
      },
      {
        dimension: 'associationType',
        cells: {
          cultural: [3, 6], women: [5, 5],
          youth: 'small-cell', parents: 'small-cell', religious: 'small-cell', sports: 'small-cell', other: 'small-cell',
        },
      },
    ],
  },
  'MED-STAFF-BETTER-DIALOGUE': {
    programme: [18, 30],
    periods: { '2011-Q1': [2, 6], '2011-Q2': [16, 24] },
    breakdowns: [
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [4, 6], mjolnerparken: [4, 6], urbanplanen: [4, 6], bispeparken: [4, 6],
          akacieparken: 'small-cell', horgarden: 'small-cell',
        },
      },
      {
        dimension: 'role',
        cells: { frontline: [7, 10], 'housing-officer': [3, 6], 'social-worker': [1, 6], teacher: 'small-cell', manager: 'small-cell' },
      },
      {
        dimension: 'employer',
        cells: { helhedsplan: [10, 10], municipality: [2, 10], 'housing-association': 'complementary', school: 'small-cell' },
      },
    ],
  },
  // Long-term effects.
  'LT-MINORITY-SEAT-SHARE': {
    programme: [13, 45],
    periods: { '2010-Q1': [6, 43], '2010-Q2': [6, 43], '2010-Q3': [8, 45], '2010-Q4': [11, 46], '2011-Q1': [12, 46], '2011-Q2': [13, 45] },
    breakdowns: [
      {
        dimension: 'forumType',
        cells: { 'resident-board': [3, 16], 'helhedsplan-board': [3, 7], 'local-council': [3, 10], 'integration-council': [3, 6], 'school-board': [1, 6] },
      },
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': [3, 9], mjolnerparken: [3, 7], urbanplanen: [3, 10], bispeparken: [3, 6], horgarden: [1, 6], akacieparken: [0, 7],
        },
      },
      {
        period: '2010-Q1',
        dimension: 'forumType',
        cells: { 'resident-board': [1, 15], 'helhedsplan-board': [2, 7], 'local-council': [1, 10], 'integration-council': [2, 5], 'school-board': [0, 6] },
      },
    ],
  },
  'LT-ASSOCIATION-NOMINATED-SEATS': {
    programme: 8,
    periods: { '2010-Q2': 0, '2010-Q3': 'small-cell', '2010-Q4': 5, '2011-Q1': 7, '2011-Q2': 8 },
    breakdowns: [
      {
        dimension: 'forumType',
        cells: {
          'resident-board': 'small-cell', 'helhedsplan-board': 'small-cell', 'local-council': 'small-cell',
          'integration-council': 'small-cell', 'school-board': 'small-cell',
        },
      },
      {
        dimension: 'housingArea',
        cells: {
          'tingbjerg-husum': 'small-cell', mjolnerparken: 'small-cell', urbanplanen: 'small-cell',
          bispeparken: 'small-cell', horgarden: 'small-cell', akacieparken: 'small-cell',
        },
      },
    ],
  },
  'LT-FORUM-SEATS-TAKEN': {
    programme: 51,
    periods: {
      '2010-Q1': 43, '2010-Q2': 0, '2010-Q3': 'small-cell', '2010-Q4': 'small-cell', '2011-Q1': 'small-cell', '2011-Q2': 'small-cell',
      // The programme minus 2010 would give 2011's 3 seats, so 2010 is withheld, and with it 2010-H2 (2010 minus 2010-H1).
      '2010-H1': 43, '2010-H2': 'complementary', '2011-H1': 'small-cell', '2010': 'complementary', '2011': 'small-cell',
    },
    breakdowns: [
      {
        dimension: 'forumType',
        cells: { 'resident-board': 18, 'helhedsplan-board': 8, 'local-council': 12, 'integration-council': 6, 'school-board': 7 },
      },
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 10, mjolnerparken: 8, urbanplanen: 12, akacieparken: 8, bispeparken: 6, horgarden: 7 } },
      {
        period: '2010-Q1',
        dimension: 'forumType',
        cells: { 'resident-board': 15, 'helhedsplan-board': 'complementary', 'local-council': 10, 'integration-council': 'complementary', 'school-board': 'complementary' },
      },
    ],
  },
  'LT-FORUM-SEATS-LEFT': {
    programme: 6,
    periods: { '2010-Q3': 0, '2010-Q4': 'small-cell', '2011-Q1': 'small-cell', '2011-Q2': 'small-cell', '2010': 'small-cell', '2011': 'small-cell' },
    breakdowns: [
      {
        dimension: 'forumType',
        cells: { 'resident-board': 'small-cell', 'helhedsplan-board': 'small-cell', 'local-council': 'small-cell', 'school-board': 'small-cell' },
      },
      {
        dimension: 'housingArea',
        cells: { 'tingbjerg-husum': 'small-cell', mjolnerparken: 'small-cell', urbanplanen: 'small-cell', akacieparken: 'small-cell', horgarden: 'small-cell' },
      },
    ],
  },
  'LT-FORUM-INPUTS': {
    programme: 12,
    // 2011-Q1 would be 4 without the retraction of the duplicate i09.
    periods: { '2010-Q2': 2, '2010-Q3': 1, '2010-Q4': 2, '2011-Q1': 3, '2011-Q2': 4 },
    breakdowns: [
      { dimension: 'inputKind', cells: { 'hearing-response': 3, 'dialogue-meeting': 4, proposal: 5 } },
      {
        dimension: 'forumType',
        cells: { 'resident-board': 4, 'helhedsplan-board': 2, 'local-council': 3, 'integration-council': 2, 'school-board': 1 },
      },
      { dimension: 'housingArea', cells: { 'tingbjerg-husum': 3, mjolnerparken: 2, urbanplanen: 3, bispeparken: 2, horgarden: 1, akacieparken: 1 } },
      { period: '2011-Q1', dimension: 'inputKind', cells: { proposal: 1, 'hearing-response': 1, 'dialogue-meeting': 1 } },
    ],
  },
};

const periodTypeOf = (period: string): PeriodType =>
  period === 'programme' ? 'programme' : /^\d{4}-Q[1-4]$/.test(period) ? 'quarter' : /^\d{4}-H[12]$/.test(period) ? 'half-year' : 'year';

const expectCell = (cell: CellValue | undefined, want: Expected, where: string) => {
  if (cell === undefined) throw new Error(`${where}: no such cell`);
  if (typeof want === 'string') {
    expect({ where, suppressed: cell.suppressed, result: cell.result, subjects: cell.subjects }).toEqual({ where, suppressed: want, result: null, subjects: null });
    return;
  }
  expect({ where, suppressed: cell.suppressed }).toEqual({ where, suppressed: null });
  if (typeof want === 'number') {
    expect([where, cell.result]).toEqual([where, expect.closeTo(want, 6)]);
    return;
  }
  const [numerator, denominator] = want;
  expect([where, cell.numerator, cell.denominator, cell.result]).toEqual([
    where,
    expect.closeTo(numerator, 6),
    expect.closeTo(denominator, 6),
    denominator === 0 ? null : expect.closeTo(numerator / denominator, 9),
  ]);
};

interface StoreCase {
  readonly name: string;
  readonly env: (dataDir: string) => NodeJS.ProcessEnv;
  readonly cleanUp?: (env: NodeJS.ProcessEnv) => Promise<void>;
}

const mongoDatabase = `toc_demo_${process.pid}_${Date.now().toString(36)}`;
const stores: readonly StoreCase[] = [
  { name: 'SQLite', env: (dataDir) => ({ DATA_DIR: dataDir, READ_MODEL_STORE: 'sqlite', SQLITE_SYNCHRONOUS: 'NORMAL' }) },
  {
    name: 'MongoDB',
    env: (dataDir) => {
      // Set by the integration project's global setup (test/mongod.global-setup.js).
      if (!process.env.MONGODB_URL) throw new Error('MONGODB_URL is not set: run through the Jest integration project');
      return { DATA_DIR: dataDir, READ_MODEL_STORE: 'mongodb', MONGODB_URL: process.env.MONGODB_URL, MONGODB_DATABASE: mongoDatabase, SQLITE_SYNCHRONOUS: 'NORMAL' };
    },
    cleanUp: async (env) => {
      const client = await MongoClient.connect(env.MONGODB_URL!, withOsAdapter());
      await client.db(env.MONGODB_DATABASE).dropDatabase();
      await client.close();
    },
  },
];

describe('the demo programme', () => {
  it('is scripted in business-time order from 2010-01-04 to 2011-06-30, each step recorded the day after it happened', () => {
    const steps = demoProgramme();
    const times = steps.map((step) => step.command.context.occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(times[0].slice(0, 10)).toBe('2010-01-04');
    expect(times[times.length - 1].slice(0, 10)).toBe('2011-06-30');
    const lags = steps.filter((step) => !step.correctionOf).map((step) => Date.parse(step.command.context.now) - Date.parse(step.command.context.occurredAt));
    expect(lags.filter((lag) => lag !== 86_400_000 && lag > 0)).toEqual(lags.filter((lag) => lag > 0 && lag < 86_400_000));
    expect(steps.every((step) => step.command.context.now <= '2011-06-30T12:00:00.000Z')).toBe(true);
    expect(steps.find((step) => step.correctionOf)!.command.context.now).toBe('2010-11-15T09:00:00.000Z');
    expect(steps).toHaveLength(661);
    expect(steps.filter((step) => step.correctionOf)).toHaveLength(1);
    expect(steps.filter((step) => step.retraction)).toHaveLength(1);
  });

  it('is the same every time it is built', () => {
    expect(JSON.stringify(demoProgramme())).toBe(JSON.stringify(demoProgramme()));
  });
});

describe.each(stores)('the demo programme seeded through the command path, read from $name', ({ env: envFor, cleanUp }) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let runtime: Runtime;
  let seeded: { commands: number; lastPosition: number };
  const cache = new Map<string, Promise<IndicatorView[]>>();

  const viewsOf = (period: string) => {
    if (!cache.has(period)) cache.set(period, queryIndicators(runtime.readModels, runtime.projector.activeNamespace, { periodType: periodTypeOf(period), period }, runtime.config.minCellSize));
    return cache.get(period)!;
  };
  const viewOf = async (code: string, period: string) => {
    const view = (await viewsOf(period)).find((candidate) => candidate.code === code);
    if (!view) throw new Error(`indicator ${code} missing from the ${period} query`);
    return view;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toc-demo-'));
    env = envFor(dataDir);
    runtime = await Runtime.open(loadConfig(env));
    seeded = await seedDemo(runtime);
    await runtime.startProjector();
    await runtime.projector.waitFor(seeded.lastPosition);
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    await cleanUp?.(env);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records 661 commands as 662 events (the correction appends a retraction and its replacement)', async () => {
    expect(seeded).toEqual({ commands: 661, lastPosition: 662 });
    expect(await runtime.events.headPosition()).toBe(662);
  });

  it('keeps the correction and the retraction in the event log', async () => {
    const events = await runtime.events.readAll();
    const retractions = events.filter((event) => event.type === 'RecordRetracted');
    expect(retractions.map((event) => [event.streamId, (event.data as { retracted: { type: string } }).retracted.type])).toEqual([
      ['course-c2-mjolnerparken', 'CourseSessionHeld'],
      ['forum-f2', 'ForumInputGiven'],
    ]);
    const replacements = events.filter((event) => event.metadata.correctionOf !== undefined);
    expect(replacements.map((event) => [event.type, event.metadata.correctionOf])).toEqual([
      ['CourseSessionHeld', (retractions[0].data as { retractedEventId: string }).retractedEventId],
    ]);
  });

  it('gives every indicator of the catalogue a programme value; none is withheld at programme level', async () => {
    const views = await viewsOf('programme');
    expect(views.map((view) => view.code)).toEqual(indicatorCatalogue.map((definition) => definition.code));
    const missing = views.filter((view) => view.total.result === null || view.total.suppressed !== null).map((view) => view.code);
    expect(missing).toEqual([]);
  });

  describe.each(Object.entries(expected))('%s', (code, want) => {
    it('has the hand-computed programme value', async () => {
      expectCell((await viewOf(code, 'programme')).total, want.programme, `${code} programme total`);
    });

    if (want.periods) {
      it.each(Object.entries(want.periods))('has the hand-computed total for %s', async (period, value) => {
        expectCell((await viewOf(code, period)).total, value, `${code} ${period} total`);
      });
    }

    for (const breakdown of want.breakdowns ?? []) {
      const period = breakdown.period ?? 'programme';
      it(`has the hand-computed ${breakdown.dimension} breakdown for ${period}`, async () => {
        const view = await viewOf(code, period);
        const cells = view.breakdowns[breakdown.dimension];
        for (const [value, wanted] of Object.entries(breakdown.cells)) {
          expectCell(cells.find((cell) => cell.value === value), wanted, `${code} ${period} ${breakdown.dimension}=${value}`);
        }
        const zeros = cells.filter((cell) => !(cell.value in breakdown.cells));
        expect(zeros.filter((cell) => cell.subjects !== 0 || cell.numerator !== 0 || cell.denominator !== 0 || cell.suppressed !== null)).toEqual([]);
      });
    }
  });

  it('covers every indicator of the catalogue in the expectations above', () => {
    expect(Object.keys(expected).sort()).toEqual(indicatorCatalogue.map((definition) => definition.code).sort());
  });

  it('counts the withheld cells of a view: PRD-STAFF-TRAINED withholds 4 cells for the programme', async () => {
    // role: other (small) + manager (complementary); employer: other (small) + housing-association (complementary).
    expect((await viewOf('PRD-STAFF-TRAINED', 'programme')).suppressedCells).toBe(4);
  });

  it('gives every node of the model evidence in the programme period', async () => {
    const views = await viewsOf('programme');
    const withValue = new Set(views.filter((view) => view.total.result !== null).flatMap((view) => view.nodes));
    expect(taskForceIntegration2010.nodes.map((node) => node.code).filter((node) => !withValue.has(node))).toEqual([]);
  });

  it('lists the associations with a baseline and no follow-up in the data quality, now and as known before the first follow-up', async () => {
    const awaiting = ['a07', 'a11', 'a15', 'a16', 'a17', 'a19', 'a21', 'a22', 'a28', 'a30', 'a31', 'a33', 'a34', 'a35', 'a36', 'a37'];
    expect((await dataQuality(runtime.events)).associationsAwaitingFollowUp).toEqual(awaiting);
    const withBaseline = demoAssociations.filter((association) => association.baseline).map((association) => association.id);
    expect(withBaseline).toHaveLength(36);
    expect((await dataQuality(runtime.events, '2011-01-01T00:00:00.000Z')).associationsAwaitingFollowUp).toEqual(withBaseline);
  });

  it('appends nothing when the demo is seeded a second time', async () => {
    const again = await seedDemo(runtime);
    expect(again).toEqual(seeded);
    expect(await runtime.events.headPosition()).toBe(seeded.lastPosition);
  });
});

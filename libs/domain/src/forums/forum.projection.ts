import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { ForumEvent, ForumSeatTaken } from './forum.events';

const forumProjection = recordProjection<ForumEvent>('forums', {
  ForumRegistered: (data) => [data.forumId],
  ForumSeatTaken: (data) => [data.forumId],
  ForumSeatLeft: (data) => [data.forumId],
  ForumInputGiven: (data) => [data.forumId],
});

/** Each seat holding from taking the seat until leaving it (or still held). */
const seatHoldings = (doc: RecordDocument<ForumEvent>) => {
  const open = new Map<string, { from: string; seat: ForumSeatTaken['data'] }>();
  const holdings: { from: string; until: string | null; seat: ForumSeatTaken['data'] }[] = [];
  for (const record of recordsOf(doc, 'ForumSeatTaken', 'ForumSeatLeft')) {
    const holder = record.data.seatHolderId;
    if (record.type === 'ForumSeatTaken') open.set(holder, { from: record.at, seat: record.data });
    else if (open.has(holder)) {
      holdings.push({ ...open.get(holder)!, until: record.at });
      open.delete(holder);
    }
  }
  return [...holdings, ...[...open.values()].map((holding) => ({ ...holding, until: null }))];
};

const forumFacts = (doc: RecordDocument<ForumEvent>): IndicatorFact[] => {
  const [registered] = recordsOf(doc, 'ForumRegistered');
  if (!registered) return [];
  const dims = { forumType: registered.data.forumType, housingArea: registered.data.housingArea };
  const facts: IndicatorFact[] = [];
  for (const { from, until, seat } of seatHoldings(doc)) {
    // A withheld background counts as an occupied seat but never as a minority seat.
    const minority = seat.background === 'ethnic-minority' ? 1 : 0;
    facts.push({ indicator: 'LT-MINORITY-SEAT-SHARE', from, until, numerator: minority, denominator: 1, subjects: 1, dims });
    if (seat.nominatedByAssociationId) facts.push({ indicator: 'LT-ASSOCIATION-NOMINATED-SEATS', from, until, numerator: 1, subjects: 1, dims });
    // The flows behind the stocks: a holding starts with taking the seat and may end with leaving it.
    facts.push({ indicator: 'LT-FORUM-SEATS-TAKEN', at: from, numerator: 1, subjects: 1, dims });
    if (until) facts.push({ indicator: 'LT-FORUM-SEATS-LEFT', at: until, numerator: 1, subjects: 1, dims });
  }
  for (const input of recordsOf(doc, 'ForumInputGiven')) {
    if (!input.data.associationId) continue;
    facts.push({ indicator: 'LT-FORUM-INPUTS', at: input.at, numerator: 1, subjects: 0, dims: { ...dims, inputKind: input.data.kind } });
  }
  return facts;
};

export const forumFeature = indicatorFeature({
  projection: forumProjection,
  indicators: ['LT-MINORITY-SEAT-SHARE', 'LT-ASSOCIATION-NOMINATED-SEATS', 'LT-FORUM-SEATS-TAKEN', 'LT-FORUM-SEATS-LEFT', 'LT-FORUM-INPUTS'],
  facts: forumFacts,
});

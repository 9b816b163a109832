import { EventRecord } from '../core/record-projection';
import { NetworkMemberJoined, NetworkMemberLeft } from './network.events';

export interface Interval {
  readonly from: string;
  readonly until: string | null;
}

/**
 * Periods of membership from join and leave records (oldest first), merged across networks so
 * that a member of two networks at once is still one member.
 */
export const membershipIntervals = (records: readonly EventRecord<NetworkMemberJoined | NetworkMemberLeft>[]): Interval[] => {
  const open = new Map<string, string>();
  const intervals: Interval[] = [];
  for (const record of records) {
    const networkId = record.data.networkId;
    if (record.type === 'NetworkMemberJoined' && !open.has(networkId)) open.set(networkId, record.at);
    if (record.type === 'NetworkMemberLeft' && open.has(networkId)) {
      intervals.push({ from: open.get(networkId)!, until: record.at });
      open.delete(networkId);
    }
  }
  for (const from of open.values()) intervals.push({ from, until: null });
  return mergeIntervals(intervals);
};

const mergeIntervals = (intervals: Interval[]): Interval[] => {
  const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : 1));
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.until === null || interval.from <= last.until)) {
      const until = last.until === null || interval.until === null ? null : last.until > interval.until ? last.until : interval.until;
      merged[merged.length - 1] = { from: last.from, until };
    } else merged.push(interval);
  }
  return merged;
};

/** The part of each interval from `since` on (empty when an interval ended before it). */
export const intervalsSince = (intervals: readonly Interval[], since: string): Interval[] =>
  intervals
    .filter((interval) => interval.until === null || interval.until > since)
    .map((interval) => ({ from: interval.from > since ? interval.from : since, until: interval.until }));

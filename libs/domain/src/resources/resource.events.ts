import { DomainEvent } from '../core/event';
import { ResourceKind, ResourceLine, ResourceUnit } from '../model/reference-data';

/** Stream `resource-<allocationId>`: a planned amount of one resource line for a period. */
export type ResourceAllocated = DomainEvent<
  'ResourceAllocated',
  {
    readonly allocationId: string;
    readonly resourceLine: ResourceLine;
    readonly kind: ResourceKind;
    readonly unit: ResourceUnit;
    readonly amount: number;
    /** ISO dates (YYYY-MM-DD), inclusive. */
    readonly periodStart: string;
    readonly periodEnd: string;
  }
>;

export type ResourceUsed = DomainEvent<
  'ResourceUsed',
  { readonly allocationId: string; readonly amount: number; readonly note?: string }
>;

export type ResourceEvent = ResourceAllocated | ResourceUsed;

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
    /**
     * With unit fte: the hours of one FTE-year the planned hours are converted at, fixed when
     * the allocation was recorded. Allocations recorded before it was stated were converted at
     * the standard 1,924 hours.
     */
    readonly hoursPerFteYear?: number;
  }
>;

/**
 * Use of an allocation. A budget is used as `amount` in DKK; staff time as `hours`, and when
 * it was stated as FTE over a period, with the FTE, the period and the hours of one FTE-year it
 * was converted from, so the hours never change with a later setting. Uses of staff time
 * recorded before hours were stated carry `amount` in the allocation's unit instead (FTE read
 * as FTE-years of 1,924 hours).
 */
export type ResourceUsed = DomainEvent<
  'ResourceUsed',
  {
    readonly allocationId: string;
    readonly amount?: number;
    readonly hours?: number;
    readonly fte?: number;
    /** A quarter (2010-Q1), half-year (2010-H1) or year (2010) inside the allocation's period. */
    readonly period?: string;
    readonly hoursPerFteYear?: number;
    readonly note?: string;
  }
>;

export type ResourceEvent = ResourceAllocated | ResourceUsed;

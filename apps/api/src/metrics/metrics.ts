import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { EventStore } from '@toc/event-store';
import { ProjectionRunner } from '@toc/read-models';
import { ServiceMetrics } from '@toc/runtime';
import { EVENT_STORE } from '../runtime.module';

/** Latency buckets in seconds, from a cached read to a slow replay. */
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The api's Prometheus metrics: those of every process of the service (ServiceMetrics), and its requests and commands. */
@Injectable()
export class Metrics extends ServiceMetrics {
  /** Every answered request by route template and status: command rate, read and replay latency. */
  readonly requests = new Histogram({
    name: 'toc_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  /** Commands by type and result: deciding, checking and appending, without the HTTP around them. */
  readonly commands = new Histogram({
    name: 'toc_command_duration_seconds',
    help: 'Commands handled (decide and append) by type and result (accepted, or the refusal)',
    labelNames: ['type', 'result'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly appendedEvents = new Counter({ name: 'toc_events_appended_total', help: 'Events appended by commands', registers: [this.registry] });

  constructor(@Inject(EVENT_STORE) events: EventStore, projector: ProjectionRunner) {
    super(events, projector);
  }
}

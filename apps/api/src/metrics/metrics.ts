import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { EventStore } from '@toc/event-store';
import { ProjectionRunner, ProjectionStatusView } from '@toc/read-models';
import { EVENT_STORE } from '../runtime.module';

/** Latency buckets in seconds, from a cached read to a slow replay. */
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's Prometheus metrics, in a registry of its own (one per app, so that tests with
 * several apps in one process do not share series). Projection figures are read at scrape time.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

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

  /** The projection status of the scrape under way: read once, however many gauges show it. */
  private status?: Promise<ProjectionStatusView>;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    private readonly projector: ProjectionRunner,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'toc_' });
    const gauge = (name: string, help: string, read: (set: (value: number, labels?: Record<string, string>) => void) => Promise<void>, labelNames: string[] = []) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          await read((value, labels) => (labels ? this.set(labels, value) : this.set(value)));
        },
      });
    gauge('toc_event_store_head_position', 'Position of the newest stored event', async (set) => set(await events.headPosition()));
    // The projection's figures, all from the one status read of the scrape.
    const projection = (name: string, help: string, read: (view: ProjectionStatusView, set: (value: number, labels: Record<string, string>) => void) => void, labels = ['projection']) =>
      gauge(name, help, async (set) => read(await (this.status ?? this.projector.statusView()), (value, extra) => set(value, extra)), labels);
    projection('toc_projection_lag_events', 'Events stored but not yet applied by the live build', (view, set) => set(view.lagEvents, { projection: view.name }));
    projection('toc_projection_lag_seconds', 'Age of the oldest event not yet applied by the live build', (view, set) => set(view.lagSeconds, { projection: view.name }));
    projection('toc_projection_state', 'The projection state: 1 for the current one', (view, set) => set(1, { projection: view.name, state: view.state }), ['projection', 'state']);
    projection('toc_projection_rebuild_progress_ratio', 'Share of the history a running rebuild has folded, 0 to 1 (absent when none runs)', (view, set) => {
      if (view.rebuild) set(view.rebuild.percent / 100, { projection: view.name });
    });
    projection('toc_replay_index_lag_events', 'Events the live build applied that its replay index does not cover yet', (view, set) => set(view.replayIndex.lagEvents, { projection: view.name }));
  }

  /** The metrics in Prometheus' text format. */
  scrape(): Promise<string> {
    this.status = this.projector.statusView();
    return this.registry.metrics();
  }
}

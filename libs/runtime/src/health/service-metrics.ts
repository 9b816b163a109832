import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { EventStore } from '@toc/event-store';
import { ProjectionRunner, ProjectionStatusView } from '@toc/read-models';

/**
 * The Prometheus metrics every process of the service has, in a registry of its own (one per
 * app, so that tests with several apps in one process do not share series): the process's own,
 * the event store's head and the projection's figures, read at scrape time. The api adds its
 * request and command series to the same registry.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  /** The projection status of the scrape under way: read once, however many gauges show it. */
  private status?: Promise<ProjectionStatusView>;

  constructor(events: EventStore, private readonly projector: ProjectionRunner) {
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

import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { MetricsRegistry } from './metrics-registry';

/** Whether the store answers and how far the read models are, read at each scrape. */
@Injectable()
export class StoreGauges {
  constructor(
    @Inject(MetricsRegistry) registry: MetricsRegistry,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS) models: ReadModelsHandle,
  ) {
    const head = () =>
      store.headPosition().then(
        (position) => ({ up: true, position }),
        () => ({ up: false, position: undefined }),
      );
    new Gauge({
      name: 'baytaq_event_store_up',
      help: 'Whether the event store answers.',
      registers: [registry],
      async collect() {
        this.set((await head()).up ? 1 : 0);
      },
    });
    new Gauge({
      name: 'baytaq_read_models_caught_up',
      help: 'Whether the read models have applied the whole log.',
      registers: [registry],
      async collect() {
        const { position: last } = await head();
        const applied = models.position();
        this.set(last === undefined || (applied !== undefined && store.comparePositions(applied, last) >= 0) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'baytaq_read_models_events_applied',
      help: 'Events the read models have applied since built.',
      registers: [registry],
      collect() {
        this.set(models.eventsApplied());
      },
    });
  }
}

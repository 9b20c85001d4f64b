import { describeEventStoreConformance } from '../testing/conformance';
import { MemoryEventStore } from './memory-event-store';

describeEventStoreConformance('memory', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});

import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { ProcessProgress } from '../commands/process-progress';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { LogProcess } from './log-process';
import { OfficersStayMembers } from './officers-stay-members.process';
import { ProcessCheckpoints } from './process-checkpoints';

/**
 * The registry's processes across streams: started, caught up from their checkpoints before the
 * service listens, and stopped before the store closes.
 */
@Injectable()
export class Processes implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running: LogProcess[] = [];
  private checkpoints: ProcessCheckpoints | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly progress: ProcessProgress,
    private readonly officersStayMembers: OfficersStayMembers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const checkpoints = new ProcessCheckpoints(this.config.dataDir);
    this.checkpoints = checkpoints;
    for (const reaction of [this.officersStayMembers]) {
      const process = new LogProcess(this.store, checkpoints, reaction);
      await process.start();
      this.progress.register(process);
      this.running.push(process);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const process of this.running) await process.close();
    this.checkpoints?.close();
  }
}

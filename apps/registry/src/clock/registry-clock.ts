import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';

/** "Today" is a date in the registry's time zone (Asia/Almaty by default), never the server's UTC date. */
@Injectable()
export class RegistryClock {
  private readonly format: Intl.DateTimeFormat;
  /** Formatting a date in a time zone costs more than a command's own work: once a second is enough. */
  private cached: { second: number; date: string } | undefined;

  constructor(@Inject(REGISTRY_CONFIG) config: Pick<RegistryConfig, 'timezone'>) {
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone: config.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  today(now: Date = new Date()): string {
    const second = Math.floor(now.getTime() / 1000);
    if (this.cached?.second !== second) this.cached = { second, date: this.format.format(now) };
    return this.cached.date;
  }
}

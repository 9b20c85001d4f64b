import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';

/** "Today" is a date in the registry's time zone (Asia/Almaty by default), never the server's UTC date. */
@Injectable()
export class RegistryClock {
  private readonly format: Intl.DateTimeFormat;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone: config.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  today(now: Date = new Date()): string {
    return this.format.format(now);
  }
}

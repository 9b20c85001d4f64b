import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { FailureThrottle } from './failure-throttle';

/** The service's throttle of failed authentications, per client address, as configured. */
@Injectable()
export class AuthFailureThrottle extends FailureThrottle {
  constructor(@Inject(REGISTRY_CONFIG) config: Pick<RegistryConfig, 'authFailureBurst' | 'authFailuresPerSecond'>) {
    super({ burst: config.authFailureBurst, perSecond: config.authFailuresPerSecond });
  }
}

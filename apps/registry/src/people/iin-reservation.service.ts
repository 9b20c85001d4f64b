import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { personStream, STREAM_PREFIX } from '@baytaq/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@baytaq/event-store';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { registrySecret } from '../config/registry-secret';
import { DomainProblem } from '../commands/domain-problem';
import type { WriteContext } from '../commands/write-context';

/**
 * A reservation younger than this whose person is not recorded yet belongs to a registration
 * still in flight; an older one was left by a crash between the two appends.
 */
export const ABANDONED_RESERVATION_MS = 60_000;

/**
 * One IIN, one person: the stream `iin-<hmac>` is created with "no stream" by the first person
 * to claim it. A reservation whose person was never recorded (a crash between the two appends)
 * may be taken over once it is clearly abandoned, never while its registration may still land.
 */
@Injectable()
export class IinReservations {
  private readonly secret: Buffer;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
  ) {
    this.secret = registrySecret(config);
  }

  streamOf(iin: string): string {
    return `${STREAM_PREFIX.iinReservation}${createHmac('sha256', this.secret).update(iin).digest('hex').slice(0, 48)}`;
  }

  async reserve(iin: string, personId: string, write: WriteContext): Promise<void> {
    const stream = this.streamOf(iin);
    const events = await this.store.readStream(stream);
    const last = events[events.length - 1];
    const holder = last ? String(last.data['personId']) : undefined;
    if (holder === personId) return;
    if (holder !== undefined && !(await this.released(holder, last!.recordedAt))) {
      throw new DomainProblem({
        code: 'iin.taken',
        kind: 'conflict',
        message: 'another person is registered with this IIN',
        details: { field: 'iin' },
      });
    }
    const event = {
      id: randomUUID(),
      type: 'IinReserved',
      data: { personId },
      metadata: { actor: write.actor, correlationId: write.correlationId },
    };
    try {
      await this.store.append(stream, [event], last ? last.revision : 'no_stream');
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return this.reserve(iin, personId, write);
      throw error;
    }
  }

  /**
   * Whether the holder no longer holds the IIN: a registration that never got written (abandoned),
   * or a person whose personal data was erased (DOMAIN.md: the reservation stays, as an HMAC, and
   * the same IIN registers again only as a new person). An erased stream ends with its erasure.
   */
  private async released(holder: string, reservedAt: string): Promise<boolean> {
    const [last] = await this.store.readStream(personStream(holder), { direction: 'backwards', maxCount: 1 });
    if (last?.type === 'PersonalDataErased') return true;
    return last === undefined && Date.now() - Date.parse(reservedAt) >= ABANDONED_RESERVATION_MS;
  }
}

import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../libs/event-store/src';

/** ~300 bytes of JSON, shaped like a membership event: what the store benchmarks append. */
export function syntheticEvent(i: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'MemberAdmitted',
    data: {
      personId: randomUUID(),
      organisationId: randomUUID(),
      effectiveDate: '2023-01-10',
      cardNumber: `SYN-${String(i).padStart(8, '0')}`,
      basis: { protocolNumber: `P-${i % 97}`, document: 'synthetic benchmark entry' },
    },
    metadata: { actor: 'bench', correlationId: randomUUID() },
  };
}

import { problem, ProblemError } from '../http/problem';

/** Streams end when clients leave: a slot is likely free by then. */
const RETRY_AFTER_SECONDS = '5';

export interface StreamLimits {
  maxStreams: number;
  maxStreamsPerClient: number;
}

/**
 * Counts the open streams, in total and per client (an API key's name, else the address), and
 * refuses one more beyond the limits: a stream holds a socket, a timer and a page in memory for
 * as long as the client likes, so nobody may open them without bound, and one client may not
 * take every slot. Counts of clients without a stream are dropped: memory follows the streams.
 */
export class StreamAdmission {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(
    private readonly limits: () => StreamLimits,
    private readonly onRefused: (limit: 'per_client' | 'total') => void = () => undefined,
  ) {}

  /** Takes a slot for the client, or throws the 429 (this client) or 503 (everyone) problem. */
  admit(client: string): void {
    const { maxStreams, maxStreamsPerClient } = this.limits();
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= maxStreamsPerClient) {
      this.onRefused('per_client');
      throw refusal(
        429,
        'feed.too_many_streams_for_client',
        `this client has ${mine} event streams open, the most one client may have; close one first`,
        maxStreamsPerClient,
      );
    }
    if (this.total >= maxStreams) {
      this.onRefused('total');
      throw refusal(
        503,
        'feed.too_many_streams',
        `the registry serves ${this.total} event streams, the most it serves at once; reconnect later`,
        maxStreams,
      );
    }
    this.perClient.set(client, mine + 1);
    this.total += 1;
  }

  release(client: string): void {
    const mine = this.perClient.get(client) ?? 0;
    if (mine === 0) return;
    if (mine === 1) this.perClient.delete(client);
    else this.perClient.set(client, mine - 1);
    this.total -= 1;
  }
}

function refusal(status: 429 | 503, code: string, detail: string, limit: number): ProblemError {
  return new ProblemError(problem(status, code, detail, { limit }), { 'retry-after': RETRY_AFTER_SECONDS });
}

/** Whose streams count together: the key's name when the request carried one, else the address. */
export function streamClient(keyName: string | undefined, address: string): string {
  return keyName === undefined ? `address ${address}` : `key ${keyName}`;
}

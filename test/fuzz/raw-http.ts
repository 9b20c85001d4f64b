import { connect } from 'node:net';

/** An answer read off the wire: what a client that wrote raw bytes gets back, if anything. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the connection ended: `answered`, or `reset`/`closed`/`timeout` without a status line. */
  ending: 'answered' | 'reset' | 'closed' | 'timeout';
}

/** Longer than any answer on loopback takes; a server that waits for bytes never sent shows as `timeout`. */
const TIMEOUT_MS = 3_000;

/**
 * Writes bytes to a loopback port as they stand and reads until the server closes the connection
 * (the requests ask it to) or the answer is complete; waits `pauseMs` between the parts.
 */
export function rawExchange(port: number, parts: Array<string | Buffer>, pauseMs = 0): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (ending: RawAnswer['ending']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parseAnswer(Buffer.concat(chunks));
      resolve(parsed ? { ...parsed, ending: 'answered' } : { status: 0, headers: {}, body: '', ending });
    };
    const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (isComplete(Buffer.concat(chunks))) finish('answered');
    });
    socket.on('error', () => finish('reset'));
    socket.on('close', () => finish('closed'));
    socket.on('connect', async () => {
      for (const [i, part] of parts.entries()) {
        if (i > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
        if (socket.destroyed) return;
        socket.write(part);
      }
    });
  });
}

function split(bytes: Buffer): { head: string; body: Buffer } | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  return { head: bytes.subarray(0, end).toString('latin1'), body: bytes.subarray(end + 4) };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function isComplete(bytes: Buffer): boolean {
  const parts = split(bytes);
  if (!parts) return false;
  const headers = headersOf(parts.head);
  if (headers['content-length'] !== undefined) return parts.body.length >= Number(headers['content-length']);
  if (headers['transfer-encoding']?.includes('chunked'))
    return parts.body.includes('\r\n0\r\n\r\n') || parts.body.subarray(0, 5).toString() === '0\r\n\r\n';
  return false;
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}

function parseAnswer(bytes: Buffer): Omit<RawAnswer, 'ending'> | undefined {
  const parts = split(bytes);
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(parts?.head ?? '');
  if (!parts || !statusLine) return undefined;
  const headers = headersOf(parts.head);
  const body = headers['transfer-encoding']?.includes('chunked') ? dechunk(parts.body) : parts.body;
  return { status: Number(statusLine[1]), headers, body: body.toString('utf8') };
}

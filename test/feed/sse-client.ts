import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A Server-Sent Events connection as a test sees it: every message and comment, in order. */
export interface SseConnection {
  response: IncomingMessage;
  messages: SseMessage[];
  comments: string[];
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  /** Waits until the condition holds over what has arrived, or fails after `ms`. */
  until(condition: () => boolean, ms?: number): Promise<void>;
  /** Leaves, as a browser tab that closes. */
  disconnect(): void;
}

/** Parses one SSE block (the text between blank lines) the way EventSource does, for the fields we send. */
function parseBlock(block: string, connection: SseConnection): void {
  const message: SseMessage = { data: '' };
  let isMessage = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) connection.comments.push(line.slice(1).trim());
    const match = /^(id|event|data): ?(.*)$/.exec(line);
    if (!match) continue;
    isMessage = true;
    if (match[1] === 'data') message.data += match[2];
    else message[match[1] as 'id' | 'event'] = match[2];
  }
  if (isMessage) connection.messages.push(message);
}

export function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let buffer = '';
      let markEnded: () => void = () => undefined;
      const connection: SseConnection = {
        response,
        messages: [],
        comments: [],
        ended: new Promise((done) => (markEnded = done)),
        async until(condition, ms = 5000) {
          const deadline = Date.now() + ms;
          while (!condition()) {
            if (Date.now() > deadline) throw new Error(`SSE: condition not met in ${ms} ms`);
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        disconnect: () => req.destroy(),
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parseBlock(buffer.slice(0, end), connection);
          buffer = buffer.slice(end + 2);
        }
      });
      response.on('end', () => markEnded());
      response.on('close', () => markEnded());
      response.on('error', () => markEnded());
      resolve(connection);
    });
    req.on('error', reject);
    req.end();
  });
}

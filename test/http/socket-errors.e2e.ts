import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';

interface RawAnswer {
  /** Everything the server sent before it closed the connection. */
  text: string;
  /** The socket error the client saw, if any (ECONNRESET is what a reset looks like). */
  error: string | undefined;
}

/**
 * Errors Node's HTTP parser raises before Fastify has a request, over a real socket on loopback:
 * each is answered with a problem document, and the connection is closed without a reset even
 * when the client is still sending.
 */
describe('HTTP errors below Fastify, over a raw socket', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => t.close());

  /** Sends `head`, then `trailing` bytes (a body that keeps coming), and reads until the server closes. */
  const exchange = (head: string, trailing = Buffer.alloc(0)): Promise<RawAnswer> =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      let error: string | undefined;
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
      socket.on('close', () => resolve({ text, error }));
      socket.write(head);
      if (trailing.length > 0) socket.write(trailing, () => socket.end());
      else socket.end();
    });

  const parse = (answer: RawAnswer) => {
    const [head = '', body = ''] = answer.text.split('\r\n\r\n');
    const [statusLine = '', ...headers] = head.split('\r\n');
    const header = (name: string) =>
      headers
        .find((h) => h.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    return { status: Number(statusLine.split(' ')[1]), type: header('content-type'), problem: JSON.parse(body) };
  };

  const post = (headers: string, body = '') =>
    `POST /v1/people HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;

  it('answers a 10 kB Authorization header: it is within the limit, so 401 for the unknown key', async () => {
    const answer = await exchange(post(`Authorization: Bearer ${'k'.repeat(10_000)}\r\nContent-Length: 2\r\n`, '{}'));
    const { status, type, problem } = parse(answer);
    expect([status, problem.code]).toEqual([401, 'auth.unauthenticated']);
    expect(type).toContain('application/problem+json');
  });

  it('answers headers over 16 KiB with 431 problem details, not a reset, while the body still comes', async () => {
    const body = Buffer.alloc(4 * 1024 * 1024, 'x');
    const huge = `Authorization: Bearer ${'Ж'.repeat(10_000)}\r\nContent-Length: ${body.length}\r\n`;
    const answer = await exchange(post(huge), body);
    const { status, type, problem } = parse(answer);
    expect([status, problem.code, problem.status]).toEqual([431, 'request.headers_too_large', 431]);
    expect(type).toContain('application/problem+json');
    expect(answer.error).toBeUndefined();
  });

  it('answers a request line over 16 KiB with 431 problem details', async () => {
    const { status, problem } = parse(await exchange(`GET /v1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect([status, problem.code]).toEqual([431, 'request.headers_too_large']);
  });

  it('answers a malformed chunked body with 400 request.malformed_chunked', async () => {
    const answer = await exchange(post('Transfer-Encoding: chunked\r\n', 'zz\r\n{}\r\n0\r\n\r\n'));
    const { status, type, problem } = parse(answer);
    expect([status, problem.code]).toEqual([400, 'request.malformed_chunked']);
    expect(type).toContain('application/problem+json');
  });

  it('answers bytes that are not HTTP with 400 request.malformed_http', async () => {
    const { status, type, problem } = parse(await exchange('NOT HTTP AT ALL\r\n\r\n'));
    expect([status, problem.code]).toEqual([400, 'request.malformed_http']);
    expect(type).toContain('application/problem+json');
  });
});

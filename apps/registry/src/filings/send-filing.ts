import type { FastifyReply } from 'fastify';
import { type RenderedFiling } from './filing-render';

/**
 * Sends a filing's bytes as they are (never re-encoded by a serializer), with the hashes that let
 * the receiver check them. Filings may hold personal data: no cache keeps them.
 */
export function sendFiling(
  reply: FastifyReply,
  rendered: RenderedFiling,
  disposition: string,
  headers: Record<string, string> = {},
): void {
  void reply
    .status(200)
    .headers({
      'content-type': rendered.contentType,
      'content-disposition': disposition,
      'cache-control': 'no-store',
      'x-data-sha256': rendered.dataSha256,
      'x-content-sha256': rendered.sha256,
      ...headers,
    })
    .send(rendered.bytes);
}

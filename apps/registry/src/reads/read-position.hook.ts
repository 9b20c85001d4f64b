import type { FastifyInstance } from 'fastify';
import type { ReadGate } from './read-gate';

/** The header naming the log position the read models had reached when they answered. */
export const READ_POSITION_HEADER = 'log-position';

/**
 * Every read answer states the moment it is for in its body (`knownAt`), and the log position it
 * was read at in a header: a header, since a later read as known at the same moment gives the same
 * body while the log (and so the position read at) has moved on. A Fastify hook rather than a
 * global Nest interceptor: Nest binds an async resource per interceptor and request, which cost
 * every route (/health included) about a third of its throughput.
 */
export function registerReadPosition(fastify: FastifyInstance, gate: ReadGate): void {
  fastify.addHook('preSerialization', async (request, reply, payload) => {
    if (request.method !== 'GET' || !isAnswer(payload)) return payload;
    const knownAt = payload['knownAt'];
    const position = typeof knownAt === 'string' ? gate.positionOf(knownAt) : undefined;
    if (position !== undefined) void reply.header(READ_POSITION_HEADER, position);
    return payload;
  });
}

const isAnswer = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !Array.isArray(body);

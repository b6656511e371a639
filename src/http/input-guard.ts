import type { FastifyRequest } from 'fastify';
import { AppError } from '../app/errors/index';

/** No request of ours nests deeper than this; anything deeper is junk or an attack. */
const maxDepth = 32;

/**
 * Refuses what the schemas cannot express: a NUL character in any text (PostgreSQL cannot store it,
 * so it would end as a 500) and absurdly deep JSON. Walks body, query and path parameters without
 * recursion, so the walk itself cannot overflow the stack.
 */
export async function guardInput(request: FastifyRequest): Promise<void> {
  const stack: { value: unknown; depth: number }[] = [
    { value: request.body, depth: 0 },
    { value: request.query, depth: 0 },
    { value: request.params, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw new AppError('text_contains_nul');
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      if (depth >= maxDepth) throw new AppError('malformed_request');
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) throw new AppError('text_contains_nul');
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
}

/**
 * Opaque NextToken paging shared by the list operations.
 */
import type { HandlerContext } from './context.js';

/** One page of `items` and the token of the next page, if there is one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string | undefined;
}

/**
 * Cuts a page out of `items`.
 *
 * @param maxResults - page size (validated against `[1, limit]`); `defaultSize` when absent; never
 *   more than the fake's `maxPageSize` (AWS may return fewer items than asked, with a NextToken)
 * @param token - the NextToken of the previous page
 */
export function paginate<T>(
  ctx: HandlerContext,
  items: readonly T[],
  maxResults: number | undefined,
  token: string | undefined,
  defaultSize: number,
  limit: number,
): Page<T> {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit)) {
    throw ctx.errors.invalidParameter(`MaxResults must be between 1 and ${limit}.`);
  }
  const size = Math.min(maxResults ?? defaultSize, ctx.maxPageSize ?? Number.POSITIVE_INFINITY);
  const start = token === undefined || token === '' ? 0 : decode(ctx, token);
  const end = start + size;
  const page: Page<T> = { items: items.slice(start, end) };
  return end < items.length ? { ...page, nextToken: encode(end) } : page;
}

function encode(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decode(ctx: HandlerContext, token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'offset' in parsed) {
      const offset = parsed.offset;
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    // fall through
  }
  throw ctx.errors.invalidNextToken();
}

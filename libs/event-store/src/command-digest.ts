import { createHash } from 'node:crypto';

/** What a request asked for, as far as an Idempotency-Key retry must repeat it. */
export interface CommandRequest {
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly correction?: { readonly eventId: string; readonly reason: string };
}

/** JSON with object keys sorted, so the same body sent with its fields in another order digests the same. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

/** A sha256 digest of the request, stored in the metadata of the events it appended. */
export const commandDigest = (request: CommandRequest): string =>
  createHash('sha256')
    .update(canonicalJson({ type: request.type, data: request.data, occurredAt: request.occurredAt, correction: request.correction ?? null }))
    .digest('hex');

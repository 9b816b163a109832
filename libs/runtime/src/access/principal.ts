/** What each role may do; a route names the roles it admits, and anything else is refused. */
export const ROLES = ['recorder', 'evaluator', 'admin', 'monitor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Who a request comes from, as authentication proved it: an internal app's API key or a person's
 * signed token. `subject` is what the event metadata records as the actor.
 */
export interface Principal {
  readonly subject: string;
  readonly kind: 'api-key' | 'jwt';
  /** The key's name or the token's display name, for logs and the access log. */
  readonly name: string;
  readonly roles: readonly Role[];
  /** May record on behalf of someone else (`X-On-Behalf-Of`), as a form filled in for a case worker. */
  readonly mayActOnBehalf: boolean;
}

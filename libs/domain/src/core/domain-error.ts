/** Why a command was refused; the API maps each kind to an HTTP status. */
export type DomainErrorKind = 'rule' | 'not-found' | 'already-exists';

/** A command broke an invariant. `field` names the input at fault when there is one. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const ruleBroken = (code: string, message: string, field?: string): never => {
  throw new DomainError('rule', code, message, field);
};

export const notFound = (what: string): never => {
  throw new DomainError('not-found', 'not-found', `${what} does not exist`);
};

export const alreadyExists = (what: string): never => {
  throw new DomainError('already-exists', 'already-exists', `${what} already exists`);
};

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

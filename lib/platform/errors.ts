export type DomainErrorCode = "invalid" | "not_found" | "conflict" | "forbidden" | "rate_limited";

/** A refusal the user should read: an optional field it belongs to, and a clear message. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  constructor(
    message: string,
    readonly field?: string,
    // "rate_limited" only through RateLimitedError, so every such refusal knows when to retry.
    code: Exclude<DomainErrorCode, "rate_limited"> = "invalid",
    /** Several messages for the field, e.g. one per bad CSV line. */
    readonly details?: string[],
  ) {
    super(message);
    this.name = "DomainError";
    this.code = code;
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "Not found") {
    super(what, undefined, "not_found");
    this.name = "NotFoundError";
  }
}

/**
 * Over a limit: the one place that says when trying again can succeed — `retryAfterS`
 * whole seconds (≥ 1) until the oldest counted attempt leaves the limit's window. The API
 * answers it as 429 with Retry-After; the portal shows the message.
 */
export class RateLimitedError extends DomainError {
  override readonly code: DomainErrorCode = "rate_limited";
  readonly retryAfterS: number;
  constructor(message: string, retryAfterS: number, field?: string) {
    super(message, field);
    this.name = "RateLimitedError";
    this.retryAfterS = Math.max(1, Math.ceil(retryAfterS));
  }
}

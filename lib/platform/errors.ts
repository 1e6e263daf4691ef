/** A refusal the user should read: an optional field it belongs to, and a clear message. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly code: "invalid" | "not_found" | "conflict" | "forbidden" | "rate_limited" = "invalid",
    /** Several messages for the field, e.g. one per bad CSV line. */
    readonly details?: string[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "Not found") {
    super(what, undefined, "not_found");
    this.name = "NotFoundError";
  }
}

import "server-only";
/** The clock is injected into domain functions so tests can pin time exactly. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** The request's "now" for server components (a function, so renders stay declarative). */
export function currentTime(): number {
  return Date.now();
}

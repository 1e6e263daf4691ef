/** The clock is injected into domain functions so tests can pin time exactly. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

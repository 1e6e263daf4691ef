/**
 * A FIFO async mutex: `run(fn)` starts fn once every earlier caller's fn has settled.
 * Fifteen lines instead of a dependency; the SQLite writer needs nothing more.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one to settle, whether it resolved or threw.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Runs tasks with the same key one after another and tasks with different keys side by side.
 * The runner queues commands per stream, so writers in one process never race each other; a key
 * is forgotten as soon as its queue is empty, so memory follows the streams in flight.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/**
 * Maps and filters an async iterator while passing return() straight to the source, so an
 * unsubscribe takes effect at once even when no event is pending (an async generator
 * would wait for the next event before running its cleanup).
 */
export function mapFilter<T, U>(source: AsyncIterator<T>, fn: (value: T) => U | undefined): AsyncIterableIterator<U> {
  const it: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        const mapped = fn(r.value);
        if (mapped !== undefined) return { value: mapped, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown): Promise<IteratorResult<U>> {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

/** Like mapFilter, with an asynchronous mapper (e.g. one that reads the database). */
export function mapFilterAsync<T, U>(source: AsyncIterator<T>, fn: (value: T) => Promise<U | undefined>): AsyncIterableIterator<U> {
  const it: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        const mapped = await fn(r.value);
        if (mapped !== undefined) return { value: mapped, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown): Promise<IteratorResult<U>> {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

/**
 * Maps and filters an async iterator while passing return() straight to the source, so an
 * unsubscribe takes effect at once even when no event is pending (an async generator
 * would wait for the next event before running its cleanup). The mapper may be async (e.g.
 * to read the database).
 */
export function mapFilter<T, U>(source: AsyncIterator<T>, fn: (value: T) => U | undefined | Promise<U | undefined>): AsyncIterableIterator<U> {
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


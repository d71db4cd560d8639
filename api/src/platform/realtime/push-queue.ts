/**
 * A minimal push-to-pull async iterator: a producer pushes values, one consumer pulls them.
 * Bounded, so a consumer that stops reading cannot grow memory without limit.
 */
export class PushQueue<T> implements AsyncGenerator<T, undefined, unknown> {
  private readonly buffer: T[] = [];
  private waiting: ((r: IteratorResult<T, undefined>) => void) | null = null;
  private done = false;

  constructor(
    private readonly onClose: () => void,
    private readonly limit = 1000,
  ) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    if (this.buffer.length >= this.limit) {
      this.end();
      return;
    }
    this.buffer.push(value);
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.buffer.length = 0;
    this.onClose();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.buffer.length) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T, undefined>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.end();
  }
}

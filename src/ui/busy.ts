/** BusyCounter: counts server calls in flight, so the progress indicator shows until the last one ends. */

export class BusyCounter {
  private running = 0;

  constructor(private readonly onChange: (busy: boolean) => void) {}

  get busy(): boolean {
    return this.running > 0;
  }

  /** Runs `task`, counted as busy from its start until it settles (either way). */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.begin();
    try {
      return await task();
    } finally {
      this.end();
    }
  }

  private begin(): void {
    this.running += 1;
    if (this.running === 1) this.onChange(true);
  }

  private end(): void {
    this.running = Math.max(0, this.running - 1);
    if (this.running === 0) this.onChange(false);
  }
}

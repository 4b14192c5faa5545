/**
 * Whether the server is winding down (SIGTERM), and how many requests are in flight: readiness
 * then says so, new requests are answered 503, and the ones in flight are waited for. One per
 * application.
 */
export class Lifecycle {
  private stoppingSince?: number;
  private inFlight = 0;
  private readonly watchers = new Set<() => void>();
  private idleWaiters: (() => void)[] = [];

  get stopping(): boolean {
    return this.stoppingSince !== undefined;
  }

  /** Calls `watcher` once, when the server starts stopping (the live feed ends its streams). */
  onStop(watcher: () => void): void {
    this.watchers.add(watcher);
  }

  stop(): void {
    if (this.stoppingSince !== undefined) return;
    this.stoppingSince = Date.now();
    for (const watcher of this.watchers) watcher();
  }

  begin(): void {
    this.inFlight++;
  }

  end(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves once no request is in flight. */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

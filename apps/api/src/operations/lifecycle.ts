/**
 * Whether the server is winding down (SIGTERM): readiness then says so, and new requests are
 * answered 503 while those in flight finish. One per application.
 */
export class Lifecycle {
  private stoppingSince?: number;

  get stopping(): boolean {
    return this.stoppingSince !== undefined;
  }

  stop(): void {
    this.stoppingSince ??= Date.now();
  }
}

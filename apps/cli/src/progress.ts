/**
 * Progress of long work, drawn on the terminal's stderr as a bar; silent when stderr is not a
 * terminal (a pipe or a CI log), so machine output on stdout stays clean.
 */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total?: number,
  ) {}

  /** `items` counts what the rate is of, when `done` measures something else (bytes read). */
  update(done: number, note = '', items = done): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const rate = items / Math.max((now - this.started) / 1000, 0.001);
    const rateText = `${Math.round(rate).toLocaleString('en-US')}/s`;
    if (this.total) {
      const share = Math.min(done / this.total, 1);
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${rateText} ${note}   `,
      );
    } else {
      process.stderr.write(`\r${this.label} ${done.toLocaleString('en-US')} ${rateText} ${note}   `);
    }
  }

  done(message: string): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${message}\n`);
  }
}

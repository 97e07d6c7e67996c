/**
 * A progress bar on stderr for long CLI work. On a terminal it redraws one
 * line; elsewhere (CI logs) it prints at most one line per 10%.
 */
export class ProgressBar {
  private lastDecile = -1;
  private readonly started = Date.now();
  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    if (this.out.isTTY) {
      const width = 30;
      const filled = Math.round(frac * width);
      this.out.write(`\r${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${total} ${secs}s`);
      if (done >= total) this.out.write('\n');
    } else {
      // Small jobs print only their end; large ones one line per 10%.
      const decile = total >= 100 ? Math.floor(frac * 10) : done >= total ? 10 : -1;
      if (decile >= 0 && decile !== this.lastDecile) {
        this.lastDecile = decile;
        this.out.write(`${this.label}: ${(frac * 100).toFixed(0)}% (${done}/${total}, ${secs}s)\n`);
      }
    }
  }
}

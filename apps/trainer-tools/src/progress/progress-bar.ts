import { formatDuration } from './format-duration.ts';

/** Where the bar is drawn: stderr, or a fake in tests. */
export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressBarOptions {
  label: string;
  /** Milliseconds; `performance.now` by default. */
  clock?: () => number;
  /** Least time between redraws on a terminal (default 100 ms). */
  redrawMs?: number;
  /** Time between progress lines when the output is not a terminal (default 5 s). */
  lineEveryMs?: number;
}

const BAR_WIDTH = 24;

/**
 * A progress bar with rate and ETA. On a terminal it redraws one line in place; otherwise (CI,
 * pipes, log files) it prints a plain line every few seconds and a last one at the end.
 */
export class ProgressBar {
  readonly #output: ProgressOutput;
  readonly #label: string;
  readonly #clock: () => number;
  readonly #redrawMs: number;
  readonly #lineEveryMs: number;
  readonly #started: number;
  #total: number | null = null;
  #done = 0;
  #note = '';
  #lastDraw = -Infinity;
  #drawnDone = -1;
  #finished = false;

  constructor(output: ProgressOutput, options: ProgressBarOptions) {
    this.#output = output;
    this.#label = options.label;
    this.#clock = options.clock ?? (() => performance.now());
    this.#redrawMs = options.redrawMs ?? 100;
    this.#lineEveryMs = options.lineEveryMs ?? 5_000;
    this.#started = this.#clock();
  }

  /** The number of items to expect; the bar and ETA need it. */
  setTotal(total: number): void {
    this.#total = total;
    if (this.#output.isTTY) this.#draw(false);
  }

  /** Counts finished items; `note` is shown after the numbers (e.g. running tallies). */
  tick(count = 1, note?: string): void {
    this.#done += count;
    if (note !== undefined) this.#note = note;
    this.#draw(false);
  }

  /** Draws the final state; on a terminal the line is then cleared, so later output starts clean. */
  finish(): void {
    if (this.#finished) return;
    this.#draw(true);
    this.#finished = true;
    if (this.#output.isTTY) this.#output.write('\r\x1b[2K');
  }

  /** The current line, without cursor control. */
  line(): string {
    const elapsed = this.#clock() - this.#started;
    const rate = elapsed > 0 ? this.#done / (elapsed / 1000) : 0;
    const parts = [this.#label];
    if (this.#total !== null && this.#total > 0) {
      const ratio = Math.min(1, this.#done / this.#total);
      const filled = Math.round(ratio * BAR_WIDTH);
      parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`);
      parts.push(`${this.#done}/${this.#total}`, `${Math.floor(ratio * 100)}%`);
    } else {
      parts.push(`${this.#done}`);
    }
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (this.#total !== null && this.#done < this.#total && rate > 0) {
      parts.push(`ETA ${formatDuration(((this.#total - this.#done) / rate) * 1000)}`);
    } else {
      parts.push(`elapsed ${formatDuration(elapsed)}`);
    }
    if (this.#note !== '') parts.push(this.#note);
    return parts.join('  ');
  }

  #draw(force: boolean): void {
    if (this.#finished) return;
    const now = this.#clock();
    if (this.#output.isTTY) {
      if (!force && now - this.#lastDraw < this.#redrawMs) return;
      this.#lastDraw = now;
      const width = Math.max(20, (this.#output.columns ?? 80) - 1);
      this.#output.write(`\r\x1b[2K${this.line().slice(0, width)}`);
      return;
    }
    if (force ? this.#drawnDone === this.#done : now - this.#lastDraw < this.#lineEveryMs) return;
    this.#lastDraw = now;
    this.#drawnDone = this.#done;
    this.#output.write(`${this.line()}\n`);
  }
}

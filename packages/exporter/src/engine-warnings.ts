import { diag } from '@opentelemetry/api';

const PREFIX = 'AGLSpanExporter:';

/** One-line warnings, each said once per occurrence rather than once per span. */
export class EngineWarnings {
  readonly #endpoint: string;
  #saidOutside = false;
  #saidRefused = false;
  #saidOutage = false;
  #saidUnusable = false;

  constructor(endpoint: string) {
    this.#endpoint = endpoint;
  }

  outsideRun(count: number): void {
    if (this.#saidOutside) return;
    this.#saidOutside = true;
    diag.warn(
      `${PREFIX} dropped ${count} span(s) that belong to no agent run (counted as dropped.outside_run; further ones are counted without this warning). ` +
        "To export them, wrap the work in an agent span (gen_ai.operation.name = 'invoke_agent'), use aglRun(name, fn) from @agl/instrumentation, or set scope: 'trace'.",
    );
  }

  runsRefused(maxSpans: number, maxBytes: number): void {
    if (this.#saidRefused) return;
    this.#saidRefused = true;
    diag.warn(
      `${PREFIX} queue full (${maxSpans} spans / ${maxBytes} bytes kept for unfinished runs): new agent runs are not exported until it drains (counted as rollouts.refused). ` +
        `Is the AGL store at ${this.#endpoint} keeping up?`,
    );
  }

  /** Said when delivery stops; `recovered` when it starts again. */
  outage(error: unknown): void {
    if (this.#saidOutage) return;
    this.#saidOutage = true;
    diag.warn(
      `${PREFIX} the AGL store at ${this.#endpoint} does not answer (${message(error)}); spans wait in a bounded queue and delivery resumes when it does.`,
    );
  }

  recovered(afterMs: number): void {
    if (!this.#saidOutage) return;
    this.#saidOutage = false;
    diag.warn(
      `${PREFIX} the AGL store at ${this.#endpoint} answers again after ${Math.round(afterMs / 100) / 10} s; delivery resumed.`,
    );
  }

  unusable(error: Error): void {
    if (this.#saidUnusable) return;
    this.#saidUnusable = true;
    diag.warn(`${PREFIX} ${error.message}. Export is off: runs are counted as lost.`);
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

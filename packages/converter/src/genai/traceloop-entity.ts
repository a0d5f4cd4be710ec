import type { Attributes } from '@opentelemetry/api';

// OpenLLMetry (`@traceloop/node-server-sdk`): `withWorkflow` / `withAgent` open a span named
// `<name>.workflow` / `<name>.agent` and set its attributes only after it started:
// `traceloop.span.kind`, `traceloop.entity.name`, and (when the SDK is initialised with content
// tracing on) `traceloop.entity.input` = JSON `{args: [...], kwargs: {...}}` of the call.

export const TRACELOOP_SPAN_KIND = 'traceloop.span.kind';
/** The span kinds that mark a run: a workflow, or an agent. */
export const TRACELOOP_RUN_KINDS: ReadonlySet<string> = new Set(['workflow', 'agent']);
/** `<name>.workflow` / `<name>.agent`: how such a span is named before its attributes exist. */
export const TRACELOOP_RUN_SPAN_NAME = /^.+\.(?:workflow|agent)$/;

function isRunEntity(attributes: Attributes): boolean {
  const kind = attributes[TRACELOOP_SPAN_KIND];
  return typeof kind === 'string' && TRACELOOP_RUN_KINDS.has(kind);
}

/** The workflow's or agent's name, when the span is one; else undefined. */
export function traceloopRunName(attributes: Attributes): string | undefined {
  if (!isRunEntity(attributes)) return undefined;
  const name = attributes['traceloop.entity.name'] ?? attributes['traceloop.workflow.name'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * The workflow's or agent's input: its single argument, or its keyword object when called with
 * one object, else `{args, kwargs}` whole. Undefined when the span is no run entity, carries no
 * input, or the call had no arguments (the first user message stands in then).
 */
export function traceloopRunInput(attributes: Attributes): unknown {
  if (!isRunEntity(attributes)) return undefined;
  const raw = attributes['traceloop.entity.input'];
  if (typeof raw !== 'string' || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed;
  const { args, kwargs } = parsed as { args?: unknown; kwargs?: unknown };
  const argList = Array.isArray(args) ? args : [];
  const keywords =
    kwargs && typeof kwargs === 'object' && !Array.isArray(kwargs) && Object.keys(kwargs).length
      ? kwargs
      : undefined;
  if (argList.length === 0) return keywords;
  if (argList.length === 1 && keywords === undefined) return argList[0];
  return parsed;
}

// Span attribute keys and span names that Agent Lightning reads or that our packages agree on.
// Every package imports them from here so writer and reader can never drift apart.

/** The rollout a span belongs to (AGL's OTLP receiver and tracers read it). */
export const ROLLOUT_ID_KEY = 'agentlightning.rollout_id';
/** The attempt of that rollout. */
export const ATTEMPT_ID_KEY = 'agentlightning.attempt_id';
/** The span's sequence number within the attempt (OTLP ingestion on AGL 0.3). */
export const SPAN_SEQUENCE_ID_KEY = 'agentlightning.span_sequence_id';

/**
 * Set on a whole-model-call span: the model call's own child spans, so the converter treats the
 * call as the LLM span instead of the framework's summaries of it.
 */
export const MODEL_CALL_CHILD_SPANS_KEY = 'agl.model_call.child_spans';

/** Set on the span `aglRun` opens: it roots a run, whatever else the span says. */
export const RUN_MARKER_KEY = 'agl.run';
/** `aglRun`'s input, as JSON text: the rollout input. */
export const RUN_INPUT_KEY = 'agl.run.input';
/** Prefix of `aglRun`'s metadata keys, each of which becomes rollout metadata. */
export const RUN_METADATA_PREFIX = 'agl.metadata.';
/** On a span event made from a GenAI log event: the log record's body, as JSON text. */
export const LOG_EVENT_BODY_KEY = 'agl.log.body';

/**
 * Where the converter moves the `gen_ai.request.*` / `gen_ai.response.*` keys of a span that is
 * not one whole model call (so AGL's adapters make no training record of it); readers that show a
 * span's model look here too.
 */
export const SUMMARY_KEY_PREFIX = 'agl.summary.';

/**
 * Attributes that name the agent on an agent-run span, most specific first: the GenAI
 * convention's name, AGL's own `agent.name`, then the GenAI agent id.
 */
export const AGENT_NAME_KEYS = ['gen_ai.agent.name', 'agent.name', 'gen_ai.agent.id'] as const;

/** The span name AGL 0.2 reads rewards from; 0.3 reads the `agentlightning.reward.*` keys. */
export const REWARD_SPAN_NAME = 'agentlightning.reward';
/** AGL 0.3's name for annotation spans, which may carry rewards too. */
export const ANNOTATION_SPAN_NAME = 'agentlightning.annotation';

/** `agentlightning.reward.{index}.name` / `.value`: AGL 0.3's reward dimensions (0 is primary). */
export function rewardAttributeKeys(index: number): { name: string; value: string } {
  return {
    name: `agentlightning.reward.${index}.name`,
    value: `agentlightning.reward.${index}.value`,
  };
}

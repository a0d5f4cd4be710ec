// Attribute keys the GenAI normalisation reads and writes, in one place.

// OpenTelemetry GenAI semantic conventions, as Mastra's bridge and the model-call middleware
// write them.
export const GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
export const GEN_AI_INPUT_MESSAGES = 'gen_ai.input.messages';
export const GEN_AI_OUTPUT_MESSAGES = 'gen_ai.output.messages';
export const GEN_AI_SYSTEM_INSTRUCTIONS = 'gen_ai.system_instructions';
export const GEN_AI_TOOL_DEFINITIONS = 'gen_ai.tool.definitions';
export const GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
export const GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';
export const GEN_AI_AGENT_NAME = 'gen_ai.agent.name';
export const GEN_AI_AGENT_ID = 'gen_ai.agent.id';
export const GEN_AI_TOOL_NAME = 'gen_ai.tool.name';
export const GEN_AI_TOOL_CALL_ID = 'gen_ai.tool.call.id';
export const GEN_AI_TOOL_CALL_ARGUMENTS = 'gen_ai.tool.call.arguments';

// Mastra's own attributes.
export const MASTRA_SPAN_TYPE = 'mastra.span.type';
export const MASTRA_MODEL_STEP_INPUT = 'mastra.model_step.input';
export const MASTRA_MODEL_STEP_OUTPUT = 'mastra.model_step.output';
export const MASTRA_MODEL_METADATA = 'mastra.metadata.modelMetadata';
/** The provider's raw response body, which Mastra keeps on the step of a non-streamed call. */
export const MASTRA_RESPONSE_BODY = 'mastra.metadata.body';
export const GEN_AI_RESPONSE_ID = 'gen_ai.response.id';

// The indexed layout AGL's adapters read (agentlightning TraceToMessages / TracerTraceToTriplet).
export const AGL_PROMPT = 'gen_ai.prompt';
export const AGL_COMPLETION = 'gen_ai.completion';
export const AGL_REQUEST_FUNCTIONS = 'gen_ai.request.functions';
export const AGL_USAGE_PROMPT_TOKENS = 'gen_ai.usage.prompt_tokens';
export const AGL_USAGE_COMPLETION_TOKENS = 'gen_ai.usage.completion_tokens';
export const AGL_USAGE_TOTAL_TOKENS = 'llm.usage.total_tokens';
export const AGL_AGENT_NAME = 'agent.name';
export const AGL_TOOL_NAME = 'tool.name';
export const AGL_TOOL_PARAMETERS = 'tool.parameters';
export const AGL_TOOL_CALL_ID = 'tool.call.id';
export const AGL_TOOL_CALL_TYPE = 'tool.call.type';
/** Token ids AGL's triplet adapter reads (integer arrays). */
export const AGL_PROMPT_TOKEN_IDS = 'prompt_token_ids';
export const AGL_RESPONSE_TOKEN_IDS = 'response_token_ids';

/** The span name AGL's default `llm_call_match` (`openai\.chat\.completion`, a regex search)
 * finds. */
export const DEFAULT_LLM_SPAN_NAME = 'openai.chat.completion';
/** On a renamed span: the name it had in OpenTelemetry. */
export const ORIGINAL_NAME_KEY = 'agl.span.original_name';
/**
 * Set by the model-call middleware (`@agl/instrumentation`) on the span that is active when the
 * model is called (Mastra's `model_step`): the calls below it have spans of their own, so this
 * span must not count as an LLM call too. Defined by the wire contract in `@agl/client`.
 */
export { MODEL_CALL_CHILD_SPANS_KEY } from '@agl/client';

/** Set on an LLM-call span whose message events were recorded without their content. */
export const CONTENT_MISSING_KEY = 'agl.genai.content_missing';

import type { Attributes } from '@opentelemetry/api';
import {
  AGL_REQUEST_FUNCTIONS,
  AGL_TOOL_CALL_ID,
  AGL_TOOL_CALL_TYPE,
  AGL_TOOL_NAME,
  AGL_TOOL_PARAMETERS,
  GEN_AI_TOOL_CALL_ARGUMENTS,
  GEN_AI_TOOL_CALL_ID,
  GEN_AI_TOOL_NAME,
} from './attribute-names.ts';
import type { PutAttribute } from './messages.ts';
import { asJsonText, isRecord, readString } from './read-attribute.ts';

export interface ToolDefinition {
  name: string;
  description: string | undefined;
  /** JSON Schema of the arguments, as JSON text. */
  parameters: string;
}

const NO_PARAMETERS = '{"type":"object","properties":{}}';

/**
 * Function tools from `gen_ai.tool.definitions`: GenAI (`{type, name, description,
 * parameters}`), OpenAI (`{type: "function", function: {…}}`) and AI SDK (`inputSchema`) shapes.
 * Bare names (Mastra lists only names on its agent span) carry no schema and are skipped: a
 * trainer would learn a wrong signature from them.
 */
export function parseToolDefinitions(source: unknown): ToolDefinition[] {
  if (!Array.isArray(source)) return [];
  const definitions: ToolDefinition[] = [];
  for (const entry of source) {
    if (!isRecord(entry)) continue;
    if (entry.type !== undefined && entry.type !== 'function') continue;
    const body = isRecord(entry.function) ? entry.function : entry;
    if (typeof body.name !== 'string' || body.name === '') continue;
    const schema = body.parameters ?? body.inputSchema ?? body.input_schema;
    definitions.push({
      name: body.name,
      description: typeof body.description === 'string' ? body.description : undefined,
      parameters: schema === undefined ? NO_PARAMETERS : asJsonText(schema),
    });
  }
  return definitions;
}

/** `gen_ai.request.functions.{i}.name / .description / .parameters`. */
export function writeFunctions(definitions: readonly ToolDefinition[], put: PutAttribute): void {
  definitions.forEach((definition, index) => {
    const base = `${AGL_REQUEST_FUNCTIONS}.${index}`;
    put(`${base}.name`, definition.name);
    if (definition.description !== undefined) put(`${base}.description`, definition.description);
    put(`${base}.parameters`, definition.parameters);
  });
}

/**
 * On a span for one tool call (`gen_ai.tool.name` + `gen_ai.tool.call.id`): the `tool.*` keys
 * TraceToMessages reads from the children of an LLM span. All four are written together, as
 * the adapter needs every one of them.
 */
export function writeToolCallAttributes(attributes: Attributes, put: PutAttribute): void {
  const name = readString(attributes, GEN_AI_TOOL_NAME);
  const id = readString(attributes, GEN_AI_TOOL_CALL_ID);
  if (name === undefined || id === undefined) return;
  const rawArguments = attributes[GEN_AI_TOOL_CALL_ARGUMENTS];
  put(AGL_TOOL_NAME, name);
  put(AGL_TOOL_CALL_ID, id);
  put(AGL_TOOL_CALL_TYPE, 'function');
  put(AGL_TOOL_PARAMETERS, rawArguments === undefined ? '{}' : asJsonText(rawArguments));
}

/** The `tool.*` keys for one tool call read from another layout. */
export function writeToolCall(
  call: { id: string; name: string; arguments: string },
  put: PutAttribute,
): void {
  put(AGL_TOOL_NAME, call.name);
  put(AGL_TOOL_CALL_ID, call.id);
  put(AGL_TOOL_CALL_TYPE, 'function');
  put(AGL_TOOL_PARAMETERS, call.arguments);
}

/** Whether the span describes one tool call. */
export function isToolCallSpan(attributes: Attributes): boolean {
  return (
    readString(attributes, GEN_AI_TOOL_NAME) !== undefined &&
    readString(attributes, GEN_AI_TOOL_CALL_ID) !== undefined
  );
}

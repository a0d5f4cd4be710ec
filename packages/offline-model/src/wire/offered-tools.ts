import { invalidRequest } from '../api-error.ts';
import type { OfferedTool, ToolChoice } from '../policy/conversation.ts';
import { type Fields, oneOf, optionalString, requireObject, requireString } from './read-fields.ts';

/** Where a wire format keeps a function tool's fields: `null` for a tool that is not a function. */
export type FunctionFieldsOf = (
  tool: Fields,
  param: string,
) => { fields: Fields; param: string } | null;

/** Reads a request's `tools` (function tools only), naming the bad field on invalid input. */
export function parseOfferedTools(
  tools: readonly unknown[] | undefined,
  functionFieldsOf: FunctionFieldsOf,
): OfferedTool[] {
  const offered: OfferedTool[] = [];
  (tools ?? []).forEach((value, index) => {
    const found = functionFieldsOf(requireObject(value, `tools[${index}]`), `tools[${index}]`);
    if (found === null) return;
    const { fields, param } = found;
    offered.push({
      name: requireString(fields, 'name', `${param}.name`),
      description: optionalString(fields, 'description', `${param}.description`) ?? '',
      parameters: fields.parameters ?? { type: 'object', properties: {} },
    });
  });
  return offered;
}

/**
 * Reads `tool_choice`: a mode string, or an object from which `chosenName` reads a function name
 * (none read means `auto`); a name that is not among the offered tools is refused.
 */
export function parseToolChoice(
  value: unknown,
  tools: readonly OfferedTool[],
  chosenName: (choice: Fields) => string | undefined,
): ToolChoice {
  if (value === undefined || value === null) return { type: 'auto' };
  if (typeof value === 'string') {
    return { type: oneOf(value, ['auto', 'none', 'required'] as const, 'tool_choice') };
  }
  const choice = requireObject(value, 'tool_choice', "'auto', 'none', 'required' or an object");
  const name = chosenName(choice);
  if (name === undefined) return { type: 'auto' };
  if (!tools.some((tool) => tool.name === name)) {
    throw invalidRequest(
      `'tool_choice' names the function '${name}', which is not among 'tools'.`,
      'tool_choice',
    );
  }
  return { type: 'function', name };
}

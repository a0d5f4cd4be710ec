import { generateValue } from '../schema/generate-value.ts';
import type { OutputFormat } from './conversation.ts';
import { clip, conversationSuggester, summarySentence } from './conversation-suggester.ts';
import type { ConversationContext } from './read-conversation.ts';

/** The final answer's text: JSON for structured output, otherwise a deterministic summary. */
export function composeAnswer(
  output: OutputFormat,
  context: ConversationContext,
  seed: string,
): string {
  switch (output.type) {
    case 'json_schema': {
      const value = generateValue(output.schema, {
        seed,
        suggester: conversationSuggester(context, seed),
      });
      return JSON.stringify(value ?? null);
    }
    case 'json_object':
      return JSON.stringify(jsonObjectAnswer(context));
    default:
      return composeTextAnswer(context);
  }
}

/** A plain-text answer that restates the request and the tool results it is based on. */
export function composeTextAnswer(context: ConversationContext): string {
  const { facts, focusText, toolResults } = context;
  const lines = [
    focusText === ''
      ? '[offline model] There is no user message to answer.'
      : `[offline model] You wrote: "${clip(focusText, 200)}"`,
  ];
  if (toolResults.length > 0) {
    lines.push('Tool results:');
    for (const result of toolResults.slice(0, 8)) {
      lines.push(`- ${result.name || result.callId || 'tool'}: ${clip(result.text, 200)}`);
    }
  }
  const found: string[] = [`${facts.words.length} words`];
  if (facts.keywords.length > 0) found.push(`key terms ${facts.keywords.slice(0, 5).join(', ')}`);
  if (facts.hashtags.length > 0) found.push(`hashtags ${facts.hashtags.join(' ')}`);
  if (facts.mentions.length > 0) found.push(`mentions ${facts.mentions.join(' ')}`);
  if (facts.numbers.length > 0) found.push(`numbers ${facts.numbers.slice(0, 8).join(', ')}`);
  if (facts.urls.length > 0) found.push(`links ${facts.urls.join(' ')}`);
  found.push(`sentiment ${facts.sentiment.label}`);
  if (focusText !== '') lines.push(`Noticed: ${found.join('; ')}.`);
  return lines.join('\n');
}

/** The object returned for `json_object` output, which names no schema. */
export function jsonObjectAnswer(context: ConversationContext): Record<string, unknown> {
  const { facts } = context;
  return {
    answer: summarySentence(context),
    sentiment: facts.sentiment.label,
    keywords: facts.keywords.slice(0, 5),
    hashtags: facts.hashtags,
    numbers: facts.numbers.slice(0, 8),
    toolResults: context.toolResults.map((result) => ({
      name: result.name,
      result: result.value ?? result.text,
    })),
  };
}

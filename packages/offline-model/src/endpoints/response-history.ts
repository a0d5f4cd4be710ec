import { type ConversationMessage, message } from '../policy/conversation.ts';
import type { ResponseHistory } from '../wire/parse-responses-request.ts';
import type { OutputItem } from '../wire/responses.ts';

/**
 * The last responses this server produced, so that later requests may point at them with
 * `previous_response_id` or `item_reference` (the AI SDK sends earlier assistant messages as
 * references). Bounded: the oldest entries are forgotten first.
 */
export class ResponseHistoryStore implements ResponseHistory {
  readonly #conversations = new Map<string, readonly ConversationMessage[]>();
  readonly #items = new Map<string, ConversationMessage>();
  readonly #maxResponses: number;

  constructor(maxResponses = 500) {
    this.#maxResponses = Math.max(1, maxResponses);
  }

  item(id: string): ConversationMessage | undefined {
    return this.#items.get(id);
  }

  conversation(responseId: string): readonly ConversationMessage[] | undefined {
    return this.#conversations.get(responseId);
  }

  remember(
    responseId: string,
    input: readonly ConversationMessage[],
    output: readonly OutputItem[],
  ) {
    const produced = output.map((item): [string, ConversationMessage] => [
      item.id,
      item.type === 'message'
        ? message('assistant', item.content[0].text)
        : message('assistant', '', {
            toolCalls: [{ id: item.call_id, name: item.name, arguments: item.arguments }],
          }),
    ]);
    this.#conversations.delete(responseId);
    this.#conversations.set(responseId, [...input, ...produced.map(([, item]) => item)]);
    for (const [id, item] of produced) {
      this.#items.delete(id);
      this.#items.set(id, item);
    }
    trim(this.#conversations, this.#maxResponses);
    trim(this.#items, this.#maxResponses * 4);
  }
}

function trim(map: Map<string, unknown>, limit: number): void {
  for (const key of map.keys()) {
    if (map.size <= limit) return;
    map.delete(key);
  }
}

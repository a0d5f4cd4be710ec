import type { CallOutcome } from './call-outcome.ts';
import { safely } from './safely.ts';
import type { FinishReason, OutputContent, StreamPart, Usage } from './sdk-types.ts';
import { type TokenIds, tokenIdsFromChunk, tokenIdsFromMetadata } from './token-ids.ts';

type TextSlot = { type: 'text' | 'reasoning'; text: string };

/** Accumulates what a streamed call produced. */
export class StreamCollector {
  #texts = new Map<string, TextSlot>();
  #content: OutputContent[] = [];
  #finishReason: FinishReason | undefined;
  #usage: Usage | undefined;
  #responseId: string | undefined;
  #responseModel: string | undefined;
  #promptTokenIds: number[] | undefined;
  #responseTokenIds: number[] | undefined;
  #metadataTokenIds: TokenIds = {};
  #errors: unknown[] = [];

  add(part: StreamPart): void {
    safely(() => this.#add(part));
  }

  #add(part: StreamPart): void {
    switch (part.type) {
      case 'text-start':
        this.#slot('text', part.id);
        break;
      case 'reasoning-start':
        this.#slot('reasoning', part.id);
        break;
      case 'text-delta':
        this.#slot('text', part.id).text += part.delta;
        break;
      case 'reasoning-delta':
        this.#slot('reasoning', part.id).text += part.delta;
        break;
      case 'tool-call':
      case 'tool-result':
      case 'file':
        this.#content.push(part);
        break;
      case 'response-metadata':
        this.#responseId = part.id ?? this.#responseId;
        this.#responseModel = part.modelId ?? this.#responseModel;
        break;
      case 'finish':
        this.#finishReason = part.finishReason;
        this.#usage = part.usage;
        this.#metadataTokenIds = tokenIdsFromMetadata(part.providerMetadata);
        break;
      case 'raw': {
        const ids = tokenIdsFromChunk(part.rawValue);
        if (ids.prompt !== undefined) this.#promptTokenIds ??= ids.prompt;
        if (ids.response !== undefined) {
          this.#responseTokenIds = (this.#responseTokenIds ?? []).concat(ids.response);
        }
        break;
      }
      case 'error':
        this.#errors.push(part.error);
        break;
      default:
        break;
    }
  }

  /** The text or reasoning part with this stream id, created in arrival order. */
  #slot(type: TextSlot['type'], id: string): TextSlot {
    const key = `${type}:${id}`;
    let slot = this.#texts.get(key);
    if (slot === undefined) {
      slot = { type, text: '' };
      this.#texts.set(key, slot);
      this.#content.push(slot as OutputContent);
    }
    return slot;
  }

  outcome(): CallOutcome {
    return {
      content: this.#content,
      finishReason: this.#finishReason,
      usage: this.#usage,
      responseId: this.#responseId,
      responseModel: this.#responseModel,
      promptTokenIds: this.#promptTokenIds ?? this.#metadataTokenIds.prompt,
      responseTokenIds: this.#responseTokenIds ?? this.#metadataTokenIds.response,
      errors: this.#errors,
    };
  }
}

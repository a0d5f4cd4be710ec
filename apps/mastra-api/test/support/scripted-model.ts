import type { PostAnalysis } from '@agl/post-analyzer';
import type { MastraModelConfig } from '@mastra/core/llm';
import { MockLanguageModelV3 } from 'ai/test';

type CallOptions = MockLanguageModelV3['doGenerateCalls'][number];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV3['doGenerate']>>;
type StreamPart =
  Awaited<ReturnType<MockLanguageModelV3['doStream']>>['stream'] extends ReadableStream<infer P>
    ? P
    : never;

export interface ScriptedModelOptions {
  /** Thrown from every model call whose prompt contains `failWhenPromptIncludes` (default: any). */
  error?: Error;
  failWhenPromptIncludes?: string;
  /** Answer the final step with text that is not JSON. */
  answerWithoutJson?: boolean;
}

export interface ScriptedModel {
  model: MastraModelConfig;
  calls: CallOptions[];
}

const USAGE: GenerateResult['usage'] = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/**
 * An in-process stand-in for an LLM that follows the Post Analyzer's script: first call every
 * tool (with arguments read from the post in the prompt), then answer with an analysis built
 * from the tool results. The reply writer (no tools, no schema) answers with plain text.
 */
export function scriptedModel(options: ScriptedModelOptions = {}): ScriptedModel {
  const calls: CallOptions[] = [];
  const respond = (call: CallOptions): GenerateResult => {
    calls.push(call);
    const promptText = JSON.stringify(call.prompt);
    if (options.error !== undefined && promptText.includes(options.failWhenPromptIncludes ?? '')) {
      throw options.error;
    }
    const toolResults = collectToolResults(call);
    const tools = (call.tools ?? []).filter((tool) => tool.type === 'function');
    if (tools.length > 0 && toolResults.size === 0) {
      const post = readPost(call);
      return finish(
        'tool-calls',
        tools.map((tool, index) => ({
          type: 'tool-call' as const,
          toolCallId: `call-${index + 1}`,
          toolName: tool.name,
          input: JSON.stringify(argumentsFor(tool.name, post)),
        })),
      );
    }
    if (call.responseFormat?.type === 'json') {
      const text =
        options.answerWithoutJson === true
          ? 'I think it is positive.'
          : JSON.stringify(analysisFrom(toolResults));
      return finish('stop', [{ type: 'text', text }]);
    }
    return finish('stop', [{ type: 'text', text: 'Thanks for sharing this with us!' }]);
  };
  const model = new MockLanguageModelV3({
    provider: 'scripted',
    modelId: 'scripted-model',
    doGenerate: async (call) => respond(call),
    doStream: async (call) => ({ stream: toStream(respond(call)) }),
  });
  return { model: model as unknown as MastraModelConfig, calls };
}

function finish(reason: 'stop' | 'tool-calls', content: GenerateResult['content']): GenerateResult {
  return {
    content,
    finishReason: { unified: reason, raw: reason === 'stop' ? 'stop' : 'tool_calls' },
    usage: USAGE,
    warnings: [],
  };
}

function toStream(result: GenerateResult): ReadableStream<StreamPart> {
  const parts: StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  result.content.forEach((part, index) => {
    if (part.type === 'text') {
      const id = `text-${index}`;
      parts.push(
        { type: 'text-start', id },
        { type: 'text-delta', id, delta: part.text },
        { type: 'text-end', id },
      );
    } else if (part.type === 'tool-call') {
      parts.push(part);
    }
  });
  parts.push({ type: 'finish', finishReason: result.finishReason, usage: result.usage });
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

interface PromptPost {
  text: string;
  author?: { followers?: number };
  metrics?: unknown;
}

function readPost(call: CallOptions): PromptPost {
  for (const message of call.prompt) {
    if (message.role !== 'user') continue;
    for (const part of message.content) {
      if (part.type === 'text' && part.text.includes('{')) {
        return JSON.parse(part.text.slice(part.text.indexOf('{'))) as PromptPost;
      }
    }
  }
  throw new Error('the prompt holds no post');
}

function argumentsFor(toolName: string, post: PromptPost): Record<string, unknown> {
  if (toolName === 'scoreEngagement') {
    return {
      ...(post.metrics === undefined ? {} : { metrics: post.metrics }),
      ...(post.author?.followers === undefined ? {} : { followers: post.author.followers }),
    };
  }
  if (toolName.startsWith('agent-')) return { prompt: `Write a friendly reply to: ${post.text}` };
  return { text: post.text };
}

function collectToolResults(call: CallOptions): Map<string, unknown> {
  const results = new Map<string, unknown>();
  for (const message of call.prompt) {
    if (message.role !== 'tool') continue;
    for (const part of message.content) {
      if (part.type !== 'tool-result') continue;
      const output = part.output;
      results.set(
        part.toolName,
        output.type === 'json' || output.type === 'text' ? output.value : undefined,
      );
    }
  }
  return results;
}

function analysisFrom(results: Map<string, unknown>): PostAnalysis {
  const entities = results.get('extractHashtagsAndMentions') as {
    hashtags: string[];
    mentions: string[];
  };
  const signals = results.get('measureTextSignals') as {
    sentimentHint: PostAnalysis['sentiment'];
    lexiconScore: number;
  };
  const engagement = results.get('scoreEngagement') as {
    level: PostAnalysis['engagementPrediction']['level'];
    score: number;
    rationale: string;
  };
  const reply = results.get('agent-replyWriter');
  return {
    sentiment: signals.sentimentHint,
    sentimentScore: signals.lexiconScore,
    topics: ['scripted'],
    tone: 'informative',
    engagementPrediction: {
      level: engagement.level,
      score: engagement.score,
      rationale: engagement.rationale,
    },
    suggestedReply: typeof reply === 'string' ? reply : JSON.stringify(reply),
    hashtags: entities.hashtags,
    mentions: entities.mentions,
  };
}

import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';

export const REPLY_WRITER_ID = 'replyWriter';

const INSTRUCTIONS = `You write replies to social-media posts for a friendly, professional brand account.
Write exactly one reply:
- at most 280 characters, plain text, no quotation marks around it;
- in the tone you are asked for, and specific to what the post says;
- for complaints or angry posts: acknowledge the problem, apologise once, offer a concrete next step;
- for questions: answer briefly or say where the answer is;
- no hashtags unless the post used them; never promise refunds, dates or features.
Return only the reply text.`;

/** The sub-agent the Post Analyzer delegates the suggested reply to. */
export function createReplyWriterAgent(model: MastraModelConfig): Agent {
  return new Agent({
    id: REPLY_WRITER_ID,
    name: REPLY_WRITER_ID,
    description:
      'Writes one short reply (max 280 characters) to a social-media post. Tell it the post text, ' +
      'the tone to reply in, and what the reply should address.',
    instructions: INSTRUCTIONS,
    model,
  });
}

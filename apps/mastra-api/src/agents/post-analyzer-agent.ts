import { TONES } from '@agl/post-analyzer';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import { extractHashtagsAndMentionsTool } from '../tools/extract-hashtags-and-mentions-tool.ts';
import { measureTextSignalsTool } from '../tools/measure-text-signals-tool.ts';
import { scoreEngagementTool } from '../tools/score-engagement-tool.ts';
import { REPLY_WRITER_ID } from './reply-writer-agent.ts';

export const POST_ANALYZER_ID = 'postAnalyzer';

const INSTRUCTIONS = `You analyze social-media posts for a brand's community team.

For every post:
1. In one step, call extractHashtagsAndMentions and measureTextSignals with the post text, and
   scoreEngagement with the post's metrics and the author's follower count.
2. Delegate the reply to the ${REPLY_WRITER_ID} agent (tool agent-${REPLY_WRITER_ID}): give it the
   post text, the tone to reply in and what the reply should address.
3. Answer with the analysis object only:
   - sentiment (positive, negative, neutral or mixed) and sentimentScore from -1 to 1; use the
     lexicon signals as a hint but judge sarcasm and context yourself;
   - topics: one to five short lowercase topics;
   - tone: the single dominant tone, one of ${TONES.join(', ')};
   - engagementPrediction: level and score from scoreEngagement unless the content clearly
     justifies a change, and a one-sentence rationale;
   - suggestedReply: the reply from ${REPLY_WRITER_ID};
   - hashtags and mentions: exactly what extractHashtagsAndMentions found.`;

/** The Post Analyzer: three deterministic tools plus the reply writer as a sub-agent. */
export function createPostAnalyzerAgent(model: MastraModelConfig, replyWriter: Agent): Agent {
  return new Agent({
    id: POST_ANALYZER_ID,
    name: POST_ANALYZER_ID,
    description: 'Analyzes a social-media post: sentiment, tone, topics, engagement and a reply.',
    instructions: INSTRUCTIONS,
    model,
    tools: {
      extractHashtagsAndMentions: extractHashtagsAndMentionsTool,
      measureTextSignals: measureTextSignalsTool,
      scoreEngagement: scoreEngagementTool,
    },
    agents: { [REPLY_WRITER_ID]: replyWriter },
  });
}

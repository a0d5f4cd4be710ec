import { extractEntities } from '@agl/post-analyzer';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';

export const extractHashtagsAndMentionsTool = createTool({
  id: 'extractHashtagsAndMentions',
  description:
    'Extracts the hashtags (with #), mentioned accounts (with @) and links from the text of a post.',
  inputSchema: z.object({ text: z.string().describe('The full text of the post') }),
  outputSchema: z.object({
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    urls: z.array(z.string()),
  }),
  execute: async ({ text }) => extractEntities(text),
});

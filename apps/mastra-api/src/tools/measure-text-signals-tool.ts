import { sentimentSchema } from '@agl/post-analyzer';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { measureTextSignals } from './text-signals.ts';

export const measureTextSignalsTool = createTool({
  id: 'measureTextSignals',
  description:
    'Measures lexical signals of a post: positive and negative words (with negation), a ' +
    'lexicon sentiment score from -1 to 1, question and exclamation marks, emoji and shouting.',
  inputSchema: z.object({ text: z.string().describe('The full text of the post') }),
  outputSchema: z.object({
    wordCount: z.number(),
    questionCount: z.number(),
    exclamationCount: z.number(),
    emojiCount: z.number(),
    uppercaseRatio: z.number(),
    positiveTerms: z.array(z.string()),
    negativeTerms: z.array(z.string()),
    lexiconScore: z.number(),
    sentimentHint: sentimentSchema,
  }),
  execute: async ({ text }) => measureTextSignals(text),
});

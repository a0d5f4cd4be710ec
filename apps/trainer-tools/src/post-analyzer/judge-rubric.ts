import { MAX_REPLY_LENGTH } from './analysis-rules.ts';

/** What the judge checks in a Post Analyzer answer. */
export const POST_ANALYSIS_RUBRIC = `The task is to analyse a social-media post and answer with a JSON analysis.
- sentiment (positive, negative, neutral, mixed) and sentimentScore (-1 to 1) fit the post, sarcasm included;
- tone is the post's dominant tone; topics are one to five short, specific, lowercase phrases about what the post is about (not words like "post" or "analyze");
- engagementPrediction has a level and score consistent with the metrics and a one-sentence rationale;
- suggestedReply is a single reply of at most ${MAX_REPLY_LENGTH} characters, specific to the post, in a fitting tone; it does not repeat the prompt;
- hashtags and mentions list exactly those in the post.`;

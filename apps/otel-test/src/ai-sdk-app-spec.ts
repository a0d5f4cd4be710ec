/** What the non-Mastra app of `agl:otel-test` (`ai-sdk-app.ts`) does, for it and its checks. */
export const AI_SDK_APP = {
  functionId: 'travel-desk',
  question: 'What is the weather and the local time in Lisbon?',
  tools: ['weather', 'localTime'],
  /** The run's root: a top-level `generateText` is one rollout. */
  rootName: 'ai.generateText',
} as const;

export {
  ENGAGEMENT_LEVELS,
  type EngagementLevel,
  engagementLevelSchema,
  type PostAnalysis,
  postAnalysisSchema,
  SENTIMENTS,
  type Sentiment,
  sentimentSchema,
  TONES,
  type Tone,
  toneSchema,
} from './analysis-schema.ts';
export {
  type DatasetPost,
  datasetPosts,
  type ExpectedLabels,
  findDatasetPost,
  getDatasetPost,
} from './dataset/posts.ts';
export { POST_REWARD_WEIGHTS, scorePostAnalysis } from './dataset/score-analysis.ts';
export { type ExtractedEntities, extractEntities } from './extract-entities.ts';
export {
  ConfigError,
  DEFAULT_MODEL_ID,
  DEFAULT_OPENAI_BASE_URL,
  type Env,
  type LlmApi,
  type ModelConfig,
  NO_API_KEY,
  readModelConfig,
} from './model-config.ts';
export {
  type Post,
  type PostMetrics,
  postAuthorSchema,
  postMetricsSchema,
  postSchema,
} from './post-schema.ts';
export {
  type EngagementBasis,
  type EngagementInput,
  type EngagementScore,
  engagementLevelFor,
  scoreEngagement,
} from './score-engagement.ts';

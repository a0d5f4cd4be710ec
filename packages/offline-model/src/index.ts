export { ApiError, type ApiErrorBody } from './api-error.ts';
export type {
  ConversationMessage,
  ModelReply,
  ModelRequest,
  OfferedTool,
  OutputFormat,
  ToolCall,
  ToolChoice,
} from './policy/conversation.ts';
export { decideReply, MAX_TOOL_CALLS } from './policy/decide-reply.ts';
export { extractFacts, type Sentiment, type TextFacts } from './policy/text-facts.ts';
export {
  type GenerateOptions,
  generateValue,
  type NumberRange,
  type ValueSlot,
  type ValueSuggester,
} from './schema/generate-value.ts';
export { isValid, type ValidationIssue, validateValue } from './schema/validate-value.ts';
export type { LoggedRequest, RequestLogView } from './server/request-log.ts';
export {
  DEFAULT_MODEL,
  type OfflineModel,
  type OfflineModelOptions,
  startOfflineModel,
} from './start-offline-model.ts';

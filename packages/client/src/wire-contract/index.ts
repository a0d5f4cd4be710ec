export {
  AGENT_NAME_KEYS,
  ANNOTATION_SPAN_NAME,
  ATTEMPT_ID_KEY,
  LOG_EVENT_BODY_KEY,
  MODEL_CALL_CHILD_SPANS_KEY,
  REWARD_SPAN_NAME,
  ROLLOUT_ID_KEY,
  RUN_INPUT_KEY,
  RUN_MARKER_KEY,
  RUN_METADATA_PREFIX,
  rewardAttributeKeys,
  SPAN_SEQUENCE_ID_KEY,
  SUMMARY_KEY_PREFIX,
} from './attribute-keys.ts';
export {
  findReward,
  PRIMARY_REWARD_NAME,
  primaryRewardAttributes,
  rewardOf,
} from './reward-value.ts';
export { DEFAULT_ENDPOINT, parseStoreBaseUrl, type StoreBaseUrl } from './store-endpoint.ts';

export {
  AGENT_NAME_KEYS,
  ANNOTATION_SPAN_NAME,
  ATTEMPT_ID_KEY,
  MODEL_CALL_CHILD_SPANS_KEY,
  REWARD_SPAN_NAME,
  ROLLOUT_ID_KEY,
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

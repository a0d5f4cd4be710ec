import type { AdapterTriplet } from '@agl/testkit';

/** The fields both AGL versions put in a triplet (0.3 adds raw content and request metadata). */
export function sharedTripletFields(triplet: AdapterTriplet) {
  return {
    prompt: { token_ids: triplet.prompt.token_ids },
    response: {
      token_ids: triplet.response.token_ids,
      ...(triplet.response.logprobs === undefined ? {} : { logprobs: triplet.response.logprobs }),
    },
    reward: triplet.reward,
    metadata: {
      response_id: triplet.metadata.response_id,
      agent_name: triplet.metadata.agent_name,
    },
  };
}

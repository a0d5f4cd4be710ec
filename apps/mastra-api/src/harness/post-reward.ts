/** Posts the rollout's `reward` event to the controller-given `AGL_EVENT_URL`; throws on any failure. */
export async function postReward(
  eventUrl: string,
  key: string,
  value: number,
  timeoutMs = 30_000,
): Promise<void> {
  const response = await fetch(eventUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ event_type: 'reward', data: { value, source: 'agent' } }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    throw new Error(
      `posting the reward to ${eventUrl} failed: ${response.status} ${await response.text()}`,
    );
  }
}

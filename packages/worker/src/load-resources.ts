import type { AglStore, ResourcesUpdate, Rollout } from '@agl/client';

/**
 * The resources a rollout runs with, as AGL's own runner looks them up: the snapshot the rollout
 * names, else the latest one. Null when the rollout names none and AGL has none. A rollout that
 * names a snapshot AGL does not have is an error (AGL's runner would skip it silently).
 */
export async function loadResources(
  store: AglStore,
  rollout: Pick<Rollout, 'rollout_id' | 'resources_id'>,
): Promise<ResourcesUpdate | null> {
  if (rollout.resources_id === null || rollout.resources_id === '') {
    return store.getLatestResources();
  }
  const found = await store.getResources(rollout.resources_id);
  if (found === null) {
    throw new Error(
      `rollout ${rollout.rollout_id} names resources ${rollout.resources_id}, which the AGL store does not have`,
    );
  }
  return found;
}

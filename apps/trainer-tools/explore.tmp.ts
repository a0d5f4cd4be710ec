import { writeFileSync } from 'node:fs';
import { connect } from '@agl/client';
import { startAglStore } from '@agl/testkit';
import { analyzePosts } from './test/support/post-analyzer-rollouts.ts';

const server = await startAglStore({ version: (process.argv[2] ?? '0.3.0') as '0.3.0' });
try {
  const store = await connect(server.url);
  const { rollouts } = await analyzePosts(store, ['post-001', 'post-002']);
  const out = [];
  for (const r of rollouts)
    out.push({
      rollout: r,
      attempts: await store.queryAttempts(r.rollout_id),
      spans: await store.querySpans(r.rollout_id),
    });
  writeFileSync('/tmp/explore-rollouts.json', JSON.stringify(out, null, 1));
  await store.close();
} finally {
  await server.stop();
}

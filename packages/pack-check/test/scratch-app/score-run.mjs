// A user's evaluation script, written as the @agl/rewards README tells: score one finished
// rollout with an evaluator of our own and store the reward span AGL's trainers read.
import { randomBytes } from 'node:crypto';
import { connect, findReward } from '@agl/client';
import { buildRewardSpan, evaluationContext, placeReward, scoreRollout } from '@agl/rewards';
import { RolloutWorker } from '@agl/worker';

if (typeof RolloutWorker !== 'function') throw new Error('@agl/worker has no RolloutWorker');

const [rolloutId] = process.argv.slice(2);
const store = await connect(process.env.AGL_ENDPOINT);
try {
  const rollout = await store.getRollout(rolloutId);
  if (!rollout) throw new Error(`no rollout ${rolloutId}`);
  const spans = await store.querySpans(rolloutId);
  const placed = placeReward(rollout, spans);
  if (!placed.ok) throw new Error(placed.reason);
  const answered = {
    name: 'answered',
    version: '1',
    evaluate: ({ output }) => ({ value: output.text ? 1 : 0, details: 'an answer was given' }),
  };
  const score = await scoreRollout(evaluationContext(rollout, placed.placement.spans), [
    { evaluator: answered, weight: 1 },
  ]);
  if (score.reward === null) throw new Error('the evaluator did not apply');
  const { placement } = placed;
  await store.addSpan(
    buildRewardSpan({
      placement,
      score: { ...score, reward: score.reward },
      sequenceId: await store.nextSequenceId(rolloutId, placement.attemptId),
      spanId: randomBytes(8).toString('hex'),
      now: Date.now() / 1000,
      source: 'scratch-eval',
    }),
  );
  console.log(JSON.stringify({ reward: findReward(await store.querySpans(rolloutId)) }));
} finally {
  await store.close();
}

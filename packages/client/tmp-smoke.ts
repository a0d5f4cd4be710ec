import { connect, isAglError } from './src/index.ts';

for (const url of ['http://127.0.0.1:47022', 'http://127.0.0.1:47030']) {
  const store = await connect(url, { onDetected: (d) => console.log('detected', d) });
  console.log(await store.health());
  const r = await store.startRollout({ input: { q: 1 }, mode: 'train' });
  console.log('start', r.rollout_id, r.status, r.attempt.attempt_id);
  const seq = await store.nextSequenceId(r.rollout_id, r.attempt.attempt_id);
  const span = {
    rollout_id: r.rollout_id,
    attempt_id: r.attempt.attempt_id,
    sequence_id: seq,
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    parent_id: null,
    name: 'agent.run',
    status: { status_code: 'OK' as const, description: null },
    attributes: { a: 1, b: ['x'] },
    events: [],
    links: [],
    start_time: 1700000000,
    end_time: 1700000001,
    context: null,
    parent: null,
    resource: { attributes: {}, schema_url: '' },
  };
  console.log('add', (await store.addSpan(span))?.span_id);
  console.log('spans', (await store.querySpans(r.rollout_id)).length);
  console.log(
    'get',
    (await store.getRollout(r.rollout_id))?.status,
    await store.getRollout('nope'),
  );
  console.log(
    'upd',
    (await store.updateAttempt(r.rollout_id, 'latest', { status: 'succeeded' })).status,
  );
  console.log('q', (await store.queryRollouts({ status: ['succeeded'] })).total);
  console.log('stats', await store.statistics());
  try {
    await store.startAttempt('nope');
  } catch (e) {
    console.log(isAglError(e) && e.kind, (e as Error).message.slice(0, 200));
  }
  try {
    await store.updateRollout('nope', { status: 'failed' });
  } catch (e) {
    console.log(isAglError(e) && e.kind, (e as Error).message.slice(0, 200));
  }
  console.log('after-400', (await store.getRollout(r.rollout_id))?.status);
  await store.close();
}
try {
  await connect('http://127.0.0.1:1');
} catch (e) {
  console.log((e as Error).message);
}

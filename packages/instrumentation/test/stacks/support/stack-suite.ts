import { type AglStore, connect } from '@agl/client';
import { type AdapterOutput, type AglVersion, runAglAdapters } from '@agl/testkit';
import { context, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { type AglHandles, registerAgl, resetAglRegistration } from '../../../src/register-agl.ts';

import { type ScriptedOpenAiServer, startScriptedOpenAiServer } from './scripted-openai-server.ts';
import { type StoredRollout, succeededRollouts } from './stored-rollouts.ts';

/** What every stack test runs against: a scripted model server and AGL registered as documented. */
export interface Stack {
  model: ScriptedOpenAiServer;
  store: AglStore;
  agl: AglHandles;
}

/** The README's default wiring (`registerAgl`) into a real store, with a scripted model server. */
export async function startStack(storeUrl: string, serviceName: string): Promise<Stack> {
  const model = await startScriptedOpenAiServer();
  const store = await connect(storeUrl);
  resetAglRegistration();
  const agl = registerAgl({
    enabled: true,
    serviceName,
    exporter: { endpoint: storeUrl },
    flushOnExit: false,
    checkOnStart: false,
    env: {},
  });
  if (!agl) throw new Error('registerAgl returned null');
  return { model, store, agl };
}

/** Shuts the stack down and clears every global it registered, for the next suite. */
export async function stopStack(stack: Stack | undefined): Promise<void> {
  await stack?.agl.shutdown();
  resetAglRegistration();
  trace.disable();
  context.disable();
  propagation.disable();
  logs.disable();
  await stack?.store.close();
  await stack?.model.close();
}

export interface CollectedRuns<K extends string> {
  rollouts: Record<K, StoredRollout>;
  /** AGL's adapters over each rollout; started at once, awaited by the tests that need it. */
  adapted: Promise<Record<K, AdapterOutput>>;
}

/**
 * Flushes, waits for one succeeded rollout per run (`kinds` names the runs in the order they
 * ran) and hands the stored spans to AGL's adapters.
 */
export async function collectRuns<K extends string>(
  stack: Stack,
  version: AglVersion,
  kinds: readonly K[],
): Promise<CollectedRuns<K>> {
  await stack.agl.flush();
  const stored = await succeededRollouts(stack.store, kinds.length);
  const adapted = runAglAdapters(
    version,
    stored.map(({ spans }) => spans),
  ).then((outputs) => {
    if (outputs.length !== kinds.length) {
      throw new Error(`AGL's adapters returned ${outputs.length} results for ${kinds.length}`);
    }
    return byKind(kinds, outputs);
  });
  adapted.catch(() => undefined);
  return { rollouts: byKind(kinds, stored), adapted };
}

function byKind<K extends string, T>(kinds: readonly K[], values: readonly T[]): Record<K, T> {
  return Object.fromEntries(kinds.map((kind, index) => [kind, values[index]])) as Record<K, T>;
}

import type { AddressInfo } from 'node:net';
import { type Env, readModelConfig } from '@agl/post-analyzer';
import { createAdaptorServer } from '@hono/node-server';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { IMastraLogger } from '@mastra/core/logger';
import type { ObservabilityEntrypoint } from '@mastra/core/observability';
import { createApp, type RolloutIdResolver } from './app.ts';
import { createMastra } from './mastra.ts';
import { describeModel, type ModelInfo } from './model-info.ts';
import { openModel, type StartOfflineModel } from './model-provider.ts';
import { createPostAnalyzer } from './post-analyzer.ts';
import { listenError, readServerConfig } from './server-config.ts';

export interface StartServerOptions {
  /** Where `PORT`, `HOST` and the `AGL_LLM_*` settings come from. Default `process.env`. */
  env?: Env;
  /** Passed to Mastra, e.g. `createOtelObservability()`. */
  observability?: ObservabilityEntrypoint;
  resolveRolloutId?: RolloutIdResolver;
  /** Wraps the language model, e.g. to record every model call as its own span. */
  wrapModel?: (model: MastraModelConfig) => MastraModelConfig;
  /** Start-up messages. Default `console.log`. */
  log?: (line: string) => void;
  /** Mastra's own logger; `false` silences it. */
  mastraLogger?: IMastraLogger | false;
  startOfflineModel?: StartOfflineModel;
}

export interface RunningServer {
  url: string;
  model: ModelInfo;
  /** Stops accepting requests, then stops the offline model server if one was started. */
  close(): Promise<void>;
}

/** Reads the configuration, opens the model and serves the API. Config errors throw `ConfigError`. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const { port, host, token, maxBodyBytes } = readServerConfig(env);
  const modelConfig = readModelConfig(env);
  const opened = await openModel(modelConfig, options.startOfflineModel);
  log(describeModel(opened.info, modelConfig.offline ? modelConfig.reason : undefined));

  const mastra = createMastra({
    model: options.wrapModel ? options.wrapModel(opened.model) : opened.model,
    observability: options.observability,
    logger: options.mastraLogger,
  });
  const app = createApp({
    analyzer: createPostAnalyzer(mastra),
    model: opened.info,
    guards: { bindHost: host, token, maxBodyBytes },
    ...(options.resolveRolloutId === undefined
      ? {}
      : { resolveRolloutId: options.resolveRolloutId }),
  });

  const server = createAdaptorServer({ fetch: app.fetch });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await opened.close();
    throw listenError(error, host, port);
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log(`Post Analyzer API listening on ${url}`);

  let closing: Promise<void> | undefined;
  return {
    url,
    model: opened.info,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }).then(() => opened.close());
      return closing;
    },
  };
}

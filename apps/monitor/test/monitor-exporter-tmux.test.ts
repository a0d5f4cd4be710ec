// The monitor in tmux against a store filled the way apps fill it: agent runs shipped by
// AGLSpanProcessor from @agl/exporter.
import { fileURLToPath } from 'node:url';
import { AGLSpanProcessor } from '@agl/exporter';
import { SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { context, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from './tmux.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** One agent run as Mastra's bridge records it: agent → chat (with usage) → tool. */
function agentRun(provider: NodeTracerProvider, agent: string): void {
  const tracer = provider.getTracer('monitor-test');
  const root = tracer.startSpan(`invoke_agent ${agent}`, {
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': agent },
  });
  const inRoot = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(
    'chat gpt-4o-mini',
    {
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 300,
        'gen_ai.usage.output_tokens': 40,
      },
    },
    inRoot,
  );
  tracer
    .startSpan(
      'execute_tool lookup',
      { attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup' } },
      trace.setSpan(inRoot, chat),
    )
    .end();
  chat.end();
  root.end();
}

describe.each(SUPPORTED_AGL_VERSIONS)('agl-monitor showing exporter rollouts on %s', (version) => {
  const agl = useAglStore(version);
  const tmux = new TmuxSession(
    `agl-monitor-exporter-${process.pid}-${version.replaceAll('.', '')}`,
  );
  let provider: NodeTracerProvider;

  beforeAll(async () => {
    provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'monitor-test' }),
      spanProcessors: [new AGLSpanProcessor({ endpoint: agl.url })],
    });
    for (const agent of ['triage-agent', 'triage-agent', 'summary-agent'])
      agentRun(provider, agent);
    await provider.forceFlush();
    await tmux.start(
      [
        process.execPath,
        '--conditions=@agl/source',
        '--no-warnings',
        CLI,
        '--endpoint',
        agl.url,
        '--interval',
        '300ms',
      ],
      { columns: 120, rows: 35 },
      { TERM: 'xterm-256color' },
    );
  });

  afterAll(async () => {
    await tmux.kill();
    await provider?.shutdown();
  });

  it('lists every exported run as a succeeded rollout with its spans and tokens', async () => {
    const screen = await tmux.waitForScreen(
      (s) => (s.match(/succeeded +\S+/g) ?? []).length >= 3 && s.includes('summary-agent'),
      'three exported rollouts',
    );
    expect(screen).toMatch(/rollouts 3 +running 0 +queued 0 +succeeded 3/);
    const rows = screen.split('\n').filter((line) => /ro-[0-9a-f]{12}/.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(row).toMatch(/(triage|summary)-agent +succeeded .* 3 +300\/40 +-$/);
  });

  it('opens the span tree of an exported rollout', async () => {
    await tmux.sendKeys('Enter');
    const detail = await tmux.waitForScreen((s) => s.includes('SPANS (3)'), 'the span tree');
    expect(detail).toMatch(/invoke_agent (triage|summary)-agent/);
    expect(detail).toMatch(/execute_tool lookup .*tool lookup/);
  });
});

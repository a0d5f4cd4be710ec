import autocannon, { type AutocannonResult } from 'autocannon';

export interface CeilingRun {
  connections: number;
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  spansPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/**
 * Posts every pre-built body once with an HTTP load generator (autocannon) over `connections`
 * keep-alive connections. Timed from the start to the last response.
 */
export function postBodies(
  url: string,
  path: string,
  bodies: readonly string[],
  connections: number,
): Promise<CeilingRun> {
  let next = 0;
  let ok = 0;
  let lastResponse = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: Math.min(connections, bodies.length),
        amount: bodies.length,
        timeout: 30,
        sampleInt: 100,
        requests: [
          {
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: bodies[next++ % bodies.length] as string,
            }),
          },
        ],
      },
      (error: Error | null, result: AutocannonResult) => {
        if (error) {
          reject(error);
          return;
        }
        const seconds = (lastResponse - started) / 1000;
        resolve({
          connections,
          requests: bodies.length,
          ok,
          failed: bodies.length - ok,
          seconds,
          spansPerSecond: ok / seconds,
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number) => {
      lastResponse = performance.now();
      if (statusCode >= 200 && statusCode < 300) ok++;
    });
  });
}

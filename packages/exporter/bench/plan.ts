/** How much work each case does: the full run (committed report) or a quick one (development). */
export interface BenchPlan {
  throughput: {
    /** Agent runs (11 spans each) per connection count in the load generator's sweep. */
    ceilingSweepRuns: number;
    ceilingConnections: number[];
    /** Agent runs in the load generator's final run at its best connection count. */
    ceilingRuns: number;
    pythonRuns: number;
    pythonSingleRuns: number;
    pythonTracerRuns: number;
    exporterRestRuns: number;
    exporterOtlpRuns: number;
    /** Runs open at once, for the exporter's steady case and AGL's Python client (workers). */
    openRuns: number;
  };
  hotPath: { iterations: number; warmupIterations: number };
  memory: {
    spansPerSecond: number;
    healthySeconds: number;
    outageSeconds: number;
    recoverySeconds: number;
    maxQueueSpans: number;
    maxQueueBytes: number;
  };
  latency: { seconds: number; spansPerSecond: number; sampleEveryRuns: number };
}

export function benchPlan(quick: boolean): BenchPlan {
  return {
    throughput: {
      ceilingSweepRuns: quick ? 40 : 200,
      ceilingConnections: [1, 4, 8, 16, 32],
      ceilingRuns: quick ? 100 : 800,
      pythonRuns: quick ? 30 : 250,
      pythonSingleRuns: quick ? 15 : 100,
      pythonTracerRuns: quick ? 15 : 100,
      exporterRestRuns: quick ? 100 : 400,
      exporterOtlpRuns: quick ? 200 : 1500,
      openRuns: 16,
    },
    hotPath: { iterations: quick ? 60 : 400, warmupIterations: quick ? 20 : 50 },
    memory: {
      spansPerSecond: 1000,
      healthySeconds: quick ? 3 : 10,
      outageSeconds: quick ? 6 : 45,
      recoverySeconds: quick ? 6 : 40,
      maxQueueSpans: 2000,
      maxQueueBytes: 8 * 1024 * 1024,
    },
    latency: { seconds: quick ? 5 : 20, spansPerSecond: 200, sampleEveryRuns: 3 },
  };
}

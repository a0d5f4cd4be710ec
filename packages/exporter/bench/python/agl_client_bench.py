"""Writes the benchmark's agent runs into an AGL store with AGL's own Python code.

Two ways, chosen with --mode:

  client  LightningStoreClient, per span exactly what AGL's LightningSpanProcessor.on_end does:
          add_otel_span (get_next_span_sequence_id, then add_span). --concurrency N runs N
          agent runs at a time on one asyncio loop (N runner workers sharing one process).
  tracer  AGL's real OtelTracer, driven like its runner drives it: one rollout at a time inside
          trace_context(). On 0.2.2 every span end blocks on add_otel_span; on 0.3.0 the tracer
          sends every span as its own OTLP request (SimpleSpanProcessor + LightningStoreOTLPExporter).

Every run: start_rollout, the 11 spans (ended children first), update_attempt(succeeded).
Prints one JSON line per case: {"spans", "runs", "seconds", ...}; the clock starts at the first
rollout. With --serve it reads cases from stdin, so the (slow) imports happen once per process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from importlib.metadata import version as package_version
from typing import Any, Dict, List

from opentelemetry import trace as trace_api
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import SpanKind

from agentlightning.store.client_server import LightningStoreClient

AGL_VERSION = package_version("agentlightning")


def run_attributes(template: Dict[str, Any], run: int) -> Dict[str, Any]:
    tag = str(run)
    return {
        key: value.replace("{run}", tag) if isinstance(value, str) else value
        for key, value in template["attributes"].items()
    }


def start_run(tracer: trace_api.Tracer, templates: List[Dict[str, Any]], run: int) -> List[Any]:
    spans: List[Any] = []
    for template in templates:
        parent = template["parent"]
        ctx = trace_api.set_span_in_context(spans[parent]) if parent is not None else None
        kind = SpanKind.CLIENT if template["kind"] == "CLIENT" else SpanKind.INTERNAL
        spans.append(
            tracer.start_span(template["name"], context=ctx, kind=kind, attributes=run_attributes(template, run))
        )
    return spans


def rollout_input(run: int) -> Dict[str, Any]:
    return {"post": f"p-{run}"}


async def client_mode(url: str, workload: Dict[str, Any], runs: int, concurrency: int) -> Dict[str, Any]:
    client = LightningStoreClient(url)
    # Spans are only built here; each one is written by the client as AGL's span processor does.
    tracer = TracerProvider().get_tracer("agl-bench")
    templates, end_order = workload["spans"], workload["endOrder"]
    next_run = 0
    spans_sent = 0

    async def worker() -> None:
        nonlocal next_run, spans_sent
        while next_run < runs:
            run = next_run
            next_run += 1
            rollout = await client.start_rollout(input=rollout_input(run), metadata={"source": "agl-bench"})
            rollout_id, attempt_id = rollout.rollout_id, rollout.attempt.attempt_id
            spans = start_run(tracer, templates, run)
            for index in end_order:
                spans[index].end()
                await client.add_otel_span(rollout_id, attempt_id, spans[index])
                spans_sent += 1
            await client.update_attempt(rollout_id, attempt_id, status="succeeded")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    seconds = time.perf_counter() - started
    await client.close()
    return {"spans": spans_sent, "runs": runs, "seconds": seconds, "concurrency": concurrency}


def point_otlp_client_at_store(agl_tracer: Any) -> bool:
    """AGL 0.3.0 points its OTLP exporter at the store by rewriting the exporter's `_endpoint`.
    opentelemetry-exporter-otlp-proto-http 1.45 copies the endpoint into its HTTP client when the
    exporter is built, so the rewrite does not reach the wire and every span goes to the default
    localhost:4318 (retried for ~10 s, then lost). Give the client the endpoint the tracer chose, so
    what is measured is what the tracer is meant to do: one OTLP request per span end."""
    processor = getattr(agl_tracer, "_simple_span_processor", None)
    exporter = getattr(processor, "span_exporter", None)
    client = getattr(exporter, "_client", None)
    endpoint = getattr(exporter, "_endpoint", None)
    if client is None or endpoint is None or getattr(client, "_endpoint", endpoint) == endpoint:
        return False
    client._endpoint = endpoint
    return True


async def tracer_mode(url: str, workload: Dict[str, Any], runs: int) -> Dict[str, Any]:
    from agentlightning.tracer.otel import OtelTracer

    client = LightningStoreClient(url)
    agl_tracer = OtelTracer()
    v02 = AGL_VERSION.startswith("0.2")
    if v02:
        agl_tracer.init_worker(0)
    else:
        agl_tracer.init_worker(0, store=client)
    templates, end_order = workload["spans"], workload["endOrder"]
    spans_sent = 0
    endpoint_patched = False

    started = time.perf_counter()
    for run in range(runs):
        rollout = await client.start_rollout(input=rollout_input(run), metadata={"source": "agl-bench"})
        rollout_id, attempt_id = rollout.rollout_id, rollout.attempt.attempt_id
        if v02:
            context = agl_tracer.trace_context("agl-bench", store=client, rollout_id=rollout_id, attempt_id=attempt_id)
        else:
            context = agl_tracer.trace_context("agl-bench", rollout_id=rollout_id, attempt_id=attempt_id)
        async with context as handle:
            tracer: trace_api.Tracer = trace_api.get_tracer("agl-bench") if v02 else handle
            if not v02:
                endpoint_patched = point_otlp_client_at_store(agl_tracer) or endpoint_patched
            spans = start_run(tracer, templates, run)
            for index in end_order:
                spans[index].end()
                spans_sent += 1
        await client.update_attempt(rollout_id, attempt_id, status="succeeded")
    seconds = time.perf_counter() - started
    await client.close()
    return {
        "spans": spans_sent,
        "runs": runs,
        "seconds": seconds,
        "concurrency": 1,
        "otlpEndpointPatched": endpoint_patched,
    }


_tracer_used = False


def run_case(url: str, workload: Dict[str, Any], mode: str, runs: int, concurrency: int) -> Dict[str, Any]:
    global _tracer_used
    if mode == "client":
        result = asyncio.run(client_mode(url, workload, runs, concurrency))
    else:
        # OtelTracer installs the global tracer provider, which OpenTelemetry lets a process set once.
        if _tracer_used:
            raise RuntimeError("tracer mode can run once per process")
        _tracer_used = True
        result = asyncio.run(tracer_mode(url, workload, runs))
    result.update({"mode": mode, "aglVersion": AGL_VERSION})
    return result


def serve() -> None:
    """One case per stdin line (JSON: url, workload, mode, runs, concurrency); one result line each."""
    print(json.dumps({"ready": True, "aglVersion": AGL_VERSION}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        try:
            with open(case["workload"], encoding="utf-8") as handle:
                workload = json.load(handle)
            result = run_case(case["url"], workload, case["mode"], case["runs"], case.get("concurrency", 1))
        except Exception as error:  # reported to the caller, which decides
            result = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serve", action="store_true", help="read cases from stdin, one JSON per line")
    parser.add_argument("--url", help="AGL store base URL, e.g. http://127.0.0.1:4747")
    parser.add_argument("--workload", help="JSON file with the span templates and end order")
    parser.add_argument("--mode", choices=["client", "tracer"], default="client")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if not args.url or not args.workload:
        parser.error("--url and --workload are required unless --serve is given")
    with open(args.workload, encoding="utf-8") as handle:
        workload = json.load(handle)
    print(json.dumps(run_case(args.url, workload, args.mode, args.runs, args.concurrency)), flush=True)


if __name__ == "__main__":
    main()

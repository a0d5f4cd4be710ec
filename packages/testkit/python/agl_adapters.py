"""Runs AGL's own training adapters over spans read back from an AGL store.

Usage: python agl_adapters.py <spans.json> [<spans.json> ...]

Each file holds a JSON list of spans exactly as the store returned them (one rollout or attempt).
Prints a JSON list with one object per file:
  agentlightning  the installed version
  messages        TraceToMessages output
  triplets        TracerTraceToTriplet output (default settings)
  llm_call_span_ids  the span ids of the LLM calls behind those triplets, in the same order
  final_reward    find_final_reward (the last reward span in list order)
Several files share one process because importing agentlightning takes seconds. Run it through
runAglAdapters (src/agl-adapters.ts), which uses the AGL version's own venv.
"""

import json
import sys
from importlib.metadata import version

from agentlightning.adapter import TracerTraceToTriplet, TraceToMessages
from agentlightning.adapter.triplet import TraceTree
from agentlightning.emitter import find_final_reward
from agentlightning.types import Span


def llm_call_span_ids(spans: list) -> list:
    # The same steps TracerTraceToTriplet.adapt takes with its default settings.
    tree = TraceTree.from_spans(spans)
    tree.repair_hierarchy()
    calls = tree.find_llm_calls(
        llm_call_match=r"openai\.chat\.completion",
        agent_match=None,
        within_matching_subtree="*",
        within_reward=False,
        within_llm_call=False,
        existing_llm_call_response_ids=set(),
    )
    return [node.id for node, _ in calls]


def adapt(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        spans = [Span.model_validate(item) for item in json.load(handle)]
    return {
        "agentlightning": version("agentlightning"),
        "messages": TraceToMessages().adapt(spans),
        "triplets": [triplet.model_dump(mode="json") for triplet in TracerTraceToTriplet().adapt(spans)],
        "llm_call_span_ids": llm_call_span_ids(spans),
        "final_reward": find_final_reward(spans),
    }


def main() -> None:
    json.dump([adapt(path) for path in sys.argv[1:]], sys.stdout, default=str)


if __name__ == "__main__":
    main()

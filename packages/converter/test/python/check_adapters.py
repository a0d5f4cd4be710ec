"""Feeds spans read back from an AGL store to AGL's own training adapters.

Usage: python check_adapters.py <spans.json> [<spans.json> ...]

Each file holds a JSON list of spans exactly as the store returned them (one rollout). Prints a
JSON list with one object per file: {"agentlightning": <version>, "messages": TraceToMessages
output, "triplets": TracerTraceToTriplet output (default settings)}. Several files share one
process because importing agentlightning takes seconds.
"""

import json
import sys
from importlib.metadata import version

from agentlightning.adapter import TracerTraceToTriplet, TraceToMessages
from agentlightning.types import Span


def adapt(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        spans = [Span.model_validate(item) for item in json.load(handle)]
    return {
        "agentlightning": version("agentlightning"),
        "messages": TraceToMessages().adapt(spans),
        "triplets": [triplet.model_dump(mode="json") for triplet in TracerTraceToTriplet().adapt(spans)],
    }


def main() -> None:
    json.dump([adapt(path) for path in sys.argv[1:]], sys.stdout, default=str)


if __name__ == "__main__":
    main()

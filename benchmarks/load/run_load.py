"""Load test: Clearance under gunicorn on PostgreSQL, 50 concurrent users for 5 minutes (by default).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clearance_load python benchmarks/load/run_load.py \\
        [--users 50] [--minutes 5] [--workers 4]

Seeds the world (benchmarks/load/seed_load.py), starts gunicorn on 127.0.0.1:8765, runs locust headless
against it, and prints p50/p95/p99 and errors per request type. Only loopback traffic; stops by itself.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ADDRESS = "127.0.0.1:8765"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database you can fill with test data.")
    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "CLEARANCE_LOGIN_FAILURE_LIMIT": "1000"}
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, str(HERE / "seed_load.py")], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            ADDRESS,
            "--workers",
            str(args.workers),
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://{ADDRESS}/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        prefix = HERE / "results"
        subprocess.run(
            [
                python,
                "-m",
                "locust",
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--host",
                f"http://{ADDRESS}",
                "--users",
                str(args.users),
                "--spawn-rate",
                "10",
                "--run-time",
                f"{int(args.minutes * 60)}s",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            check=False,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\n{'request':<16}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            print(
                f"{row['Name']:<16}{row['Request Count']:>8}{row['Failure Count']:>8}"
                f"{row['50%']:>9}{row['95%']:>9}{row['99%']:>9}"
            )


if __name__ == "__main__":
    main()

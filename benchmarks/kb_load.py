"""Start-up cost of the actor knowledge base: time and memory of reading and checking every shipped
actor file (`ActorKB.default()`), in fresh processes, and of resolving phrases with it.

Each run is a new Python process. Importing whodid loads spaCy, so the import is measured apart: the
knowledge base's own cost is the time of `ActorKB.default()` and the resident memory it adds. Then
`--phrases` actor phrases (countries, offices, named actors, generic agents, and words that name no
one) are resolved on the run's date, and their time is reported per phrase.

Run from the repository root:

    .venv/bin/python benchmarks/kb_load.py [--runs 5] [--phrases 10000]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys

ONE_RUN = """
import json, resource, sys, time
from datetime import date
def rss_mib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
started = time.perf_counter()
from whodid.resolve.actors import ActorKB
imported, before = time.perf_counter(), rss_mib()
kb = ActorKB.default()
loaded, after = time.perf_counter(), rss_mib()
phrases = ["the Iraqi prime minister", "Kataib Hezbollah", "US soldiers", "Baghdad", "the Kremlin",
           "Houthi rebels", "a quiet afternoon", "the UN Security Council", "Ukrainian drones", "police"]
count = int(sys.argv[1])
for index in range(count):
    kb.resolve(phrases[index % len(phrases)], when=date(2024, 3, 1))
resolved = time.perf_counter()
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported, "load_mib": after - before,
                  "entries": len(kb.entries), "per_phrase_us": (resolved - loaded) / count * 1e6}))
"""

LABELS = (
    ("import_s", "import whodid (spaCy), s"),
    ("load_s", "ActorKB.default(), s"),
    ("load_mib", "resident memory it adds, MiB"),
    ("per_phrase_us", "resolve, microseconds a phrase"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--phrases", type=int, default=10_000)
    args = parser.parse_args()
    runs = [
        json.loads(subprocess.run([sys.executable, "-c", ONE_RUN, str(args.phrases)], check=True,
                                  capture_output=True, text=True).stdout)
        for _ in range(args.runs)
    ]  # fmt: skip
    print(f"{' '.join(sys.argv)}\n{platform.platform()}, Python {platform.python_version()}, "
          f"{args.runs} fresh processes, medians (min-max); {runs[0]['entries']} actors")  # fmt: skip
    for key, label in LABELS:
        values = [run[key] for run in runs]
        print(f"  {label}: {statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})")


if __name__ == "__main__":
    main()

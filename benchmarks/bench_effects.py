"""Print the three checks of the effect estimator: the SYNTHETIC history's coverage and
policy values, the penn_jae bonus experiment's held-out policy value, and LaLonde.

Run from the repository root: .venv/bin/python benchmarks/bench_effects.py [--depth 3]
(the penn_jae file is read from ../shared/data/benchmarks/penn-bonus/penn_jae_dev.dat).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.advisor.checks import PENN_PATH, run_all  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--penn", type=Path, default=PENN_PATH, help="penn_jae_dev.dat")
    args = parser.parse_args()
    run_all(print, args.penn, args.depth)


if __name__ == "__main__":
    main()

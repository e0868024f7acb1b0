"""The printed evaluation of the effect estimator, shared by `flask ml evaluate effects`
and benchmarks/bench_effects.py. It reads the two external data sets (the penn_jae dev
file; LaLonde's NSW and CPS samples from the `causaldata` package) and prints figures;
it never touches the database."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from app.ml import effects as ef
from app.ml import effects_evaluation as ev
from app.ml.effects_history import (
    ARMS,
    CONTROL,
    EFFECTS_SEED,
    HISTORY_SIZE,
    SPLIT_FEATURES,
    SyntheticHistory,
    synthetic_history,
)

PENN_PATH = (
    Path("..") / "shared" / "data" / "benchmarks" / "penn-bonus" / "penn_jae_dev.dat"
)

Echo = Callable[[str], None]


def fit_synthetic(
    depth: int = 2, seed: int = EFFECTS_SEED, size: int = HISTORY_SIZE
) -> tuple[ef.Fit, SyntheticHistory]:
    """Fit the tables on the SYNTHETIC history; returns the fit and the history."""
    history = synthetic_history(size, seed)
    settings = ef.Settings(
        control=CONTROL, split_features=SPLIT_FEATURES, depth=depth, seed=seed
    )
    fit = ef.fit_effects(
        history.data, ARMS, settings, f"SYNTHETIC history, seed {seed}, n={size}"
    )
    return fit, history


def tables_with_evaluation(fit: ef.Fit, history: SyntheticHistory) -> ef.EffectTables:
    """The fitted tables with the synthetic check and fairness figures in their metrics,
    so the model card serves them without refitting."""
    check = ev.synthetic_check(fit, history)
    metrics = dict(fit.tables.metrics)
    metrics["coverage"] = {
        "covered": check.covered,
        "cells": check.cells,
        "covered_weeks": check.covered_weeks,
        "cells_weeks": check.cells_weeks,
    }
    metrics["policy_values"] = [[v.name, round(v.value, 2)] for v in check.values]
    metrics["fairness"] = [asdict(g) for g in ev.fairness_by_group(fit, history)]
    return replace(fit.tables, metrics=metrics)


def _interval(value: ev.PolicyValue, unit: str) -> str:
    if value.low is None or value.high is None:
        return f"{value.value:7.2f} {unit}"
    return f"{value.value:7.2f} {unit}  (90 % bootstrap {value.low:.2f} - {value.high:.2f})"


def echo_synthetic(check: ev.SyntheticCheck, echo: Echo) -> None:
    echo(
        f"(1) SYNTHETIC history: tables {check.version}, n={check.n:,}, "
        f"fit {check.fit_seconds:.1f} s"
    )
    echo(
        f"  90 % intervals covering the true group effect: {check.covered}/{check.cells}"
        f" = {100 * check.coverage:.1f} % (weeks: {check.covered_weeks}/"
        f"{check.cells_weeks})"
    )
    echo("  policy value, mean weeks to work or education (truth; lower is better):")
    for value in check.values:
        echo(f"    {value.name:<40} {value.value:6.2f} weeks")
    for leaf in check.leaves:
        where = " and ".join(
            f"{c.feature} {'<=' if c.op == 'le' else '>'} {c.threshold:g}"
            for c in leaf.conditions
        )
        echo(
            f"  group {leaf.id + 1} ({where or 'everyone'}), n={leaf.n:,}: "
            f"tree suggests {leaf.recommended}"
        )


def echo_penn(path: Path, echo: Echo, seed: int = 0) -> ev.PennCheck | None:
    if not path.exists():
        echo(f"(2) penn_jae: {path} is ABSENT; not run.")
        return None
    header, rows = ev.read_penn(path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    check = ev.penn_check(header, rows, seed=seed)
    seconds = time.perf_counter() - started
    echo(
        "(2) Pennsylvania re-employment bonus experiment (penn_jae dev file), outcome "
        "weeks of insured unemployment (inuidur1), lower is better; rule learned on "
        f"{check.n_train:,}, valued by IPW on the held-out {check.n_holdout:,} "
        f"({seconds:.1f} s)"
    )
    for value in check.values:
        echo(f"    {value.name:<58} {_interval(value, 'weeks')}")
    echo(f"    {check.gain.name:<58} {_interval(check.gain, 'weeks')}")
    return check


def echo_lalonde(echo: Echo, seed: int = 0) -> ev.LalondeCheck | None:
    try:
        from causaldata import cps_mixtape, nsw_mixtape
    except ImportError:
        echo("(3) LaLonde: the causaldata package is not installed; not run.")
        return None
    nsw = nsw_mixtape.load_pandas().data
    cps = cps_mixtape.load_pandas().data
    treated = nsw[nsw["treat"] == 1]
    columns = {
        name: np.concatenate([treated[name].to_numpy(), cps[name].to_numpy()])
        for name in (*ev.LALONDE_COVARIATES, "re78")
    }
    t = np.concatenate([np.ones(len(treated), int), np.zeros(len(cps), int)])
    check = ev.lalonde_check(columns, t, seed=seed)
    echo(
        f"(3) LaLonde: NSW treated ({check.n_treated}) against CPS controls "
        f"({check.n_controls:,}), 1978 earnings"
    )
    echo(f"    experimental benchmark            ${check.experimental:,.0f}")
    echo(f"    naive difference                  ${check.naive:,.0f}")
    echo(
        f"    doubly robust effect on treated   ${check.estimate:,.0f} "
        f"(95 % ${check.low:,.0f} to ${check.high:,.0f})"
    )
    return check


def run_all(echo: Echo, penn_path: Path | None = None, depth: int = 2) -> None:
    """Print the three checks (penn_jae from PENN_PATH unless given)."""
    penn_path = penn_path or PENN_PATH
    fit, history = fit_synthetic(depth)
    echo_synthetic(ev.synthetic_check(fit, history), echo)
    echo("  fairness: true weeks saved by following the tree, by group (90 %):")
    for g in ev.fairness_by_group(fit, history):
        echo(
            f"    {g.attribute:<9} {g.group:<12} n={g.n:>6,}  {g.gain:5.2f} weeks "
            f"({g.low:.2f} - {g.high:.2f}); offered an intervention "
            f"{100 * g.share_with_intervention:.0f} %"
        )
    echo_penn(penn_path, echo)
    echo_lalonde(echo)

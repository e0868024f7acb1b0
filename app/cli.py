"""Flask commands: migrations, demo data, taxonomy and postings imports, the models, and
the nightly re-screening. Each command commits once at its end (the screening commits
range by range, so a night's work is saved as it goes)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from rq import SimpleWorker

from app import migrate
from app.advisor import checks
from app.advisor import model_store as effect_tables
from app.audit import now
from app.db import get_session, transaction
from app.dialogue import notify
from app.employers.services import expire_invitations
from app.jobs import alerts, postings
from app.marketplace.services import results
from app.ml.semantic import embeddings_available
from app.segmentation import fairness, model_store, screening
from app.tasks import JOBS, runner
from app.taxonomy import importer

db_cli = AppGroup("db", help="Database schema.")
demo_cli = AppGroup("demo", help="Synthetic demo data.")
taxonomy_cli = AppGroup("taxonomy", help="The occupation and skill taxonomy (ESCO).")
postings_cli = AppGroup("postings", help="Job postings.")
ml_cli = AppGroup("ml", help="Models: train, evaluate, fairness audit.")
jobs_cli = AppGroup("jobs", help="The public job search and job alerts.")
tasks_cli = AppGroup("tasks", help="Background jobs: run now or put on the queue.")
employers_cli = AppGroup("employers", help="Companies and their invitations.")
marketplace_cli = AppGroup("marketplace", help="The marketplace of services.")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply the Alembic migrations up to REVISION (default: head)."""
    migrate.upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"Database is at {revision}.")


@demo_cli.command("load")
@click.option(
    "--size",
    type=click.Choice(["small", "national", "double"]),
    default="small",
    show_default=True,
    help="small: a few municipalities for trying the portal; national: 120,000+ "
    "citizens; double: twice the national (for benchmarks).",
)
@click.option(
    "--if-empty", is_flag=True, help="Do nothing when demo data is already loaded."
)
def demo_load(size: str, if_empty: bool) -> None:
    """Create deterministic synthetic people for every role. All of it is synthetic."""
    # Imported here: only this command loads the demo generator, so a running portal
    # never imports it.
    from app.demo import generator

    with transaction() as session:
        if generator.is_loaded(session):
            if if_empty:
                click.echo("Demo data is already loaded.")
                return
            raise click.ClickException(
                "Demo data is already loaded; use a fresh database."
            )
        click.echo("Loading SYNTHETIC demo data: none of these people are real.")
        summary = generator.load_demo(session, size=size, progress=click.echo)
    click.echo(
        f"Done: {summary.municipalities} municipalities, {summary.citizens} citizens, "
        f"{summary.caseworkers} caseworkers, {summary.providers} providers, "
        f"{summary.admins} administrators, {summary.postings} job postings, "
        f"{summary.citizens_with_cv} CVs."
    )


@taxonomy_cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def taxonomy_import(paths: tuple[str, ...]) -> None:
    """Import the official ESCO CSV bundle (zip files or folders, any languages)."""
    with transaction() as session:
        report = importer.import_esco(session, list(paths), progress=click.echo)
    click.echo("Committed.")
    click.echo(report.summary())


@postings_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--source", default=None, help="Name of the source (default: the file name)."
)
@click.option(
    "--semantic",
    is_flag=True,
    help="Rank inferred skills with the multilingual model too (the 'semantic' "
    "extra); the skill labels are embedded once and cached under instance/.",
)
def postings_import(path: str, source: str | None, semantic: bool) -> None:
    """Import job postings from CSV, JSON, JSON-LD, an HTML page's JSON-LD or a
    JobTech-style feed; bad rows are reported and skipped."""
    cache = Path(current_app.instance_path) / "embeddings" if semantic else None
    if semantic and not embeddings_available():
        click.echo("The 'semantic' extra is not installed: lexical only.", err=True)
    with transaction() as session:
        report = postings.import_postings(session, path, source, cache)
    for problem in report.problems:
        click.echo(f"line {problem.line}: {problem.reason}", err=True)
    click.echo(report.summary())


@jobs_cli.command("alerts")
def jobs_alerts() -> None:
    """Run the job alerts (daily): new matching postings go to the citizens' lists."""
    with transaction() as session:
        started = now()
        run = alerts.run_all(session)
        notify.new_jobs(session, started)
    click.echo(f"{run.alerts:,} job alerts run; {run.new_postings:,} new jobs found.")


@marketplace_cli.command("rate")
def marketplace_rate() -> None:
    """Derive due outcomes from the job log, then rate every offering and provider
    again (nightly): observed and adjusted results."""
    min_n = int(current_app.config["MARKETPLACE_MIN_FINISHED"])
    with transaction() as session:
        derived = results.derive_outcomes(session)
        stored = results.recompute(session, min_n)
    click.echo(f"{derived:,} outcomes derived from the job log.")
    click.echo(
        f"{stored:,} results stored (minimum {min_n} participants for a figure)."
    )


MODELS = click.Choice(["segmentation", "effects"])


def _percent(value: float) -> str:
    return f"{100 * value:5.1f} %"


def _points(value: float) -> str:
    return f"{100 * value:.1f} percentage points"


def _echo_group_rates(groups: Iterable[Any]) -> None:
    for group in groups:
        click.echo(f"  {group.attribute} - {group.measure}:")
        for rate in group.rates:
            if group.too_few(rate):
                click.echo(
                    f"    {rate.group:<12} too few to show "
                    f"(fewer than {group.min_n:,} people)"
                )
                continue
            low, high = rate.interval
            click.echo(
                f"    {rate.group:<12} {_percent(rate.rate)}  "
                f"(95 % CI {_percent(low)} - {_percent(high)}, n={rate.n:,})"
            )
        warning = "  WARNING: gap above the limit" if group.exceeds else ""
        click.echo(
            f"    gap {_points(group.gap)} (limit {_points(group.max_gap)}){warning}"
        )


@ml_cli.command("train")
@click.argument("model", type=MODELS)
def ml_train(model: str) -> None:
    """Train the model on the SYNTHETIC history and write it to the instance folder."""
    if model == "effects":
        _train_effects()
        return
    settings = model_store.current_settings()
    training = model_store.train_on_synthetic_history(settings.threshold)
    model_store.save_model(training.model, settings.model_path)
    figures = training.evaluation
    click.echo(f"Trained {model} {training.model.version} on SYNTHETIC history.")
    click.echo(f"Wrote {settings.model_path}")
    click.echo(
        f"Held-out (n={figures.n:,}): AUC {figures.auc:.3f}, "
        f"ECE {figures.ece:.3f}, base rate {_percent(figures.base_rate)}, "
        f"flagged at {settings.threshold:.2f}: {_percent(figures.flag_rate)}"
    )
    for name, coefficient in zip(
        training.model.feature_names, training.model.coefficients, strict=True
    ):
        click.echo(f"  {name:<24} {coefficient:+.3f}")


@ml_cli.command("evaluate")
@click.argument("model", type=MODELS)
def ml_evaluate(model: str) -> None:
    """Held-out AUC, calibration error and rates by group; the external penn_jae check.

    For effects: interval coverage and policy values on the SYNTHETIC history, the
    penn_jae held-out policy value and the LaLonde check."""
    if model == "effects":
        checks.run_all(
            click.echo, depth=int(current_app.config.get("EFFECTS_DEPTH", 2))
        )
        return
    settings = model_store.current_settings()
    limits = fairness.limits_of(current_app.config)
    audit = fairness.holdout_audit(settings.threshold, limits)
    figures = audit.evaluation
    click.echo(f"{model} {audit.model_version}: SYNTHETIC hold-out")
    click.echo(
        f"  n={figures.n:,}  AUC {figures.auc:.3f}  ECE {figures.ece:.3f}  "
        f"base rate {_percent(figures.base_rate)}  "
        f"flagged {_percent(figures.flag_rate)}"
    )
    _echo_group_rates(audit.by_attribute)
    check = fairness.external_check(limits, threshold=settings.threshold)
    if not check.found or check.evaluation is None:
        click.echo(f"External check: {check.path} is ABSENT; not run.")
        return
    ext = check.evaluation
    click.echo(
        "External check: Pennsylvania re-employment bonus experiment (penn_jae), "
        "outcome inuidur1 > 26 weeks, 5-fold cross-validation"
    )
    click.echo(
        f"  n={ext.n:,}  AUC {ext.auc:.3f}  ECE {ext.ece:.3f}  "
        f"base rate {_percent(ext.base_rate)}  flagged {_percent(ext.flag_rate)}"
    )
    _echo_group_rates(check.by_attribute)


def _train_effects() -> None:
    depth = int(current_app.config.get("EFFECTS_DEPTH", 2))
    fit, history = checks.fit_synthetic(depth)
    path = effect_tables.tables_path()
    effect_tables.save_tables(checks.tables_with_evaluation(fit, history), path)
    click.echo(
        f"Fitted effects {fit.tables.version} on SYNTHETIC history in "
        f"{fit.seconds:.1f} s: {len(fit.tables.leaves)} groups."
    )
    click.echo(f"Wrote {path}")
    for leaf in fit.tables.leaves:
        click.echo(f"  group {leaf.id + 1}, n={leaf.n:,}: suggests {leaf.recommended}")


@ml_cli.command("fairness")
def ml_fairness() -> None:
    """Flag rates by gender, age band and origin over the current assessments."""
    limits = fairness.limits_of(current_app.config)
    rates = fairness.current_flag_rates(get_session(), limits)
    click.echo(
        f"Current assessments decided by the model: {rates.assessed_by_model:,}; "
        f"routed to a person: {_percent(rates.overall_rate)}"
    )
    _echo_group_rates(rates.by_attribute)
    if rates.warnings:
        click.echo(
            f"{len(rates.warnings)} gap(s) above the limit of {_points(limits.max_gap)}."
        )


@click.command("screen")
@with_appcontext
@click.option("--chunk", default=5000, show_default=True, help="Citizens per batch.")
def screen(chunk: int) -> None:
    """Re-screen every citizen (run nightly): new assessments, queues kept in step."""
    started = time.perf_counter()
    with transaction() as session:
        summary = screening.rescreen_all(
            session, chunk=chunk, progress=click.echo, after_range=session.commit
        )
    seconds = time.perf_counter() - started
    click.echo(
        f"Screened {summary.citizens:,} citizens in {seconds:.1f} s: "
        f"{summary.assessed:,} assessed ({summary.support:,} to a person, "
        f"{summary.self_service:,} self-service, {summary.not_scored:,} objected, "
        f"not scored); {summary.overrides_kept:,} overrides kept; "
        f"{summary.unchanged:,} unchanged (kept); "
        f"{summary.without_answers:,} without screening answers; "
        f"{summary.queued:,} queued, {summary.closed:,} left the queue."
    )


JOB_NAMES = click.Choice(sorted(JOBS))


@tasks_cli.command("run")
@click.argument("name", type=JOB_NAMES)
def tasks_run(name: str) -> None:
    """Run a background job in this process now (it commits at its end)."""
    result = runner.run(current_app, name, {}, last_try=True, reraise=True)
    click.echo(f"{name}: {result}")


@tasks_cli.command("enqueue")
@click.argument("name", type=JOB_NAMES)
def tasks_enqueue(name: str) -> None:
    """Put a job on the queue (run it inline without REDIS_URL); for cron."""
    runner.dispatch(current_app, name, {})
    where = "queued" if current_app.config.get("REDIS_URL") else "run inline"
    click.echo(f"{name}: {where}")


@click.command("worker")
@with_appcontext
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker(burst: bool) -> None:
    """Run the background jobs of the RQ queue (needs REDIS_URL)."""
    if not current_app.config.get("REDIS_URL"):
        raise click.UsageError(
            "REDIS_URL is not set: without Redis, jobs run inline and no worker is needed."
        )
    queue = runner.queue_for(current_app)
    # SimpleWorker runs each job in this process, in this app context: no fork, so
    # the database pool is never shared between processes.
    SimpleWorker([queue], connection=queue.connection).work(burst=burst)


@employers_cli.command("expire")
def employers_expire() -> None:
    """Mark companies' invitations unanswered for 14 days as expired (run nightly)."""
    with transaction() as session:
        count = expire_invitations(session, datetime.now(UTC))
    click.echo(f"{count:,} invitations expired.")


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(taxonomy_cli)
    app.cli.add_command(postings_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(employers_cli)
    app.cli.add_command(marketplace_cli)
    app.cli.add_command(ml_cli)
    app.cli.add_command(screen)
    app.cli.add_command(tasks_cli)
    app.cli.add_command(worker)

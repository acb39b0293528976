"""``lapor router …``: train, predict with and evaluate the agency router.

    lapor router train --csv TRAIN.csv --out MODEL [--agencies UNITS.csv]   # from an export (file only)
    lapor router train --from-db [--out MODEL] [--no-activate]              # from this installation's history
    lapor router predict --model MODEL --csv IN.csv --out OUT.csv [--explain]
    lapor router evaluate --model MODEL --csv LABELLED.csv                  # top-1, top-3, macro-F1
    lapor router evaluate --csv DATA.csv [--split-at 2022-10-01]            # train before, test from the date
    lapor router evaluate                                                   # the active model's own figures
    lapor router status | activate VERSION | policy [--auto-dispose 0.9|off] [--duplicate-window DAYS]

A model trained from a CSV is only ever written to ``--out``: it is never registered in the product (models
trained on outside data stay outside). Prediction output has ``id,agency_1,agency_2,agency_3`` with unit names
exactly as in the training labels.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lapor.routing import csvio, engine

CHUNK = 5000


class Command(BaseCommand):
    help = "Train, evaluate and run the agency router."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        train = sub.add_parser("train", help="train a model")
        source = train.add_mutually_exclusive_group(required=True)
        source.add_argument("--csv", type=Path, help="labelled CSV (label column: instansi)")
        source.add_argument("--from-db", action="store_true", help="this installation's disposition history")
        train.add_argument("--out", type=Path, help="where to write the model file")
        train.add_argument("--agencies", type=Path, help="units list (instansi column); default: *agencies.csv beside")
        train.add_argument("--no-category", action="store_true", help="ignore the topik column")
        train.add_argument("--no-validate", action="store_true", help="skip the hold-out figures (faster)")
        train.add_argument("--no-activate", action="store_true", help="(--from-db) register without activating")

        predict = sub.add_parser("predict", help="top-3 agencies for each row of a CSV")
        predict.add_argument("--model", type=Path, required=True)
        predict.add_argument("--csv", type=Path, required=True)
        predict.add_argument("--out", type=Path, required=True)
        predict.add_argument("--explain", action="store_true", help="also print a one-line reason per row")

        evaluate = sub.add_parser("evaluate", help="accuracy figures")
        evaluate.add_argument("--model", type=Path)
        evaluate.add_argument("--csv", type=Path)
        evaluate.add_argument("--split-at", help="ISO date: train before it, test from it (default: last quarter)")
        evaluate.add_argument("--agencies", type=Path)

        sub.add_parser("status", help="registered models")
        activate = sub.add_parser("activate", help="make a registered model the active one")
        activate.add_argument("version")
        policy = sub.add_parser("policy", help="show or change the routing policy")
        policy.add_argument("--auto-dispose", help="confidence 0.5–1 to dispose automatically, or 'off'")
        policy.add_argument("--duplicate-window", type=int, help="days within which reports can be duplicates")
        policy.add_argument("--duplicate-threshold", type=float, help="score from which a pair is shown")

    def handle(self, *args, **options):
        try:
            getattr(self, f"_{options['op']}")(options)
        except (engine.RouterError, OSError) as exc:
            raise CommandError(str(exc)) from exc

    # --- train ----------------------------------------------------------------------------------------------
    def _train(self, o):
        if o["from_db"]:
            self._train_db(o)
            return
        if not o["out"]:
            raise CommandError("--out MODEL is required with --csv")
        rows = csvio.read_rows(o["csv"], require_label=True, use_category=not o["no_category"])
        units = self._units(o["agencies"], o["csv"])
        started = time.perf_counter()
        model = engine.train(
            [r.record for r in rows],
            [r.label for r in rows],
            units=units,
            validate=not o["no_validate"],
            source=f"csv:{o['csv'].name}",
        )
        header = engine.save(model, o["out"])
        self.stdout.write(
            f"trained {header['version']} on {len(rows)} rows, {model.metrics['n_units']} units "
            f"in {time.perf_counter() - started:.1f} s"
        )
        self._print_validation(model.metrics)
        self.stdout.write(str(o["out"]))

    def _train_db(self, o):
        from lapor.core.errors import ApplicationError
        from lapor.routing.services import router_train_from_db

        try:
            version = router_train_from_db(activate=not o["no_activate"], actor_label="konsol")
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        if o["out"]:
            shutil.copyfile(version.path, o["out"])
        self.stdout.write(f"trained {version.version} on {version.n_reports} reports; active: {version.is_active}")
        self._print_validation(version.metrics)
        self.stdout.write(str(o["out"] or version.path))

    def _units(self, path: Path | None, beside: Path) -> list[engine.Unit]:
        path = path or csvio.units_beside(beside)
        if path is None:
            return []
        self.stderr.write(f"units list: {path}")
        return csvio.read_units(path)

    def _print_validation(self, metrics: dict) -> None:
        for head, figures in (metrics.get("validation") or {}).items():
            if isinstance(figures, dict):
                self.stdout.write(
                    f"hold-out ({head}): top-1 {figures['top1']:.3f}  top-3 {figures['top3']:.3f}  "
                    f"macro-F1 {figures['macro_f1']:.3f}  n={figures['n']}"
                )

    # --- predict --------------------------------------------------------------------------------------------
    def _predict(self, o):
        model = engine.load(o["model"])
        rows = csvio.read_rows(o["csv"], require_label=False)
        started = time.perf_counter()
        predictions = []
        for i in range(0, len(rows), CHUNK):
            chunk = rows[i : i + CHUNK]
            predictions += model.predict([r.record for r in chunk], explain=o["explain"])
        seconds = time.perf_counter() - started
        csvio.write_predictions(o["out"], [r.id for r in rows], predictions)
        if o["explain"]:
            for row, cands in zip(rows, predictions, strict=True):
                best = cands[0] if cands else None
                self.stdout.write(f"{row.id}: {best.name} ({best.confidence:.0%}) — {best.reason}" if best else row.id)
        rate = len(rows) / seconds if seconds else float("inf")
        self.stderr.write(f"{len(rows)} rows in {seconds:.2f} s ({rate:,.0f}/s), model {model.version}")
        self.stdout.write(str(o["out"]))

    # --- evaluate -------------------------------------------------------------------------------------------
    def _evaluate(self, o):
        if o["model"] and o["csv"]:
            model = engine.load(o["model"])
            rows = csvio.read_rows(o["csv"], require_label=True)
            self._figures("model", model.evaluate([r.record for r in rows], [r.label for r in rows]))
            return
        if o["csv"]:
            self._evaluate_split(o)
            return
        from lapor.routing.models import RouterVersion

        version = RouterVersion.objects.filter(is_active=True).first()
        if version is None:
            raise CommandError("no active model: train one with `lapor router train --from-db`")
        self.stdout.write(f"active model {version.version}, trained {version.trained_at:%Y-%m-%d %H:%M}")
        self._print_validation(version.metrics)

    def _evaluate_split(self, o):
        rows = csvio.read_rows(o["csv"], require_label=True)
        dated = sorted(r.record.submitted_at for r in rows if r.record.submitted_at)
        if not dated:
            raise CommandError("the CSV has no tanggal_keluhan dates to split on")
        split = o["split_at"] or dated[int(len(dated) * 0.75)].date().isoformat()
        fit, held = csvio.time_split(rows, train=("1900-01-01", split), test=(split, "9999-12-31"))
        if not fit or not held:
            raise CommandError(f"nothing on one side of {split}")
        started = time.perf_counter()
        model = engine.train(
            [r.record for r in fit], [r.label for r in fit], units=self._units(o["agencies"], o["csv"])
        )
        self.stdout.write(
            f"train < {split}: {len(fit)} rows ({time.perf_counter() - started:.1f} s); test: {len(held)}"
        )
        labels = [r.label for r in held]
        text_only = [engine.Record(**{**r.record.__dict__, "category": ""}) for r in held]
        self._figures("text+location", model.evaluate(text_only, labels))
        if any(r.record.category for r in held):
            self._figures("with category", model.evaluate([r.record for r in held], labels))

    def _figures(self, name: str, m: engine.Metrics) -> None:
        self.stdout.write(f"{name}: top-1 {m.top1:.3f}  top-3 {m.top3:.3f}  macro-F1 {m.macro_f1:.3f}  n={m.n}")

    # --- registry and policy --------------------------------------------------------------------------------
    def _status(self, o):
        from lapor.routing.models import RouterVersion

        for v in RouterVersion.objects.order_by("-trained_at")[:20]:
            mark = "*" if v.is_active else " "
            self.stdout.write(f"{mark} {v.version}  {v.trained_at:%Y-%m-%d %H:%M}  n={v.n_reports}  top-1={v.top1}")

    def _activate(self, o):
        from lapor.routing.models import RouterVersion
        from lapor.routing.services import router_activate

        version = RouterVersion.objects.filter(version=o["version"]).first()
        if version is None:
            raise CommandError(f"unknown model version {o['version']}")
        router_activate(version=version, actor_label="konsol")
        self.stdout.write(f"active: {version.version}")

    def _policy(self, o):
        from lapor.agencies.actors import Actor
        from lapor.core.errors import ApplicationError
        from lapor.routing.services import routing_policy, routing_policy_update

        policy = routing_policy()
        if any(o[k] is not None for k in ("auto_dispose", "duplicate_window", "duplicate_threshold")):
            threshold = policy.auto_dispose_threshold
            if o["auto_dispose"] is not None:
                threshold = None if o["auto_dispose"].lower() in ("off", "none", "0") else o["auto_dispose"]
            try:
                policy = routing_policy_update(
                    actor=Actor.system_admin(),
                    auto_dispose_threshold=threshold,
                    duplicate_window_days=o["duplicate_window"],
                    duplicate_threshold=o["duplicate_threshold"],
                )
            except (ApplicationError, ArithmeticError, ValueError) as exc:
                raise CommandError(getattr(exc, "message", str(exc))) from exc
        self.stdout.write(
            f"auto-dispose: {policy.auto_dispose_threshold or 'off'}; duplicates: "
            f"{policy.duplicate_window_days} days, threshold {policy.duplicate_threshold}"
        )

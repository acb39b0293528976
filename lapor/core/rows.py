"""Lean writes for the hot paths (report intake and every lifecycle transition).

Django's ``Model.save()`` compiles an INSERT field by field on every call and asks for ``RETURNING id``, which
forces a round trip per row: a submit with its timeline entry, outbox message and audit event spent most of its
CPU there (``bench/submit.py --profile``). This module

* builds one INSERT statement per model once (``insert_plan``) and fills it from a model instance with cheap
  per-field converters (the database adapter handles ints, strings, datetimes and decimals itself);
* hands out primary keys before the insert (``next_ids``: PostgreSQL sequences, SQLite's ``sqlite_sequence``), so
  rows that point at each other can be written without reading anything back;
* collects the statements of one transaction in a ``batch()`` and sends them in **one round trip** on
  PostgreSQL (several statements in one simple-protocol query; Django's psycopg cursor binds parameters on the
  client). On SQLite, where there is no network, they run one after another.

Nothing here decides anything: services build the model instances exactly as they would for ``save()``. A batch
only exists inside a transaction and is flushed when its ``with`` block ends, before the transaction commits;
an exception discards it together with the transaction.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

Converter = Callable[[Any], Any]


def _as_text(value: Any) -> Any:
    # TextChoices members are ``str`` subclasses; the adapter must see their value, not an enum.
    return value if value is None or type(value) is str else str(value)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class InsertPlan:
    table: str
    sql: str
    attnames: tuple[str, ...]
    converters: tuple[Converter, ...]
    pre_save: tuple[models.Field, ...]  # fields with auto_now / auto_now_add: their pre_save sets the value

    def params(self, obj: models.Model) -> list[Any]:
        for f in self.pre_save:
            f.pre_save(obj, add=True)
        values = obj.__dict__
        return [conv(values[name]) for name, conv in zip(self.attnames, self.converters, strict=True)]


def _converter(f: models.Field) -> Converter:
    vendor = connection.vendor
    if isinstance(f, models.JSONField):
        return functools.partial(_prep, f)
    if isinstance(f, (models.CharField, models.TextField)):
        return _as_text
    if isinstance(f, (models.IntegerField, models.BooleanField, models.ForeignKey)) or f.primary_key:
        return _same
    if vendor == "postgresql" and isinstance(f, (models.DateTimeField, models.DateField, models.DecimalField)):
        return _same
    return functools.partial(_prep, f)


def _prep(f: models.Field, value: Any) -> Any:
    return f.get_db_prep_save(value, connection)


@functools.cache
def _plan(model: type[models.Model], vendor: str, with_pk: bool) -> InsertPlan:
    fields = [
        f
        for f in model._meta.concrete_fields
        if (with_pk or f is not model._meta.pk) and not getattr(f, "generated", False)
    ]
    qn = connection.ops.quote_name
    table = model._meta.db_table
    columns = ", ".join(qn(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return InsertPlan(
        table=table,
        sql=f"INSERT INTO {qn(table)} ({columns}) VALUES ({placeholders})",  # noqa: S608 (model metadata only)
        attnames=tuple(f.attname for f in fields),
        converters=tuple(_converter(f) for f in fields),
        pre_save=tuple(f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)),
    )


def insert_plan(model: type[models.Model], *, with_pk: bool = True) -> InsertPlan:
    return _plan(model, connection.vendor, with_pk)


@functools.cache
def _pg_sequence(table: str, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
        return cursor.fetchone()[0]


def _sequence_expression(model: type[models.Model]) -> str:
    pk = model._meta.pk
    name = _pg_sequence(model._meta.db_table, pk.column)
    return "nextval('" + name.replace("'", "''") + "')"


def next_ids(*models_: type[models.Model], extra: Sequence[str] = ()) -> list[int]:
    """One fresh primary key for each model given (a model may appear more than once), followed by one value of
    each extra PostgreSQL sequence named in ``extra``, in one query on PostgreSQL. On SQLite (writers serialised
    by IMMEDIATE transactions) the AUTOINCREMENT counter in ``sqlite_sequence`` is advanced instead; ``extra``
    is not supported there (the caller keeps its own counter).
    """
    if not connection.in_atomic_block:
        raise RuntimeError("next_ids() needs a transaction")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            parts = [_sequence_expression(m) for m in models_]
            parts += ["nextval('" + name.replace("'", "''") + "')" for name in extra]
            cursor.execute("SELECT " + ", ".join(parts))
            return [int(v) for v in cursor.fetchone()]
        if extra:
            raise NotImplementedError("named sequences exist on PostgreSQL only")
        tables = [m._meta.db_table for m in models_]
        wanted = {t: tables.count(t) for t in tables}  # how many ids per table
        cases = " ".join(["WHEN %s THEN %s"] * len(wanted))
        marks = ", ".join(["%s"] * len(wanted))
        cursor.execute(
            f"UPDATE sqlite_sequence SET seq = seq + CASE name {cases} END WHERE name IN ({marks}) RETURNING name, seq",  # noqa: S608
            [v for t, n in wanted.items() for v in (t, n)] + list(wanted),
        )
        last = dict(cursor.fetchall())  # table -> the last id now reserved
        for m in {m._meta.db_table: m for m in models_}.values():
            table = m._meta.db_table
            if table not in last:  # the table never had a row: its counter is created by the first insert
                pk_column = m._meta.pk.column
                cursor.execute(f'SELECT COALESCE(MAX("{pk_column}"), 0) FROM "{table}"')  # noqa: S608 (model metadata)
                last[table] = int(cursor.fetchone()[0]) + wanted[table]
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last[table]])
        ids = []
        handed: dict[str, int] = dict.fromkeys(wanted, 0)
        for table in tables:
            ids.append(int(last[table]) - wanted[table] + 1 + handed[table])
            handed[table] += 1
        return ids


@dataclass
class Batch:
    statements: list[tuple[str, list[Any]]] = field(default_factory=list)

    def add(self, sql: str, params: list[Any]) -> None:
        self.statements.append((sql, params))

    def flush(self) -> None:
        statements, self.statements = self.statements, []
        if not statements:
            return
        with connection.cursor() as cursor:
            # mogrify: psycopg 3's client-side binding cursor, Django's default (not with server_side_binding).
            if connection.vendor == "postgresql" and len(statements) > 1 and hasattr(cursor.cursor, "mogrify"):
                # One round trip: each statement's parameters are merged on the client (as Django's psycopg
                # cursor does for every query) and the statements go in one simple-protocol query. Merged one
                # by one, each statement's parsed form stays in psycopg's cache (the joined text is too long
                # for it and would be re-parsed on every call).
                sql = ";\n".join(_merged(cursor, s, ps) for s, ps in statements)
                cursor.execute(sql)
            else:
                for sql, params in statements:
                    cursor.execute(sql, params)


# psycopg caches the parsed form of a query only up to 50 parameters; a report row has more.
_CACHED_PARAMS = 50


def _merged(cursor: Any, sql: str, params: list[Any]) -> str:
    """``sql`` with ``params`` merged as literals, by psycopg (its quoting). An INSERT with more parameters than
    psycopg's parse cache takes has its VALUES merged in chunks that stay cached, instead of being re-parsed.
    """
    values_at = sql.rfind(" VALUES (")
    if len(params) <= _CACHED_PARAMS or values_at < 0 or sql.count("%s") != len(params):
        return cursor.mogrify(sql, params)
    chunks = [params[i : i + _CACHED_PARAMS] for i in range(0, len(params), _CACHED_PARAMS)]
    merged = ", ".join(cursor.mogrify(", ".join(["%s"] * len(chunk)), chunk) for chunk in chunks)
    return f"{sql[: values_at + 9]}{merged})"


_current: contextvars.ContextVar[Batch | None] = contextvars.ContextVar("lapor_rows_batch", default=None)


@contextlib.contextmanager
def batch() -> Iterator[Batch]:
    """Collect ``insert()``/``execute()`` calls and send them together when the block ends (inside the caller's
    transaction). Nested blocks join the outer batch.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("rows.batch() needs a transaction")
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    current = Batch()
    token = _current.set(current)
    try:
        yield current
        current.flush()
    finally:
        _current.reset(token)


def in_batch() -> bool:
    return _current.get() is not None


def execute(sql: str, params: list[Any]) -> None:
    """Run one write statement now, or with the current batch."""
    current = _current.get()
    if current is not None:
        current.add(sql, params)
        return
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def insert(obj: models.Model) -> None:
    """INSERT ``obj`` as it is, now or with the current batch: like ``save(force_insert=True)`` without signals,
    validation or reading anything back. Without a primary key (see ``next_ids``) the database assigns one and
    ``obj.pk`` stays ``None``.
    """
    plan = insert_plan(type(obj), with_pk=obj.pk is not None)
    execute(plan.sql, plan.params(obj))
    obj._state.adding = False
    obj._state.db = connection.alias


@dataclass(frozen=True)
class _LookupPlan:
    sql: str
    attnames: list[str]
    converters: dict[int, tuple[list[Any], Any]]


@functools.cache
def _lookup_plan(model: type[models.Model], field_name: str, vendor: str) -> _LookupPlan:
    qs = model._base_manager.filter(
        **{field_name: 0 if model._meta.get_field(field_name).get_internal_type().endswith("AutoField") else "0"}
    )[:1]
    compiler = qs.query.get_compiler(using=connection.alias)
    sql, params = compiler.as_sql()
    if len(params) != 1:
        raise ValueError(f"unexpected parameters for a look-up by {field_name}: {params!r}")
    columns = [col for col, _sql, _alias in compiler.select]
    return _LookupPlan(
        sql=sql,
        attnames=[col.target.attname for col in columns],
        converters=compiler.get_converters(columns),
    )


def get_by(model: type[models.Model], field_name: str, value: Any) -> models.Model | None:
    """The one row of ``model`` whose unique ``field_name`` equals ``value``, or ``None`` — what
    ``model.objects.filter(field=value).first()`` returns, with its SQL and column converters worked out once
    per process instead of compiled on every call (the bulk of a read by tracking ID's CPU).
    """
    plan = _lookup_plan(model, field_name, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(plan.sql, [value])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, (convs, expression) in plan.converters.items():
        item = values[index]
        for convert in convs:
            item = convert(item, expression, connection)
        values[index] = item
    return model.from_db(connection.alias, plan.attnames, values)

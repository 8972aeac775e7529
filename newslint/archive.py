"""Archive-scale linting on a Dask cluster: ``newslint --dask ADDRESS PATH...``.

The same run as :meth:`newslint.engine.Linter.run`, with the heavy parts on
the cluster (see docs/dask.md):

1. **Per-document pass** - a Dask bag over partitions of files. Each worker
   builds one :class:`~newslint.engine.Linter` from the picklable Config and
   Selection (as ``engine._init_worker`` does for ``--jobs``), reads each file
   itself (workers must see the files at the same absolute paths) and calls
   ``Linter.process``. The results (findings, facts, story key, signature)
   stay on the workers.
2. **Grouping** - the client pulls *light* copies of the results (facts
   stripped) and groups them into stories with ``corpus.group``, exactly as a
   local run does, then gives every article of a story that has a target its
   story id.
3. **Cross-source pass** - the full results are shuffled by story id on the
   cluster (``Bag.groupby``) and the story-scope corpus rules run per story on
   the workers. Corpus-scope rules (``scope = "corpus"``, which need every
   story at once) run on the client with their own facts only.
4. **Finalize** - per-file ignores, suppression comments and sorting on the
   client, through the same ``Linter.finalize`` as a local run, so the output
   is identical.

Dask is an optional dependency (``pip install 'newslint[dask]'``): nothing
here imports it at module level.
"""

from __future__ import annotations

import math
import os
import threading
import uuid
from typing import TYPE_CHECKING, Any

from newslint.errors import InputError, NewslintError, PluginError, UsageError

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.engine import DocResult, Linter, RunResult
    from newslint.selection import Selection

INSTALL_HINT = "--dask needs Dask installed: pip install 'newslint[dask]'"
_HINT = "every Dask worker needs the same newslint and plugins as the client; see docs/dask.md"
#: Files per bag partition, at most (fewer when the cluster has many threads).
MAX_PARTITION = 256


def require_dask() -> None:
    """Fail with one line (exit code 2) when Dask is not installed."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_HINT) from None


class _Session:
    """A connected client, and the cluster we started for ``local``, if any."""

    def __init__(self, scheduler: Any) -> None:
        from distributed import Client

        self.cluster: Any = None
        self.own_client = True
        if isinstance(scheduler, Client):
            self.client, self.own_client = scheduler, False
            return
        address = str(scheduler).strip()
        try:
            if address == "local":
                from distributed import LocalCluster

                self.cluster = LocalCluster(
                    processes=False, dashboard_address=":0", silence_logs=40
                )
                self.client = Client(self.cluster, set_as_default=False)
            else:
                _check_address(address)  # before Client: a failed one lingers
                self.client = Client(address, set_as_default=False)
        except Exception as exc:  # noqa: BLE001 - any failure to connect is a usage error
            self.close()
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise UsageError(
                f"cannot connect to the Dask scheduler {address!r}: {detail}"
                " (give host:port of a running 'dask scheduler', or 'local')"
            ) from None

    def threads(self) -> int:
        try:
            workers = self.client.scheduler_info()["workers"].values()
            return max(1, sum(int(w.get("nthreads", 1)) for w in workers))
        except Exception:  # noqa: BLE001 - only a partition size hint
            return 1

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None and self.own_client:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


def _check_address(address: str) -> None:
    """Reject an unknown scheme or a missing port without building a Client."""
    from distributed.comm import parse_address
    from distributed.comm.registry import get_backend

    scheme, location = parse_address(address)
    get_backend(scheme)  # ValueError naming the known schemes
    if scheme in ("tcp", "tls", "ws", "wss"):
        host, _, port = location.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError("expected host:port, e.g. tcp://10.0.0.5:8786")


def run_archive(linter: Linter, sources: list[Any], scheduler: Any) -> RunResult:
    """Lint ``sources`` on the Dask cluster at ``scheduler`` (an address,
    ``"local"`` for an in-process cluster, or a ``distributed.Client``).

    Returns the same RunResult as ``linter.run(sources)`` would (the fact
    cache is not used: workers do not share it)."""
    require_dask()
    session = _Session(scheduler)
    try:
        return _run(linter, sources, session)
    except NewslintError:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        detail = " ".join(str(exc).split())
        raise PluginError(
            f"the Dask run failed: {type(exc).__name__}: {detail} ({_HINT})"
        ) from None
    finally:
        session.close()


def _run(linter: Linter, sources: list[Any], session: _Session) -> RunResult:
    import dask
    import dask.bag as db

    from newslint import corpus

    if not (linter.corpus_rules or linter.want_stories):
        # Without corpus rules a reference article contributes nothing.
        sources = [s for s in sources if s.is_target]
    items = [
        (
            index,
            source.path,
            None if source.stdin is not None else os.path.abspath(source.path),
            source.is_target,
            None if source.stdin is None else bytes(source.stdin),
        )
        for index, source in enumerate(sources)
    ]
    if not items:
        return linter.finalize([], [], [])
    from newslint._version import __version__

    token = uuid.uuid4().hex
    # What every worker must have: this newslint and the client's rule set.
    expected = (__version__, tuple(linter.registry.codes()))
    config, selection = linter.config, linter.selection
    size = max(1, min(MAX_PARTITION, math.ceil(len(items) / (4 * session.threads()))))
    compute = {"scheduler": session.client}

    # 1. Per-document pass; full results stay on the workers.
    bag = db.from_sequence(items, partition_size=size)
    results = bag.map_partitions(_process_partition, config, selection, token, expected)
    results = session.client.persist(results)
    light: list[DocResult] = [
        r for _, r in sorted(results.map(_light).compute(**compute), key=_first)
    ]
    linter.parsed = len(light)
    findings = [f for r in light for f in r.findings]
    stories: list[Any] = []
    if linter.corpus_rules and light:
        # 2. Grouping on the client, on light records.
        groups = corpus.group(light, config, targets_only=True)
        whole = any(r.scope == "corpus" for r in linter.corpus_rules)
        index_of = {id(r): i for i, r in enumerate(light)}
        assign: dict[int, int] = {}
        for gid, (_, members, _) in enumerate(groups):
            if any(m.is_target for m in members):
                for member in members:
                    assign[index_of[id(member)]] = gid
        meta = [(key, why) for key, _, why in groups]
        # 3. Story-scope rules per story on the workers (shuffle by story id).
        if assign and any(r.scope != "corpus" for r in linter.corpus_rules):
            assigned = dask.delayed(
                assign, name=f"newslint-assign-{token}", traverse=False
            )
            named = dask.delayed(meta, name=f"newslint-stories-{token}", traverse=False)
            tagged = results.map_partitions(_tag, assigned)
            by_story = tagged.groupby(_first, shuffle="tasks")
            checked = by_story.map_partitions(
                _check_stories, named, config, selection, token, expected
            ).compute(**compute)
            for _, story_findings in sorted(checked, key=_first):
                findings.extend(story_findings)
        # Corpus-scope rules on the client, with only their own facts.
        if whole:
            codes = [r.code for r in linter.corpus_rules if r.scope == "corpus"]
            facts = results.map_partitions(_facts_of, codes).compute(**compute)
            for index, own in facts:
                light[index].facts.update(own)
        stories = [corpus.make_story(key, members, why) for key, members, why in groups]
        if whole:
            findings.extend(linter.corpus_findings(stories))
    # 4. Filtering, suppressions and sorting as in a local run.
    return linter.finalize(light, findings, stories)


# -- worker side -------------------------------------------------------------------
_LINTERS: dict[str, Linter] = {}
_LOCK = threading.Lock()


def _worker_linter(
    token: str,
    config: Config,
    selection: Selection,
    expected: tuple[str, tuple[str, ...]],
) -> Linter:
    """One Linter per worker process and run (plugins load once, not per task)."""
    with _LOCK:
        linter = _LINTERS.get(token)
        if linter is None:
            if len(_LINTERS) >= 4:  # old runs on a long-lived worker
                _LINTERS.clear()
            linter = _LINTERS[token] = _build_linter(config, selection, expected)
        return linter


def _build_linter(
    config: Config, selection: Selection, expected: tuple[str, tuple[str, ...]]
) -> Linter:
    """The worker's Linter, or one line saying how the worker differs."""
    from newslint._version import __version__
    from newslint.engine import Linter

    version, codes = expected
    where = _worker_address()
    if __version__ != version:
        raise PluginError(
            f"Dask worker {where} has newslint {__version__}, the client {version} ({_HINT})"
        )
    try:
        linter = Linter(config, selection)
    except Exception as exc:  # noqa: BLE001 - one line naming the worker
        detail = " ".join(str(exc).split())
        raise PluginError(
            f"Dask worker {where} cannot build the rules: {type(exc).__name__}:"
            f" {detail} ({_HINT})"
        ) from None
    have = set(linter.registry.codes())
    if have != set(codes):
        missing = ", ".join(sorted(set(codes) - have)) or "none"
        extra = ", ".join(sorted(have - set(codes))) or "none"
        raise PluginError(
            f"Dask worker {where} has other rules than the client (missing: {missing};"
            f" extra: {extra}) ({_HINT})"
        )
    return linter


def _worker_address() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except Exception:  # noqa: BLE001 - not on a worker (tests)
        return "(unknown)"


def _read(path: str, read_path: str) -> bytes:
    try:
        with open(read_path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _process_partition(
    items: list[tuple[int, str, str | None, bool, bytes | None]],
    config: Config,
    selection: Selection,
    token: str,
    expected: tuple[str, tuple[str, ...]],
) -> list[tuple[int, DocResult]]:
    from newslint.engine import _facts_as_json

    linter = _worker_linter(token, config, selection, expected)
    out = []
    for index, path, read_path, is_target, raw in items:
        data = raw if raw is not None else _read(path, read_path or path)
        result = linter.process(path, data, is_target)
        _facts_as_json(result)  # rules see JSON round-tripped facts, as locally
        out.append((index, result))
    return out


def _first(pair: tuple[Any, ...]) -> Any:
    return pair[0]


def _light(pair: tuple[int, DocResult]) -> tuple[int, DocResult]:
    """What the client needs of a result: everything but the facts."""
    index, result = pair
    return index, result.without_facts()


def _tag(
    pairs: list[tuple[int, DocResult]], assign: dict[int, int]
) -> list[tuple[int, DocResult]]:
    """``(story id, result)`` for the articles of stories that have a target."""
    return [(assign[i], r) for i, r in pairs if i in assign]


def _check_stories(
    groups: list[tuple[int, list[tuple[int, DocResult]]]],
    meta: list[tuple[str, str]],
    config: Config,
    selection: Selection,
    token: str,
    expected: tuple[str, tuple[str, ...]],
) -> list[tuple[int, list[Any]]]:
    from newslint.corpus import make_story

    linter = _worker_linter(token, config, selection, expected)
    out = []
    for gid, tagged in groups:
        key, why = meta[gid]
        story = make_story(key, [r for _, r in tagged], why)
        out.append((gid, linter.story_findings(story)))
    return out


def _facts_of(
    pairs: list[tuple[int, DocResult]], codes: list[str]
) -> list[tuple[int, dict[str, Any]]]:
    return [(i, {c: r.facts[c] for c in codes if c in r.facts}) for i, r in pairs]

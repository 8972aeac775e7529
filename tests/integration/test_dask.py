"""``newslint --dask``: the archive path on an in-process Dask cluster gives
the same findings, byte for byte, as the local engine on the same corpus."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from newslint.cli import main

ROOT = Path(__file__).resolve().parents[2]
HAS_DASK = all(
    importlib.util.find_spec(name) is not None for name in ("dask", "distributed")
)
needs_dask = pytest.mark.skipif(not HAS_DASK, reason="dask is not installed")

# Handwritten extra articles (a fictional ferry strike): a shared line that
# recurs in articles of different stories (template residue, a corpus-scope
# rule), a suppression comment, and a file hidden by per-file-ignores.
SHARED = "Harbour desk Ostmarra Ledger tips and corrections line"
FERRY = """\
---
story: ferry-strike
---

OSTMARRA — Ferry crews in Ostmarra walked out on Monday after talks over
rotas collapsed, union leader Mirela Vantosk said. The strike left 1,240
passengers waiting at the quay. . <!-- newslint: noqa NT -->

Vantosk said the crews had waited 14 months for a new agreement.

{shared}
"""
FERRY_2 = """\
---
story: ferry-strike
---

OSTMARRA — Ferry services across the bay stopped on Monday when crews began a
strike, union leader Mirela Vantosck told reporters. About 1,240 passengers
were stranded at the quay. .

{shared}
"""
OTHER = """\
LINDALE — The Lindale council approved a new library budget on Tuesday after
a long debate about opening hours, councillor Arno Pelt said. .

{shared}
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = tmp_path_factory.mktemp("archive")
    content = out / "content"
    generate(content, 30, 5, defect_rate=1.0)
    extra = content / "extra"
    extra.mkdir()
    (extra / "ferry.md").write_text(FERRY.format(shared=SHARED), encoding="utf-8")
    (extra / "ferry-2.md").write_text(FERRY_2.format(shared=SHARED), encoding="utf-8")
    (extra / "library.txt").write_text(OTHER.format(shared=SHARED), encoding="utf-8")
    (extra / "ignored.txt").write_text(OTHER.format(shared=SHARED), encoding="utf-8")
    reference = out / "reference"
    reference.mkdir()
    (reference / "ferry-ref.md").write_text(
        FERRY_2.format(shared=SHARED).replace("Vantosck", "Vantosk"), encoding="utf-8"
    )
    (out / "newslint.toml").write_text(
        '[per-file-ignores]\n"content/extra/ignored.txt" = ["NT"]\n', encoding="utf-8"
    )
    return out


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    if not HAS_DASK:
        pytest.skip("dask is not installed")
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            processes=False,
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=":0",
            silence_logs=40,
        ) as local,
        Client(local, set_as_default=False) as client,
    ):
        yield local, client


def _sources_and_linter(corpus: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from newslint.config import load_config
    from newslint.discovery import discover
    from newslint.engine import Linter

    monkeypatch.chdir(corpus)
    config = load_config(["content"])
    sources = discover(["content"], config, corpus=("reference",))
    linter = Linter(config)
    linter.use_cache = False
    return linter, sources


@needs_dask
def test_archive_findings_equal_local(
    corpus: Path,
    cluster,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from newslint.archive import run_archive

    _, client = cluster
    linter, sources = _sources_and_linter(corpus, monkeypatch)
    local = linter.run(sources, jobs=1)
    linter, sources = _sources_and_linter(corpus, monkeypatch)
    remote = run_archive(linter, sources, client)

    assert remote.findings == local.findings
    assert (remote.files, remote.targets, remote.suppressed) == (
        local.files,
        local.targets,
        local.suppressed,
    )
    assert [(s.key, [m.path for m in s.members]) for s in remote.stories] == [
        (s.key, [m.path for m in s.members]) for s in local.stories
    ]
    # The corpus exercises every stage, so equality is not vacuous.
    codes = {f.code for f in local.findings}
    assert "NN101" in codes  # cross-source, per story, run on the workers
    assert "NB110" in codes  # corpus-scope, run on the client
    assert local.suppressed >= 1  # a noqa comment hid a finding
    assert not any(
        f.path.endswith("ignored.txt") and f.code.startswith("NT")
        for f in local.findings
    )
    assert any(
        f.path.endswith("library.txt") and f.code.startswith("NT")
        for f in local.findings
    )
    assert not any(f.path.startswith("reference") for f in local.findings)
    keys = {s.key for s in local.stories}
    assert "ferry-strike" in keys and any(k.startswith("similar:") for k in keys)


@needs_dask
def test_cli_json_is_byte_identical(
    corpus: Path,
    cluster,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    local_cluster, _ = cluster
    monkeypatch.chdir(corpus)
    args = ["--format", "json", "--no-cache", "--corpus", "reference", "content"]
    assert main(args) == 1
    local = capsys.readouterr()
    assert main([*args, "--dask", local_cluster.scheduler_address]) == 1
    remote = capsys.readouterr()
    assert remote.out == local.out
    assert len(json.loads(local.out)) > 20
    # default format too (summary line included)
    assert main(["--no-cache", "--corpus", "reference", "content"]) == 1
    local = capsys.readouterr()
    assert (
        main(
            [
                "--no-cache",
                "--corpus",
                "reference",
                "content",
                "--dask",
                local_cluster.scheduler_address,
            ]
        )
        == 1
    )
    assert capsys.readouterr().out == local.out


@needs_dask
@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("foo://bar", "unknown address scheme 'foo'"),
        ("hostonly", "expected host:port"),
        ("", "expected host:port"),
    ],
)
def test_malformed_scheduler_address(
    address: str,
    why: str,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(corpus)
    assert main(["--dask", address, "content/extra"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(
        f"newslint: error: cannot connect to the Dask scheduler {address!r}: {why}"
    )


@needs_dask
def test_bad_scheduler_address_is_one_line_exit_2(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dask

    monkeypatch.chdir(corpus)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main(["--dask", "tcp://127.0.0.1:1", "content/extra"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(
        "newslint: error: cannot connect to the Dask scheduler 'tcp://127.0.0.1:1'"
    )


def test_missing_dask_is_one_line_exit_2(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(corpus)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    assert main(["--dask", "local", "content/extra"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "newslint: error: --dask needs Dask installed: pip install 'newslint[dask]'\n"
    )


def test_fix_is_refused_with_dask(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not HAS_DASK:
        pytest.skip("dask is not installed")
    monkeypatch.chdir(corpus)
    assert main(["--dask", "local", "--fix", "content/extra"]) == 2
    assert "--fix and --diff do not run on Dask" in capsys.readouterr().err


@needs_dask
def test_worker_with_other_newslint_or_rules_is_refused(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint._version import __version__
    from newslint.archive import _build_linter
    from newslint.errors import PluginError

    linter, _ = _sources_and_linter(corpus, monkeypatch)
    codes = tuple(linter.registry.codes())
    built = _build_linter(linter.config, linter.selection, (__version__, codes))
    assert built.selection == linter.selection
    with pytest.raises(PluginError, match=r"has newslint .*, the client 0\.0\.0a0"):
        _build_linter(linter.config, linter.selection, ("0.0.0a0", codes))
    with pytest.raises(PluginError, match=r"other rules .*missing: HX999; extra: none"):
        _build_linter(linter.config, linter.selection, (__version__, (*codes, "HX999")))

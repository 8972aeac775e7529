"""Run the rules: per-document pass (optionally in worker processes), then the
corpus pass over stories, then suppression, per-file ignores and sorting.

The engine never names a rule: it gets rule classes from the registry that
the plugins filled. Workers rebuild their own registry from the picklable
Config and return only picklable values (findings, facts, suppressions).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from newslint import suppression
from newslint.config import Config
from newslint.document import Document
from newslint.errors import InputError, PluginError
from newslint.finding import Finding
from newslint.records import Record
from newslint.rule import CorpusRule, DocumentRule, Member, Rule, Story
from newslint.selection import Selection

#: Below this many files, worker processes cost more than they save.
PARALLEL_THRESHOLD = 32
#: From this many articles on, story facts live in the fact cache between the
#: passes and are loaded one story at a time (memory stays flat at archive
#: scale; smaller runs keep them in memory and skip the reload).
STREAM_THRESHOLD = 2000
#: Processed articles written to the cache per transaction.
STORE_BATCH = 500


class DocResult(Record):
    """What the per-document pass learns about one article.

    A slotted class, not a dataclass: building a dataclass costs about a
    millisecond at import, which every pre-commit run pays."""

    __slots__ = (  # noqa: RUF023 (field order: repr, pickling)
        "path",
        "is_target",
        "content_hash",
        "findings",
        "facts",
        "story_key",
        "signature",
        "suppressions",
        "cached",
    )

    def __init__(
        self,
        path: str,
        is_target: bool,
        content_hash: str,
        findings: list[Finding] | None = None,
        facts: dict[str, Any] | None = None,
        story_key: str | None = None,
        signature: Any = None,
        suppressions: suppression.Suppressions | None = None,
        cached: bool = False,
    ) -> None:
        self.path = path
        self.is_target = is_target
        self.content_hash = content_hash
        self.findings: list[Finding] = [] if findings is None else findings
        self.facts: dict[str, Any] = {} if facts is None else facts
        self.story_key = story_key
        self.signature = signature
        self.suppressions = _NO_SUPPRESSIONS if suppressions is None else suppressions
        #: True when story key and signature came from the fact cache and the
        #: facts are still to be loaded (only those the corpus pass needs).
        self.cached = cached

    def without_facts(self) -> DocResult:
        """A copy with empty facts (what a client needs of a remote result)."""
        values = self._values()
        return DocResult(*values[:4], {}, *values[5:])


_NO_SUPPRESSIONS = suppression.Suppressions()


def _cached_result(
    path: str, is_target: bool, digest: str, story_key: str | None, signature: Any
) -> DocResult:
    """A cached article's result: story key and signature, facts to load."""
    return DocResult(
        path, is_target, digest, [], {}, story_key, signature, _NO_SUPPRESSIONS, True
    )


class RunResult(NamedTuple):
    """What a run reports (a NamedTuple: no dataclass to build at start-up)."""

    findings: list[Finding]
    files: int
    targets: int
    stories: list[Story]
    #: Findings hidden by suppression comments (for unused-suppression checks).
    suppressed: int = 0
    #: Articles read and parsed this run (the rest came from the fact cache).
    parsed: int = 0


class Linter:
    """Everything a process needs to lint: config, plugins, enabled rules."""

    def __init__(
        self,
        config: Config,
        selection: Selection | None = None,
        *,
        cli_selectors: Iterable[str] = (),
    ) -> None:
        from newslint.errors import UsageError
        from newslint.plugins import build_plugin_manager, build_registry
        from newslint.selection import resolve

        self.config = config
        self.use_cache = True
        #: Compute story keys and signatures even with no corpus rule enabled.
        self.want_stories = False
        self.pm = build_plugin_manager(config)
        self.registry = build_registry(self.pm, config)
        for selector in cli_selectors:
            if not self.registry.is_known_selector(selector):
                raise UsageError(
                    f"unknown rule code or prefix {selector!r} (see 'newslint rules')"
                )
        self.selection = selection or resolve(self.registry, config)
        rules = self.registry.instantiate(list(self.selection.enabled), config)
        self.document_rules = [r for r in rules if isinstance(r, DocumentRule)]
        self.corpus_rules = [r for r in rules if isinstance(r, CorpusRule)]
        self._cache: Any = None
        #: Corpus rules that cannot fire in this run (too few articles).
        self._idle: frozenset[str] = frozenset()
        #: Story facts are in the cache, loaded per story (see STREAM_THRESHOLD).
        self._streaming = False
        self._by_path: dict[str, tuple[DocResult, Any]] = {}
        #: Temporary cache folder of a --no-cache run at archive scale.
        self._spill: str | None = None
        #: Articles read and parsed by the last run (cache hits excluded).
        self.parsed = 0
        #: Set by stories(): no findings wanted, so targets may come from the cache.
        self._grouping_only = False
        #: run() freezes bulk-built objects out of the cyclic GC (_gc_paused).
        self._freeze = False
        #: Records of articles recomputed after a cache miss, to write back.
        self._refilled: list[Any] = []

    # -- per document -------------------------------------------------------
    def process(self, source_path: str, raw: bytes, is_target: bool) -> DocResult:
        """Lint one article and extract its facts for the corpus pass."""
        doc = Document.from_bytes(source_path, raw, is_target=is_target)
        result = DocResult(source_path, is_target, doc.content_hash)
        if is_target:
            for rule in self.document_rules:
                result.findings.extend(_run(rule, doc, rule_check))
            result.suppressions = suppression.parse(doc.directive_text)
        for rule in self.corpus_rules:
            if rule.code not in self._idle:
                result.facts[rule.code] = _run(rule, doc, rule_extract)
        if self.corpus_rules or self.want_stories:
            result.story_key = self.pm.hook.story_key(document=doc)
            if result.story_key is None:
                from newslint.corpus import signature

                result.signature = signature(doc, self.config)
        return result

    # -- the whole run --------------------------------------------------------
    def run(self, sources: list[Any], jobs: int | None = None) -> RunResult:
        # Objects built in bulk leave the cyclic collector's view (_gc_paused)
        # until the next run starts: a one-run process (the CLI) exits without
        # the collector walking them again. Not when someone else froze objects.
        if _FROZEN[0]:
            _FROZEN[0] = False
            gc.unfreeze()
        self._freeze = gc.isenabled() and gc.get_freeze_count() == 0
        try:
            results = self._collect(sources, jobs)
            stories: list[Story] = []
            findings = [f for r in results for f in r.findings]
            if self.corpus_rules and results:
                stories = self._stories(results, sources)
                findings.extend(self.corpus_pass(stories))
        finally:
            if self._cache is not None:
                self._cache.close()
            self._by_path = {}
            self._drop_spill()
            self._freeze = False
        return self.finalize(results, findings, stories)

    def _drop_spill(self) -> None:
        if self._spill is not None:
            import shutil

            if self._cache is not None:
                self._cache.close()
            shutil.rmtree(self._spill, ignore_errors=True)
            self._spill = None

    # The steps of run() after the per-document pass, also used by the Dask
    # path (newslint/archive.py), so both give the same findings.
    def corpus_pass(self, stories: list[Story]) -> list[Finding]:
        """Cross-source findings: story-scope rules per story, then corpus-scope ones."""
        findings: list[Finding] = []
        for story in stories:
            findings.extend(self.story_findings(story))
        findings.extend(self.corpus_findings(stories))
        return findings

    def story_findings(self, story: Story) -> list[Finding]:
        """Findings of the story-scope corpus rules on one story (none without a target)."""
        findings: list[Finding] = []
        if not story.targets:
            return findings
        codes = self._story_codes()
        if self._streaming and codes:
            self._load_story_facts(story, codes)
        try:
            for rule in self.corpus_rules:
                if rule.scope == "corpus" or rule.code in self._idle:
                    continue
                findings.extend(
                    _guarded(rule, f"story {story.key!r}", rule.check_story, story)
                )
        finally:
            if self._streaming:
                for member in story.members:
                    for code in codes:
                        member.facts.pop(code, None)  # type: ignore[attr-defined]
        return findings

    def _story_codes(self) -> list[str]:
        return [
            r.code
            for r in self.corpus_rules
            if r.scope != "corpus" and r.code not in self._idle
        ]

    def _load_story_facts(self, story: Story, codes: list[str]) -> None:
        """Fill the members' facts from the cache (streaming runs)."""
        wanted = [
            self._by_path[m.path]
            for m in story.members
            if m.path in self._by_path and not all(c in m.facts for c in codes)
        ]
        if not wanted:
            return
        loaded = self._cache.facts([r.content_hash for r, _ in wanted], codes)
        for result, source in wanted:
            facts = loaded.get(result.content_hash, {})
            if all(code in facts for code in codes):
                result.facts.update({c: facts[c] for c in codes})
            else:  # a row went missing or does not decode: recompute
                self._refill(result, source, codes)
        self._store_refilled()

    def corpus_findings(self, stories: list[Story]) -> list[Finding]:
        """Findings of the corpus-scope rules, which see every story at once."""
        findings: list[Finding] = []
        for rule in self.corpus_rules:
            if rule.scope != "corpus" or rule.code in self._idle:
                continue
            findings.extend(_guarded(rule, "the corpus", rule.check_corpus, stories))
        return findings

    def finalize(
        self, results: list[DocResult], findings: list[Finding], stories: list[Story]
    ) -> RunResult:
        """Per-file ignores, suppression comments and sorting: the reported result."""
        by_path = {r.path: r for r in results}
        kept: list[Finding] = []
        suppressed = 0
        used: dict[
            str, set[tuple[int, str]]
        ] = {}  # path -> (directive index, code hidden)
        for finding in findings:
            owner = by_path.get(finding.path)
            if owner is None or not owner.is_target:
                continue
            if self.selection.ignored_for(finding.path, finding.code):
                continue
            if owner.suppressions.suppresses(finding.line, finding.code):
                suppressed += 1
                used.setdefault(finding.path, set()).update(
                    (index, finding.code)
                    for index in owner.suppressions.users(finding.line, finding.code)
                )
                continue
            kept.append(finding)
        # Rules that judge the suppression comments themselves (unused ones).
        # A rule too few articles kept idle cannot tell that its code is unused.
        enabled = frozenset(self.selection.enabled) - self._idle
        for rule in self.document_rules:
            judge = getattr(rule, "check_suppressions", None)
            if judge is None:
                continue
            for owner in results:
                if not (owner.is_target and owner.suppressions.directives):
                    continue
                for finding in judge(
                    owner.path, owner.suppressions, used.get(owner.path, set()), enabled
                ):
                    if not self.selection.ignored_for(finding.path, finding.code):
                        kept.append(finding)
        kept = sorted(set(kept), key=lambda f: f.sort_key)
        targets = sum(1 for r in results if r.is_target)
        return RunResult(kept, len(results), targets, stories, suppressed, self.parsed)

    def stories(self, sources: list[Any], jobs: int | None = None) -> list[Story]:
        """How ``sources`` group into stories (for ``newslint stories``)."""
        from newslint.corpus import SignatureUnavailable, group_stories

        self.want_stories = True
        self.document_rules = []
        self._grouping_only = True
        results = self._collect(sources, jobs)
        try:
            by_path = _SourceIndex(sources)
            while True:
                try:
                    return group_stories(results, self.config)
                except SignatureUnavailable as missing:  # noqa: PERF203 - a retry
                    self._reprocess(results, missing.signature, by_path)
        finally:
            if self._cache is not None:
                self._cache.close()

    # -- the fact cache ---------------------------------------------------------
    def _open_cache(self, directory: str | None = None) -> Any:
        from newslint import corpus
        from newslint._version import __version__
        from newslint.cache import FactCache, cache_directory

        return FactCache(
            directory or cache_directory(self.config),
            version=__version__,
            fingerprint=self.config.fingerprint,
            signature_version=corpus.SIGNATURE_VERSION,
            # A counting rule's facts come with counted rows: another key.
            rule_versions={
                r.code: str(r.version) + ("/counted" if _counts(r) else "")
                for r in self.corpus_rules
            },
        )

    def _collect(self, sources: list[Any], jobs: int | None) -> list[DocResult]:
        """Per-document results in source order; unchanged reference articles
        come from the fact cache without being read (facts loaded later)."""
        need_corpus = bool(self.corpus_rules) or self.want_stories
        self._streaming = False
        if not need_corpus:
            # Without corpus rules a reference article contributes nothing.
            sources = [s for s in sources if s.is_target]
        self._idle = frozenset(
            r.code for r in self.corpus_rules if r.min_articles > len(sources)
        )
        # One article alone gains nothing from the fact cache: targets are
        # always read, and nothing else would be looked up.
        use_cache = need_corpus and self.use_cache and len(sources) > 1
        cache = self._open_cache() if use_cache else None
        if (
            cache is None
            and need_corpus
            and len(sources) >= STREAM_THRESHOLD
            and not self._grouping_only
            and self._story_codes()
        ):
            # --no-cache at archive scale: stream through a throwaway cache.
            import tempfile

            self._spill = tempfile.mkdtemp(prefix="newslint-spill-")
            cache = self._open_cache(self._spill)
        self._cache = cache
        codes = [r.code for r in self.corpus_rules]
        results: dict[int, DocResult] = {}
        stats: dict[int, os.stat_result] = {}
        if cache is not None:
            with _gc_paused(self._freeze):
                self._from_cache(sources, cache, codes, results, stats)
        todo = [i for i in range(len(sources)) if i not in results]
        if need_corpus:
            from newslint import corpus
        processed = self._per_document([sources[i] for i in todo], jobs)
        story_codes = self._story_codes()
        # At archive scale story facts go to the cache as they come and are
        # let go at once; story_findings loads them back one story at a time.
        self._streaming = bool(
            cache is not None
            and story_codes
            and len(sources) >= STREAM_THRESHOLD
            and not self._grouping_only
        )
        records: list[Any] = []
        pending: list[DocResult] = []

        def flush() -> None:
            cache.store(records)
            if self._streaming and cache.enabled:
                for stored in pending:
                    for code in story_codes:
                        stored.facts.pop(code, None)
                    if stored.signature is not None:
                        stored.signature = corpus.compact_signature(stored.signature)
            records.clear()
            pending.clear()

        for index, result in zip(todo, processed, strict=True):
            texts = _facts_as_json(result)
            results[index] = result
            if cache is not None and sources[index].stdin is None:
                records.append(self._record(result, stats.get(index), texts))
                pending.append(result)
                if len(records) >= STORE_BATCH:
                    flush()
        self.parsed = len(todo)
        if cache is not None and records:
            flush()
        return [results[i] for i in range(len(sources))]

    def _from_cache(
        self,
        sources: list[Any],
        cache: Any,
        codes: list[str],
        results: dict[int, DocResult],
        stats: dict[int, os.stat_result],
    ) -> None:
        """Fill ``results`` with the unchanged articles the cache knows and
        ``stats`` with every file's stat (reused from discovery when taken)."""
        wanted: list[tuple[int, str, os.stat_result]] = []
        for index, source in enumerate(sources):
            if source.stdin is not None:
                continue
            stat = getattr(source, "stat", None)
            if stat is None:
                try:
                    stat = os.stat(source.path)
                except OSError:
                    continue  # read_source reports it
            stats[index] = stat
            # A target is read for its document rules and suppressions,
            # except when only grouping is wanted (newslint stories).
            if not source.is_target or self._grouping_only:
                wanted.append((index, source.path, stat))
        lookups: dict[int, str] = cache.hashes_for(wanted)
        found = cache.entries(lookups.values(), codes)
        if not found:
            return
        from newslint.corpus import StoredSignature

        # Grouping everything (newslint stories) decodes every signature:
        # fetched at once. A lint run fetches those grouping scores, lazily.
        texts = (
            cache.signature_texts(
                {d: found[d][2] for d in lookups.values() if d in found}
            )
            if self._grouping_only
            else {}
        )
        for index, digest in lookups.items():
            if digest in found:
                story_key, features, signed = found[digest]
                results[index] = _cached_result(
                    sources[index].path,
                    sources[index].is_target,
                    digest,
                    story_key,
                    None
                    if story_key is not None
                    else StoredSignature(
                        features,
                        text=texts.get(digest),
                        cache=cache,
                        digest=digest,
                        signed=signed,
                    ),
                )

    def _stories(self, results: list[DocResult], sources: list[Any]) -> list[Story]:
        """Group into stories, then load the cached facts the corpus pass needs:
        every article's for corpus-wide rules, else those of stories with a target."""
        from newslint.corpus import SignatureUnavailable, group, make_story

        by_path = _SourceIndex(sources)
        while True:
            try:
                with _gc_paused(self._freeze):
                    groups = group(results, self.config, targets_only=True)
                break
            except SignatureUnavailable as missing:
                # A cached signature is gone or damaged: read the article
                # again (and write it back), then group anew.
                self._reprocess(results, missing.signature, by_path)
        whole_codes = [r.code for r in self.corpus_rules if r.scope == "corpus"]
        story_codes = [r.code for r in self.corpus_rules if r.scope != "corpus"]
        in_target_stories = [
            r
            for _, members, _ in groups
            if any(m.is_target for m in members)
            for r in members
        ]
        # Corpus-wide rules need every article's facts; story rules only the
        # facts of stories that hold a target (the pre-commit case reads few),
        # and when streaming, only one story at a time (story_findings).
        if self._streaming:
            self._by_path = {r.path: (r, by_path[r.path]) for r in in_target_stories}
        # Counting rules need only the facts of the articles that carry a
        # target's key often enough to matter (the cache counts the keys).
        carriers: dict[str, dict[int, tuple[DocResult, set[str]]]] = {}
        for rule in self._counting_rules():
            found = self._carriers(rule, results)
            if found is not None:
                carriers[rule.code] = found
        wants: dict[int, tuple[DocResult, list[str]]] = {}
        every = [c for c in whole_codes if c not in carriers]
        if every:
            for result in results:
                if result.cached:
                    wants[id(result)] = (result, list(every))
        if not self._streaming and story_codes:
            for result in in_target_stories:
                if result.cached:
                    wants.setdefault(id(result), (result, []))[1].extend(story_codes)
        for code, found in carriers.items():
            for result, _ in found.values():
                wants.setdefault(id(result), (result, []))[1].append(code)
        self._load_cached_facts(wants, by_path)
        for rule in self._counting_rules():
            found = carriers.get(rule.code, {})
            if any(
                not keys <= set(_counted_keys(rule, result))
                for result, keys in found.values()
            ):
                # A counted row disagrees with the facts it indexes: load
                # every article's facts, as without the rows, and rewrite them.
                self._load_cached_facts(
                    {
                        id(r): (r, [rule.code])
                        for r in results
                        if r.cached and rule.code not in r.facts
                    },
                    by_path,
                )
                del carriers[rule.code]
        self._heal_counted(results, by_path, carriers)
        for result in results:
            result.cached = False
        with _gc_paused(self._freeze):
            return [make_story(key, members, why) for key, members, why in groups]

    def _load_cached_facts(
        self, wants: dict[int, tuple[DocResult, list[str]]], by_path: Any
    ) -> None:
        """Load the wanted codes of cached results (``id -> (result, codes)``);
        recompute what the cache cannot give back."""
        if not wants:
            return
        loaded: dict[str, dict[str, Any]] = {}
        for codes in {tuple(c) for _, c in wants.values()}:
            hashes = [r.content_hash for r, c in wants.values() if tuple(c) == codes]
            for digest, facts in self._cache.facts(hashes, codes).items():
                loaded.setdefault(digest, {}).update(facts)
        for result, codes in wants.values():
            facts = loaded.get(result.content_hash, {})
            if all(code in facts for code in codes):
                result.facts.update({c: facts[c] for c in codes})
            else:  # a row went missing or does not decode: recompute
                self._refill(result, by_path[result.path], codes)
        self._store_refilled()

    def _counting_rules(self) -> list[CorpusRule]:
        """Corpus-scope rules whose facts the cache counts (``counted_keys``)."""
        return [r for r in self.corpus_rules if _counts(r) and r.code not in self._idle]

    def _carriers(
        self, rule: CorpusRule, results: list[DocResult]
    ) -> dict[int, tuple[DocResult, set[str]]] | None:
        """``id(result) -> (result, the keys it carries)`` for the cached articles whose
        facts ``rule`` needs: those carrying a target's key that at least
        ``rule.min_count(total)`` articles of the run carry. None: load every
        article's facts (no usable cache rows, or a target came from the cache)."""
        cache = self._cache
        cached = [r for r in results if r.cached]
        if not cached:
            return {}
        if cache is None or not cache.enabled:
            return None
        counts: dict[str, int] = {}
        target_keys: set[str] = set()
        for result in results:
            if result.cached:
                if result.is_target:
                    return None
                continue
            if rule.code not in result.facts:
                return None
            keys = set(_counted_keys(rule, result))
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
            if result.is_target:
                target_keys |= keys
        if not target_keys:
            return {}
        copies: dict[str, list[DocResult]] = {}
        for result in cached:
            copies.setdefault(result.content_hash, []).append(result)
        found = cache.carriers(rule.code, copies, target_keys)
        if found is None:
            return None
        need = rule.min_count(len(results))  # type: ignore[attr-defined]
        out: dict[int, tuple[DocResult, set[str]]] = {}
        for key in target_keys:
            hashes = found.get(key, ())
            total = counts.get(key, 0) + sum(len(copies[h]) for h in hashes)
            if total >= need:
                for digest in hashes:
                    for result in copies[digest]:
                        out.setdefault(id(result), (result, set()))[1].add(key)
        return out

    def _heal_counted(
        self,
        results: list[DocResult],
        by_path: Any,
        trusted: dict[str, Any],
    ) -> None:
        """Rewrite the counted rows of a counting rule whose rows were not
        trusted this run (every article's facts are loaded by now)."""
        cache = self._cache
        if cache is None or not cache.enabled or not any(r.cached for r in results):
            return
        for rule in self._counting_rules():
            if rule.scope != "corpus" or rule.code in trusted:
                continue
            keys = {
                r.content_hash: _counted_keys(rule, r)
                for r in results
                if rule.code in r.facts and by_path[r.path].stdin is None
            }
            cache.rewrite_counted(rule.code, keys)

    def _refill(self, result: DocResult, source: Any, codes: list[str]) -> None:
        """Recompute facts the cache could not give back, and write them back
        (with the entry) so the next run finds them."""
        fresh = self.process(source.path, read_source(source), False)
        texts = _facts_as_json(fresh)
        self.parsed += 1
        result.facts.update({c: fresh.facts[c] for c in codes if c in fresh.facts})
        if fresh.content_hash == result.content_hash and source.stdin is None:
            self._refilled.append(self._record(fresh, None, texts))

    def _reprocess(
        self, results: list[DocResult], signature: Any, by_path: Any
    ) -> None:
        """Read again every cached article whose stored signature is
        ``signature`` (it could not be fetched or decoded), as a cache miss."""
        for result in results:
            if result.signature is not signature:
                continue
            source = by_path[result.path]
            fresh = self.process(source.path, read_source(source), result.is_target)
            texts = _facts_as_json(fresh)
            self.parsed += 1
            result.content_hash = fresh.content_hash
            result.story_key = fresh.story_key
            result.signature = fresh.signature
            result.facts.clear()
            result.facts.update(fresh.facts)
            result.cached = False
            if source.stdin is None:
                self._refilled.append(self._record(fresh, None, texts))
        self._store_refilled()

    def _store_refilled(self) -> None:
        if self._refilled and self._cache is not None and self._cache.enabled:
            self._cache.store(self._refilled)
        self._refilled = []

    def _record(self, result: DocResult, stat: Any, texts: dict[str, str]) -> Any:
        """The cache record of a freshly processed article."""
        from newslint.cache import Record
        from newslint.corpus import index_features

        return Record(
            result.path,
            stat,
            result.content_hash,
            result.story_key,
            result.signature,
            texts,
            {
                rule.code: _counted_keys(rule, result)
                for rule in self._counting_rules()
                if rule.code in result.facts
            },
            index_features(result.signature),
        )

    def _per_document(
        self, sources: list[Any], jobs: int | None
    ) -> Iterator[DocResult]:
        if jobs is None:
            jobs = (os.cpu_count() or 1) if len(sources) >= PARALLEL_THRESHOLD else 1
        if jobs <= 1 or len(sources) < 2:
            for source in sources:
                yield self.process(source.path, read_source(source), source.is_target)
            return
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(64, len(sources) // (jobs * 4) or 1))
        with ProcessPoolExecutor(
            max_workers=jobs,
            initializer=_init_worker,
            initargs=(self.config, self.selection),
        ) as pool:
            yield from pool.map(_work, sources, chunksize=chunk)


def _facts_as_json(result: DocResult) -> dict[str, str]:
    """Round-trip a result's facts through JSON (the corpus-rule contract), so
    rules see the same values whether facts were just extracted or cached."""
    import json

    texts: dict[str, str] = {}
    for code, facts in result.facts.items():
        try:
            texts[code] = json.dumps(facts, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise PluginError(
                f"rule {code} returned facts that are not JSON-able for"
                f" {result.path}: {exc}"
            ) from None
        result.facts[code] = json.loads(texts[code])
    return texts


@contextmanager
def _gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while building many long-lived, acyclic
    objects (10,000 cached entries, stories): each collection would walk every
    object built so far, again as they age (a fifth of a warm pre-commit run).
    ``freeze``: then move them out of the collector's view (``gc.freeze``);
    the next Linter.run gives them back (``gc.unfreeze``) before it starts,
    so what became garbage meanwhile is collected then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
                _FROZEN[0] = True
            gc.enable()


#: True while objects a run froze (_gc_paused) are out of the collector's view.
_FROZEN = [False]


class _SourceIndex:
    """``path -> Source``, built on first use (most runs never look one up)."""

    def __init__(self, sources: list[Any]) -> None:
        self._sources = sources
        self._index: dict[str, Any] | None = None

    def __getitem__(self, path: str) -> Any:
        if self._index is None:
            self._index = {s.path: s for s in self._sources}
        return self._index[path]


def _counts(rule: Rule) -> bool:
    """True for a corpus rule that lets the cache count its keys (docs/plugins.md)."""
    return (
        isinstance(rule, CorpusRule)
        and rule.scope == "corpus"
        and callable(getattr(rule, "counted_keys", None))
        and callable(getattr(rule, "min_count", None))
    )


def _counted_keys(rule: CorpusRule, result: DocResult) -> list[str]:
    """The rule's counted keys of one article's facts (a crash: PluginError)."""
    keys = _guarded(
        rule,
        result.path,
        rule.counted_keys,  # type: ignore[attr-defined]
        result.facts.get(rule.code),
    )
    if not all(isinstance(k, str) for k in keys):
        raise PluginError(
            f"rule {rule.code} ({rule.plugin_name or 'plugin'}) returned counted"
            f" keys that are not strings for {result.path}"
        )
    return keys


def read_source(source: Any) -> bytes:
    if source.stdin is not None:
        return bytes(source.stdin)
    try:
        with open(source.path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{source.path}: cannot read: {exc.strerror}") from None


def rule_check(rule: Rule, doc: Document) -> list[Finding]:
    assert isinstance(rule, DocumentRule)
    return list(rule.check(doc))


def rule_extract(rule: Rule, doc: Document) -> Any:
    assert isinstance(rule, CorpusRule)
    return rule.extract(doc)


def _guarded(rule: Rule, where: str, check: Any, subject: Any) -> list[Finding]:
    """``list(check(subject))``; a crash is a one-line PluginError naming the rule."""
    try:
        return list(check(subject))
    except Exception as exc:  # noqa: BLE001 - a crashing rule is a PluginError
        raise PluginError(
            f"rule {rule.code} ({rule.plugin_name or 'plugin'}) crashed"
            f" on {where}: {type(exc).__name__}: {exc}"
        ) from None


def _run(rule: Rule, doc: Document, step: Any) -> Any:
    try:
        return step(rule, doc)
    except Exception as exc:  # noqa: BLE001 - a crashing rule is a PluginError
        raise PluginError(
            f"rule {rule.code} ({rule.plugin_name or 'plugin'}) crashed on"
            f" {doc.path}: {type(exc).__name__}: {exc}"
        ) from None


_WORKER: Linter | None = None


def _init_worker(config: Config, selection: Selection) -> None:
    global _WORKER
    _WORKER = Linter(config, selection)


def _work(source: Any) -> DocResult:
    assert _WORKER is not None
    return _WORKER.process(source.path, read_source(source), source.is_target)


def iter_findings(results: Iterable[DocResult]) -> Iterator[Finding]:
    for result in results:
        yield from result.findings


__all__ = ["DocResult", "Linter", "Member", "RunResult", "Story"]

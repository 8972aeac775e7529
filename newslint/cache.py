"""The fact cache (DESIGN section 6): an embedded SQLite database.

What is stored, per article *content hash*:

* ``entries``: the story key and the grouping signature, under a key made of
  the newslint version, the config fingerprint and the signature version,
  with the signature's index features (the words grouping looks candidates
  up by) in a column of their own, the signature's digest, and a checksum
  over story key, features and digest: a run reads 10,000 rows' features
  from a narrow index and checks their checksums without touching one
  signature; grouping fetches the signatures of the articles it scores
  (``signature_text``), each checked against its digest;
* ``facts``: each corpus rule's extracted facts, under a key made of the
  newslint version, the config fingerprint, the rule's code and ``version``;
* ``files``: ``(path, size, mtime_ns) -> content hash``, so an unchanged
  reference article is not even read. A stat entry is trusted only when the
  file's mtime is safely older than the moment it was recorded (a file
  rewritten within the same clock tick is re-read);
* ``counted`` and ``counted_sizes``: for a corpus rule that counts keys across
  the run (``counted_keys``, docs/plugins.md), each article's keys, one row
  per (fact key, item, hash) with the number of keys per article beside them,
  written in the same transaction as the facts. A run asks SQLite which
  articles carry its targets' keys instead of decoding every article's facts.

Housekeeping: the ``keys`` table records when each entry/fact key was last
used. At most once a day (a ``last-prune`` marker file) a run that wrote to
the cache deletes rows under keys unused for 30 days (old newslint versions,
old configs or rule versions), rows of content no tracked file holds any more
(earlier versions of edited articles), and stat rows of deleted files, so the
cache does not grow with every edit and upgrade.

Safety: WAL journal, a busy timeout, every write batch in one transaction
(``BEGIN IMMEDIATE``), so concurrent runs and a killed run leave a
consistent database. A file that is not our database (garbage, another
schema or application, a table missing) is deleted and rebuilt; a row that
does not decode is a miss. Counted rows are checked before use: every article
asked about must have its size row, and the rows under the rule's key must
add up to the sizes; if not, the engine loads every article's facts as
without the table and rewrites the rows (``rewrite_counted``). Any SQLite
error during a run turns the cache off for that run: the cache can make a
run faster, never wrong.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from typing import Any

from newslint.hashing import blake2b

#: Bump when the tables change; a database with another value is rebuilt.
SCHEMA_VERSION = 5
#: "NWSL" in ASCII: marks the file as a newslint cache.
APPLICATION_ID = 0x4E57534C
DB_NAME = "facts.sqlite3"
#: A stat entry recorded less than this long after the file's mtime is not trusted.
RACY_NS = 2_000_000_000
_BATCH = 500
#: From this many articles on, ``entries`` reads every row under the run's
#: keys (one range scan each) instead of looking hashes up 900 at a time.
SCAN_FROM = 1000
#: Keys unused this long are pruned, with their rows.
KEY_TTL_NS = 30 * 24 * 3600 * 1_000_000_000
#: At most one pruning pass per this interval (marker file's mtime).
PRUNE_EVERY_S = 24 * 3600
PRUNE_MARKER = "last-prune"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL, recorded_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
    hash TEXT NOT NULL, key TEXT NOT NULL, story_key TEXT, signature TEXT NOT NULL,
    features TEXT NOT NULL, digest TEXT NOT NULL, checksum TEXT NOT NULL,
    PRIMARY KEY (key, hash)
);
CREATE INDEX IF NOT EXISTS entries_scan
    ON entries (key, hash, story_key, features, digest, checksum);
CREATE TABLE IF NOT EXISTS facts (
    hash TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (hash, key)
);
CREATE INDEX IF NOT EXISTS facts_by_key ON facts (key, hash);
CREATE TABLE IF NOT EXISTS keys (
    key TEXT PRIMARY KEY, used_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS counted (
    key TEXT NOT NULL, item TEXT NOT NULL, hash TEXT NOT NULL,
    PRIMARY KEY (key, item, hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS complete (
    combo TEXT NOT NULL, hash TEXT NOT NULL,
    PRIMARY KEY (combo, hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counted_sizes (
    key TEXT NOT NULL, hash TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, hash)
) WITHOUT ROWID;
"""
#: Tables a valid database holds (one missing: rebuilt).
_TABLES = frozenset(
    {"files", "entries", "facts", "counted", "counted_sizes", "complete"}
)


def _digest(*parts: str) -> str:
    return blake2b("\0".join(parts).encode(), digest_size=8).hexdigest()


class FactCache:
    """One run's handle on the cache database (use from one process only)."""

    def __init__(
        self,
        directory: str | os.PathLike[str],
        *,
        version: str,
        fingerprint: str,
        signature_version: str,
        rule_versions: dict[str, str],
    ) -> None:
        self.directory = os.fspath(directory)
        self.path = os.path.join(self.directory, DB_NAME)
        self.entry_key = _digest("entry", version, fingerprint, signature_version)
        self.fact_keys = {
            code: _digest("facts", version, fingerprint, code, rule_version)
            for code, rule_version in rule_versions.items()
        }
        self.enabled = True
        #: Why the cache was rebuilt or turned off (for tests and --verbose use).
        self.events: list[str] = []
        self._db: sqlite3.Connection | None = None
        self._stat_rows: dict[str, tuple[int, int, str, int]] | None = None

    # -- opening ---------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if not self.enabled:
            return None
        if self._db is not None:
            return self._db
        try:
            os.makedirs(self.directory, exist_ok=True)
            _mark_directory(self.directory)
            db = self._open_checked()
        except (OSError, sqlite3.Error) as exc:
            self._disable(f"cache unavailable: {exc}")
            return None
        self._db = db
        return db

    def _open_checked(self) -> sqlite3.Connection:
        try:
            db = self._open()
            if self._valid(db):
                return db
            db.close()
            self.events.append("rebuilt: foreign version or schema")
        except sqlite3.DatabaseError as exc:
            self.events.append(f"rebuilt: {exc}")
        self._remove_files()
        db = self._open()
        if not self._valid(db):
            db.close()
            raise sqlite3.DatabaseError("cannot create the cache database")
        return db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def _valid(self, db: sqlite3.Connection) -> bool:
        """True for our schema; initialises an empty database."""
        app = db.execute("PRAGMA application_id").fetchone()[0]
        user = db.execute("PRAGMA user_version").fetchone()[0]
        if app == APPLICATION_ID and user == SCHEMA_VERSION:
            tables = {
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                )
            }
            return _TABLES.issubset(tables)
        if app == 0 and user == 0:
            has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if has_tables:
                return False
            with _transaction(db):
                # Another process may have initialised it meanwhile.
                if db.execute("PRAGMA application_id").fetchone()[0] == 0:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return True
        return False

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(str(self.path) + suffix)

    def _disable(self, why: str) -> None:
        self.enabled = False
        self.events.append(why)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # -- reading -----------------------------------------------------------------
    def hash_for(self, path: str, stat: os.stat_result) -> str | None:
        """The content hash recorded for an unchanged file, else None."""
        return self.hashes_for([(path, path, stat)]).get(path)

    def hashes_for(
        self, files: Iterable[tuple[Any, str, os.stat_result]]
    ) -> dict[Any, str]:
        """``hash_for`` of many files at once: ``(id, path, stat)`` in,
        ``id -> content hash`` out for the unchanged ones."""
        rows = self._stats()
        found: dict[Any, str] = {}
        for ident, path, stat in files:
            row = rows.get(_key_path(path))
            if row is None:
                continue
            size, mtime_ns, digest, recorded_ns = row
            if (
                size == stat.st_size
                and mtime_ns == stat.st_mtime_ns
                and recorded_ns - mtime_ns >= RACY_NS
            ):
                found[ident] = digest
        return found

    def _stats(self) -> dict[str, tuple[int, int, str, int]]:
        if self._stat_rows is None:
            self._stat_rows = {}
            db = self._connect()
            if db is not None:
                try:
                    for path, size, mtime_ns, digest, recorded in db.execute(
                        "SELECT path, size, mtime_ns, hash, recorded_ns FROM files"
                    ):
                        self._stat_rows[path] = (size, mtime_ns, digest, recorded)
                except sqlite3.Error as exc:
                    self._disable(f"cache read failed: {exc}")
        return self._stat_rows

    def entries(
        self, hashes: Iterable[str], codes: Iterable[str]
    ) -> dict[str, tuple[str | None, list[str], str]]:
        """``hash -> (story_key, index features, signature digest)`` for
        hashes whose entry *and* facts of every rule in ``codes`` are cached
        (facts are loaded later; the signature with ``signature_text``). A
        row whose checksum does not match its columns is a miss.

        Completeness comes from the ``complete`` markers of this set of rules
        (one scan); a hash without one is checked against the facts rows
        (and marked when they are all there)."""
        db = self._connect()
        wanted = set(hashes)
        if db is None or not wanted:
            return {}
        codes = list(codes)
        fact_keys = [self.fact_keys[c] for c in codes]
        combo = self._combo(codes)
        found: dict[str, tuple[str | None, list[str], str]] = {}
        columns = "hash, story_key, features, digest, checksum"
        try:
            if len(wanted) >= SCAN_FROM:
                rows = [
                    row
                    for row in db.execute(
                        f"SELECT {columns} FROM entries WHERE key = ?",
                        (self.entry_key,),
                    )
                    if row[0] in wanted
                ]
                marked = {
                    digest
                    for (digest,) in db.execute(
                        "SELECT hash FROM complete WHERE combo = ?", (combo,)
                    )
                }
            else:
                rows, marked = [], set()
                for chunk, marks in _in_chunks(sorted(wanted)):
                    rows += db.execute(
                        f"SELECT {columns} FROM entries WHERE key = ?"
                        f" AND hash IN ({marks})",
                        [self.entry_key, *chunk],
                    ).fetchall()
                    marked.update(
                        digest
                        for (digest,) in db.execute(
                            f"SELECT hash FROM complete WHERE combo = ?"
                            f" AND hash IN ({marks})",
                            [combo, *chunk],
                        )
                    )
            unmarked = [row[0] for row in rows if row[0] not in marked]
            if unmarked and fact_keys:
                newly = self._complete(db, unmarked, fact_keys)
                if newly:
                    with _transaction(db):
                        db.executemany(
                            "INSERT OR IGNORE INTO complete VALUES (?, ?)",
                            [(combo, digest) for digest in newly],
                        )
                marked |= newly
            elif unmarked:
                marked.update(unmarked)
        except sqlite3.Error as exc:
            self._disable(f"cache read failed: {exc}")
            return {}
        for digest, story_key, features, signed, checksum in rows:
            if digest not in marked:
                continue
            if not (
                isinstance(features, str)
                and isinstance(signed, str)
                and checksum == _checksum(story_key, features, signed)
            ):
                continue
            found[digest] = (
                story_key,
                features.split("\n") if features else [],
                signed,
            )
        return found

    def signature_texts(self, signed: dict[str, str]) -> dict[str, str]:
        """``signature_text`` of many hashes at once (``hash -> digest`` in)."""
        db = self._connect()
        if db is None or not signed:
            return {}
        out: dict[str, str] = {}
        try:
            if len(signed) >= SCAN_FROM:
                rows = db.execute(
                    "SELECT hash, signature FROM entries WHERE key = ?",
                    (self.entry_key,),
                ).fetchall()
            else:
                rows = []
                for chunk, marks in _in_chunks(sorted(signed)):
                    rows += db.execute(
                        f"SELECT hash, signature FROM entries WHERE key = ?"
                        f" AND hash IN ({marks})",
                        [self.entry_key, *chunk],
                    ).fetchall()
        except sqlite3.Error as exc:
            self._disable(f"cache read failed: {exc}")
            return {}
        for digest, text in rows:
            want = signed.get(digest)
            if want is not None and isinstance(text, str) and _sign(text) == want:
                out[digest] = text
        return out

    def signature_text(self, digest: str, signed: str) -> str | None:
        """The JSON text of the signature stored for content ``digest``, if it
        still hashes to ``signed`` (the digest ``entries`` gave); else None."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute(
                "SELECT signature FROM entries WHERE key = ? AND hash = ?",
                (self.entry_key, digest),
            ).fetchone()
        except sqlite3.Error as exc:
            self._disable(f"cache read failed: {exc}")
            return None
        if row is None or not isinstance(row[0], str) or _sign(row[0]) != signed:
            return None
        return row[0]

    def _combo(self, codes: Iterable[str]) -> str:
        """The key of the ``complete`` markers for an entry plus these rules' facts."""
        return _digest(
            "complete", self.entry_key, *sorted(self.fact_keys[c] for c in codes)
        )

    @staticmethod
    def _complete(
        db: sqlite3.Connection, hashes: list[str], fact_keys: list[str]
    ) -> set[str]:
        """The hashes that have a facts row under every key of ``fact_keys``."""
        key_marks = ",".join("?" * len(fact_keys))
        out: set[str] = set()
        if len(hashes) >= SCAN_FROM:
            wanted = set(hashes)
            out.update(
                digest
                for (digest,) in db.execute(
                    f"SELECT hash FROM facts WHERE key IN ({key_marks})"
                    " GROUP BY hash HAVING count(*) = ?",
                    [*fact_keys, len(fact_keys)],
                )
                if digest in wanted
            )
            return out
        for chunk, marks in _in_chunks(hashes):
            out.update(
                digest
                for (digest,) in db.execute(
                    f"SELECT hash FROM facts WHERE key IN ({key_marks})"
                    f" AND hash IN ({marks}) GROUP BY hash HAVING count(*) = ?",
                    [*fact_keys, *chunk, len(fact_keys)],
                )
            )
        return out

    def facts(
        self, hashes: Iterable[str], codes: Iterable[str]
    ) -> dict[str, dict[str, Any]]:
        """``hash -> {code: facts}``; undecodable rows are left out (a miss)."""
        db = self._connect()
        wanted = list(dict.fromkeys(hashes))
        codes = list(codes)
        if db is None or not wanted or not codes:
            return {}
        by_key = {self.fact_keys[c]: c for c in codes}
        out: dict[str, dict[str, Any]] = {}
        try:
            key_marks = ",".join("?" * len(by_key))
            for chunk, marks in _in_chunks(wanted):
                rows = db.execute(
                    f"SELECT hash, key, data FROM facts WHERE key IN ({key_marks})"
                    f" AND hash IN ({marks})",
                    [*by_key, *chunk],
                ).fetchall()
                decoded = _decode_all([row[2] for row in rows])
                for (digest, key, _), data in zip(rows, decoded, strict=True):
                    if data is not _UNDECODABLE:
                        out.setdefault(digest, {})[by_key[key]] = data
        except sqlite3.Error as exc:
            self._disable(f"cache read failed: {exc}")
            return {}
        return out

    def carriers(
        self, code: str, hashes: Iterable[str], items: Iterable[str]
    ) -> dict[str, set[str]] | None:
        """``item -> hashes`` (of ``hashes``) whose counted keys for rule
        ``code`` include the item; None when the rows cannot be trusted.

        Trusted means: every hash has its size row, and the rows under the
        rule's key add up to the sizes (a lost, extra or half-written row
        shows). Read in one transaction, so a concurrent writer is seen
        entirely or not at all.
        """
        db = self._connect()
        if db is None or code not in self.fact_keys:
            return None
        key = self.fact_keys[code]
        wanted = set(hashes)
        items = list(dict.fromkeys(items))
        out: dict[str, set[str]] = {}
        try:
            db.execute("BEGIN")
            try:
                sized = {
                    digest
                    for (digest,) in db.execute(
                        "SELECT hash FROM counted_sizes WHERE key = ?", (key,)
                    )
                }
                if not wanted <= sized:
                    return None
                rows, total = db.execute(
                    "SELECT (SELECT count(*) FROM counted WHERE key = ?),"
                    " (SELECT coalesce(sum(n), 0) FROM counted_sizes WHERE key = ?)",
                    (key, key),
                ).fetchone()
                if rows != total:
                    return None
                for chunk, marks in _in_chunks(items):
                    for item, digest in db.execute(
                        f"SELECT item, hash FROM counted WHERE key = ?"
                        f" AND item IN ({marks})",
                        [key, *chunk],
                    ):
                        if digest in wanted:
                            out.setdefault(item, set()).add(digest)
            finally:
                db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._disable(f"cache read failed: {exc}")
            return None
        return out

    def rewrite_counted(self, code: str, keys: dict[str, Iterable[str]]) -> None:
        """Replace every counted row of rule ``code`` with ``keys``
        (``hash -> the article's keys``), after rows failed their check.
        Facts of other articles lose their rows, so they go too (a miss)."""
        db = self._connect()
        if db is None or code not in self.fact_keys:
            return
        key = self.fact_keys[code]
        rows = [(key, item, digest) for digest, items in keys.items() for item in items]
        sizes = [(key, digest, len(set(items))) for digest, items in keys.items()]
        try:
            with _transaction(db):
                db.execute("DELETE FROM counted WHERE key = ?", (key,))
                db.execute("DELETE FROM counted_sizes WHERE key = ?", (key,))
                db.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS kept (hash TEXT PRIMARY KEY)"
                )
                db.execute("DELETE FROM kept")
                db.executemany(
                    "INSERT OR IGNORE INTO kept VALUES (?)", [(h,) for h in keys]
                )
                db.execute(
                    "DELETE FROM facts WHERE key = ? AND hash NOT IN (SELECT hash FROM kept)",
                    (key,),
                )
                db.execute(
                    "DELETE FROM complete WHERE hash NOT IN (SELECT hash FROM kept)"
                )
                db.execute("DELETE FROM kept")
                db.executemany("INSERT OR IGNORE INTO counted VALUES (?, ?, ?)", rows)
                db.executemany("INSERT INTO counted_sizes VALUES (?, ?, ?)", sizes)
        except sqlite3.Error as exc:
            self._disable(f"cache write failed: {exc}")
            return
        self.events.append(f"counted rows of {code} rewritten")

    # -- writing -----------------------------------------------------------------
    def store(self, records: Iterable[Record]) -> None:
        """Write records in batches, each batch one transaction."""
        db = self._connect()
        if db is None:
            return
        now = time.time_ns()
        batch: list[Record] = []
        for record in records:
            batch.append(record)
            if len(batch) >= _BATCH:
                self._write(db, batch, now)
                batch = []
                if not self.enabled:
                    return
        if batch:
            self._write(db, batch, now)
        if self.enabled:
            self._housekeeping(db, now)

    def _housekeeping(self, db: sqlite3.Connection, now: int) -> None:
        """Mark this run's keys as used; prune stale rows once a day."""
        keys = [self.entry_key, *self.fact_keys.values(), self._combo(self.fact_keys)]
        marker = os.path.join(self.directory, PRUNE_MARKER)
        try:
            due = time.time() - os.stat(marker).st_mtime >= PRUNE_EVERY_S
        except OSError:
            due = True
        try:
            db.execute(
                "CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY, used_ns INTEGER NOT NULL)"
            )
            with _transaction(db):
                db.executemany(
                    "INSERT OR REPLACE INTO keys VALUES (?, ?)",
                    [(k, now) for k in keys],
                )
                if due:
                    self._prune(db, now)
        except sqlite3.Error as exc:
            self._disable(f"cache housekeeping failed: {exc}")
            return
        if due:
            with contextlib.suppress(OSError):
                with open(marker, "a"):
                    pass
                os.utime(marker)  # touch
            self.events.append("pruned")

    def _prune(self, db: sqlite3.Connection, now: int) -> None:
        db.execute("DELETE FROM keys WHERE used_ns < ?", (now - KEY_TTL_NS,))
        gone = [
            (path,)
            for (path,) in db.execute("SELECT path FROM files")
            if not os.path.exists(path)
        ]
        db.executemany("DELETE FROM files WHERE path = ?", gone)
        for table, key in (
            ("entries", "key"),
            ("facts", "key"),
            ("counted", "key"),
            ("counted_sizes", "key"),
            ("complete", "combo"),
        ):
            db.execute(
                f"DELETE FROM {table} WHERE {key} NOT IN (SELECT key FROM keys)"
                " OR hash NOT IN (SELECT hash FROM files)"
            )

    def _write(self, db: sqlite3.Connection, batch: list[Record], now: int) -> None:
        files, entries, facts = [], [], []
        counted: list[tuple[str, str, str]] = []
        sizes: list[tuple[str, str, int]] = []
        complete: list[tuple[str, str]] = []
        combo = self._combo(self.fact_keys)
        for r in batch:
            if all(code in r.facts for code in self.fact_keys):
                complete.append((combo, r.hash))
            if r.stat is not None:
                files.append(
                    (_key_path(r.path), r.stat.st_size, r.stat.st_mtime_ns, r.hash, now)
                )
            signature = json.dumps(r.signature)
            features = "\n".join(r.features)
            signed = _sign(signature)
            entries.append(
                (
                    r.hash,
                    self.entry_key,
                    r.story_key,
                    signature,
                    features,
                    signed,
                    _checksum(r.story_key, features, signed),
                )
            )
            for code, data in r.facts.items():
                if code in self.fact_keys:
                    facts.append((r.hash, self.fact_keys[code], data))
            for code, items in r.counted.items():
                if code in self.fact_keys and code in r.facts:
                    key = self.fact_keys[code]
                    unique = set(items)
                    sizes.append((key, r.hash, len(unique)))
                    counted.extend((key, item, r.hash) for item in unique)
        try:
            with _transaction(db):
                db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", files
                )
                db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                    entries,
                )
                db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?)", facts)
                # An article's counted rows are replaced whole, with its size.
                db.executemany(
                    "DELETE FROM counted WHERE key = ? AND hash = ?",
                    [(key, digest) for key, digest, _ in sizes],
                )
                db.executemany(
                    "INSERT OR IGNORE INTO counted VALUES (?, ?, ?)", counted
                )
                db.executemany(
                    "INSERT OR REPLACE INTO counted_sizes VALUES (?, ?, ?)", sizes
                )
                # Entry and every rule's facts written: complete (entries()).
                db.executemany("INSERT OR IGNORE INTO complete VALUES (?, ?)", complete)
        except sqlite3.Error as exc:
            self._disable(f"cache write failed: {exc}")


class Record:
    """What one processed article contributes to the cache."""

    __slots__ = (
        "counted",
        "facts",
        "features",
        "hash",
        "path",
        "signature",
        "stat",
        "story_key",
    )

    def __init__(
        self,
        path: str,
        stat: os.stat_result | None,
        digest: str,
        story_key: str | None,
        signature: Any,
        facts: dict[str, str],
        counted: dict[str, list[str]] | None = None,
        features: list[str] | None = None,
    ) -> None:
        self.path = path
        self.stat = stat
        self.hash = digest
        self.story_key = story_key
        self.signature = signature
        #: ``code -> JSON text`` of the rule's facts.
        self.facts = facts
        #: ``code -> keys`` of counting rules (``counted_keys`` of the facts).
        self.counted = counted or {}
        #: The signature's index features (``corpus.index_features``).
        self.features = features or []


#: Marks a stored JSON text that does not decode (a miss, never an error).
_UNDECODABLE = object()


def _decode_all(texts: list[str]) -> list[Any]:
    """``json.loads`` of every text, in one parse when all are sound.

    Thousands of small decodes cost more in call overhead than in parsing;
    joined into one array they parse in one C call. Each stored text is one
    JSON value, so the array must have exactly one element per text; if not,
    or if anything fails, every text is decoded alone and a bad one becomes
    ``_UNDECODABLE``.
    """
    if not texts:
        return []
    try:
        values = json.loads("[" + ",".join(texts) + "]")
        if isinstance(values, list) and len(values) == len(texts):
            return values
    except (TypeError, ValueError):
        pass
    out: list[Any] = []
    for text in texts:
        try:
            out.append(json.loads(text))
        except (TypeError, ValueError):  # noqa: PERF203
            out.append(_UNDECODABLE)
    return out


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (``BEGIN IMMEDIATE``), rolled back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _checksum(story_key: str | None, features: str, signed: str) -> str:
    """What an entry row's story key, features and signature digest must hash
    to (a damaged row is a miss)."""
    marked = "\1" if story_key is None else "\2" + story_key
    return blake2b(
        f"{marked}\0{features}\0{signed}".encode(), digest_size=8
    ).hexdigest()


def _sign(signature: str) -> str:
    """The digest of a signature's JSON text (checked when it is fetched)."""
    return blake2b(signature.encode(), digest_size=8).hexdigest()


def _key_path(path: str) -> str:
    """``os.path.abspath(path)``; a path that is absolute and normal already
    (no empty, ``.`` or ``..`` part, no trailing slash) is returned as is."""
    if (
        os.sep == "/"
        and path.startswith("/")
        and not path.endswith("/")
        and "//" not in path
        and "/." not in path
    ):
        return path
    return os.path.abspath(path)


def _in_chunks(items: list[str], size: int = 900) -> Iterable[tuple[list[str], str]]:
    """``items`` in chunks that stay under SQLite's limit of bound variables,
    each with its ``?,?,…`` placeholders for an ``IN (…)`` clause."""
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        yield chunk, ",".join("?" * len(chunk))


def _mark_directory(directory: str) -> None:
    """Keep the cache out of git and backups, like other tools' caches."""
    ignore = os.path.join(directory, ".gitignore")
    if not os.path.exists(ignore):
        try:
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write("# Created by newslint automatically.\n*\n")
            tag = os.path.join(directory, "CACHEDIR.TAG")
            with open(tag, "w", encoding="utf-8") as handle:
                handle.write(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This file is a cache directory tag created by newslint.\n"
                )
        except OSError:
            pass


def cache_directory(config: Any) -> str:
    """``cache-dir`` resolved against the config folder (cwd without a config)."""
    path = os.path.expanduser(config.cache_dir)
    if not os.path.isabs(path):
        path = os.path.join(config.root, path)
    return path


__all__ = ["FactCache", "Record", "cache_directory"]

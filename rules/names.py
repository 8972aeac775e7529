"""NN: names spelled otherwise than the story's other sources or the house list.

Every article's proper-name mentions (``newslint.text.names``) are its facts.
Within a story, name words that look alike (rapidfuzz similarity) are paired,
unless they are a word and its derived form (Russia/Russian), British and
American spellings (Organisation/Organization), variants the house lists as
equivalent, or two words that are both well attested in general English
(wordfreq), which makes them two different names (Khamenei/Khomeini, While/
White). A pair is *directed* when one spelling has the majority: more sources
write it (or the house name list has it), or, in an article that writes both,
more mentions. A mention is reported when its words align, word by word, with
a mention of the majority spelling (same words, or look-alikes), so "Recep
Tyyip Erdan" is reported against "Recep Tayyip Erdogan", while "Anna Kovac"
stays silent against "Peter Kovacs" (another first name: another person).

House name list (config)::

    [names]
    known = ["Recep Tayyip Erdogan", "Volodymyr Zelenskyy"]
    known-file = "names.txt"          # one name a line, relative to the config
    equivalent = [["Zelensky", "Zelenskyy"], ["Kyiv", "Kiev"]]
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from newslint import (
    CorpusRule,
    Document,
    DocumentRule,
    Finding,
    Related,
    Severity,
    Story,
    hookimpl,
    rule_options,
)
from newslint.text.names import (
    FUNCTION_WORDS,
    Mention,
    common_words,
    is_title,
    mentions,
    one_slip,
)


def _words(text: str) -> list[str]:
    """Whitespace-separated words of a catalogue string."""
    return text.split()


# -- word relations ------------------------------------------------------------

#: Endings of a base word and of its derived forms (Russia/Russian, Ukraine/
#: Ukrainian, Turkey/Turkish, China/Chinese, Minister/Ministry).
_BASE_TAILS = frozenset(["", "a", "e", "y", "ey", "ia", "o", "er", "us", "um", "land"])
_DERIVED_TAILS = frozenset(
    _words(
        """
        ina ine ette n an ian ians ans ns i is ese ish ic ics s es er ers ite ites ist ists ism
        ry y ia ie ies al ial stan istan ean eans ine ines
        """
    )
)

#: Masculine and feminine forms of a given name: Teodor/Teodora, Mario/Maria.
_FEMININE = frozenset(
    [("", "a"), ("o", "a"), ("us", "a"), ("", "e"), ("o", "e"), ("", "ne"), ("", "le")]
)

#: (British, American) spelling endings and infixes, for NN102.
_BRITISH_AMERICAN = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("yse", "yze"),
    ("our", "or"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("lled", "led"),
    ("lling", "ling"),
)


#: Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "đ": "d",
        "ı": "i",
        "þ": "th",
        "’": "'",
    }
)


def fold(word: str) -> str:
    """Case and accents folded, apostrophes unified: the comparison form
    (Erdoğan = Erdogan, Wałęsa = Walesa)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def derived(a: str, b: str) -> bool:
    """True for a word and its derived form: Russia/Russian, Minister/Ministry."""
    a, b = fold(a), fold(b)
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    if prefix < 3:
        return False
    ta, tb = a[prefix:], b[prefix:]
    if {ta, tb} == {"", a[prefix - 1]}:
        return False  # Linden/Lindenn: a doubled last letter is a typo, not a suffix
    if prefix == min(len(a), len(b)) and abs(len(a) - len(b)) >= 2:
        return (
            True  # a compound or derived word: Lindholm/Lindholmen, Kazakh/Kazakhstan
        )
    if ta and tb and (ta[1:] == tb or tb[1:] == ta):
        return False  # McCarthy/McCarthey: one letter more, not a suffix
    if len(ta) == 1 and len(tb) == 1:
        return False  # Mantashe/Mantashi: a changed last letter is a typo
    if {ta, tb} == {"", "s"}:
        # A plural is not far better known than its singular (Kurd/Kurds,
        # Afghan/Afghans); a name that loses its "s" is (Curtis/Curti).
        plural, single = (a, b) if ta else (b, a)
        return zipf(plural) - zipf(single) < _TIE_GAP
    return any(
        base in _BASE_TAILS and der in _DERIVED_TAILS
        for base, der in ((ta, tb), (tb, ta))
    )


def feminine(a: str, b: str) -> bool:
    """Masculine and feminine forms of one given name: Teodor/Teodora, Jean/Jeanne."""
    a, b = fold(a), fold(b)
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    if prefix < 3:
        return False
    ta, tb = a[prefix:], b[prefix:]
    if {ta, tb} == {"", a[prefix - 1]}:
        return False  # Olga/Olgaa: a doubled last letter is a typo, not a feminine form
    return (ta, tb) in _FEMININE or (tb, ta) in _FEMININE


def _american(word: str) -> str:
    w = fold(word)
    for brit, amer in _BRITISH_AMERICAN:
        w = w.replace(brit, amer)
    return w


#: Romanisation alternations that outlets choose differently (Aliyev/Aliev,
#: Zelenskyy/Zelensky, Pashinyan/Pashinian, Andrii/Andriy, Moammar/Muammar,
#: Gadhafi/Gaddafi, Akhter/Akter; a final Dorjee/Dorje). A dropped double
#: consonant is a typo, not a romanisation, and so is a dropped "h" after
#: "g" (Raghunathan/Ragunathan, Ghebreyesus/Gebreyesus) or a dropped vowel
#: of a double one inside a word (Rautavaara/Rautavara).
#: An "i" written as "y" is marked ``_Y`` until the doubled "i"s are folded.
_Y = "\x01"
_TRANSLIT = (
    ("kh", "k"),  # Akhter/Akter, Sheikh/Sheik
    ("ye", "e"),
    ("yo", "o"),
    ("yu", "u"),
    ("ya", _Y + "a"),
    ("y", _Y),
    ("q", "k"),
    ("dh", "dd"),  # Gadhafi/Gaddafi
    ("o", "u"),  # Moammar/Muammar, Mohammed/Muhammed
)
_VOWELS = frozenset("aeiou")
#: A spelling wordfreq knows this well wins against a doubled "i" or "e" it
#: has never seen (Avenue/Avenuee, Marchetti/Marchettii), as no romanisation
#: doubles a letter of a well-known name; rarer honest romanisations
#: (Yevgeni 1.5 / Yevgenii 0) stay excused.
_DOUBLED_KNOWN = 2.0


@functools.cache
def _romanised(word: str) -> str:
    """The romanisation key of a word: two spellings of one name share it.

    Runs of "i" fold to one where a romanisation makes them: a "y" beside an
    "i" (Iliyas/Ilyas, Zelenskiy), a final "yy" (Zelenskyy), a "yy" between
    vowels (Sayyid/Sayid) or a final "ii" after a consonant (Andrii,
    Dmitrii/Dmitri). A doubled "i" inside a word
    (Ruiiz, Xiingye), after a vowel (Choii), a doubled "y" beside a
    consonant (Tyyip) or a tripled letter is a slip and keeps its letters;
    a doubled "y" between vowels is Arabic gemination (Ayyub/Ayub).
    """
    w = fold(word).replace("-", "").replace("'", "")
    for old, new in _TRANSLIT:
        w = w.replace(old, new)
    if w.endswith("ee") and not w.endswith("eee"):
        w = w[:-1]
    if "i" not in w and _Y not in w:
        return w
    out: list[str] = []
    n = len(w)
    i = 0
    while i < n:
        c = w[i]
        if c != "i" and c != _Y:
            out.append(c)
            i += 1
            continue
        j = i + 1
        while j < n and w[j] in ("i", _Y):
            j += 1
        run = j - i
        written = w.count("i", i, j)
        if run == 1:
            fold_run = True
        elif written == run:
            fold_run = run == 2 and j == n and i > 0 and w[i - 1] not in _VOWELS
        elif written == 1:
            fold_run = True
        else:  # "yy": final (Zelenskyy) or between vowels (Ayyub/Ayub, Sayyid)
            fold_run = run == 2 and (
                j == n or (i > 0 and w[i - 1] in _VOWELS and w[j] in _VOWELS)
            )
        out.append("i" if fold_run else "i" * run)
        i = j
    return "".join(out)


def _doubled(a: str, b: str) -> str:
    """The letter one folded spelling doubles where the other writes it once
    (Avenue/Avenuee: "e"), or "" when they differ otherwise."""
    if len(a) == len(b) + 1:
        a, b = b, a
    if len(b) != len(a) + 1:
        return ""
    p = 0
    while p < len(a) and a[p] == b[p]:
        p += 1
    if b[p + 1 :] != a[p:]:
        return ""
    c = b[p]
    return c if (p > 0 and b[p - 1] == c) or (p + 1 < len(b) and b[p + 1] == c) else ""


def transliteration(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are two romanisations or hyphenations of one
    name (Aliyev/Aliev, Co-operation/Cooperation)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or _romanised(a) != _romanised(b):
        return False
    if _doubled(fa, fb) in ("i", "e"):
        za, zb = zipf(a), zipf(b)
        if min(za, zb) == 0 and max(za, zb) >= _DOUBLED_KNOWN:
            return False  # Avenue/Avenuee, Marchetti/Marchettii: a slip
    return True


_GLUED_PARTICLE = re.compile(
    r"^(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu|d|l)[-'](?=.{3})"
)

#: wordfreq Zipf frequency from which a spelling counts as known to general
#: English (a real name or word) when the other spelling is unknown to it.
_KNOWN_ZIPF = 1.0
#: A well-attested spelling (Zipf >= ``attested-zipf``) also wins a tie against
#: a look-alike general English knows this much less (Curtis 3.9 / Curti 1.9,
#: Alan 4.5 / Alna 1.2); honest variants are closer (Abdullah 3.5 / Abdulla 2.4).
_TIE_GAP = 1.5


def canon(word: str) -> str:
    """The comparison form of a name word: folded, a glued particle dropped
    ("al-Qahtani" = "Qahtani" = "Al-Qahtani")."""
    return _GLUED_PARTICLE.sub("", fold(word))


def british_american(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only as British and American spelling."""
    return fold(a) != fold(b) and _american(a) == _american(b)


@functools.cache
def zipf(word: str) -> float:
    """wordfreq's English Zipf frequency of ``word`` (folded)."""
    folded = fold(word)
    if folded.isascii() and folded.isalpha():
        value = _packed_zipf(folded)
        if value is not None:
            return value
    from wordfreq import zipf_frequency

    return zipf_frequency(folded, "en")


@functools.cache
def _english_buckets() -> list[list[str]] | None:
    """wordfreq's large English list, read straight from its cBpack file.

    ``import wordfreq`` costs ~0.2 s (language tags, tokenisers) and building
    its dictionary another ~0.15 s: too much for a pre-commit run that asks
    about a handful of name words. The cBpack format is documented in
    wordfreq's ``read_cBpack``; any surprise falls back to wordfreq itself.
    """
    import gzip
    import importlib.util
    import os

    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        if spec is None or spec.origin is None:
            return None
        path = os.path.join(os.path.dirname(spec.origin), "data", "large_en.msgpack.gz")
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
    except (ImportError, OSError, ValueError):
        return None
    header = data[0] if data else None
    if header != {"format": "cB", "version": 1}:
        return None
    return data[1:]


def _packed_zipf(word: str) -> float | None:
    """Zipf value of a lower-case ASCII word as wordfreq computes it, or None."""
    import math
    from bisect import bisect_left

    buckets = _english_buckets()
    if buckets is None:
        return None
    found = None
    for index, bucket in enumerate(buckets):  # sorted; the last bucket wins
        at = bisect_left(bucket, word)
        if at < len(bucket) and bucket[at] == word:
            found = index
    freq = 10 ** (-found / 100) if found is not None else 0.0
    freq = max(freq, 1e-9)  # zipf_frequency's default minimum (Zipf 0)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


#: Word pairs ``may_score`` tries before rapidfuzz is simply imported.
_BOUND_BUDGET = 2000
#: (fuzz.ratio, process.extract) once imported.
_RAPIDFUZZ: tuple[Any, Any] | None = None


def _rapidfuzz() -> tuple[Any, Any]:
    global _RAPIDFUZZ
    if _RAPIDFUZZ is None:
        from rapidfuzz import fuzz, process

        _RAPIDFUZZ = (fuzz.ratio, process.extract)
    return _RAPIDFUZZ


def may_score(word: str, others: Iterable[str], score_cutoff: float) -> bool:
    """Whether rapidfuzz's ``fuzz.ratio`` of ``word`` with any of ``others``
    reaches ``score_cutoff``: the same ratio, 200 * LCS / (len a + len b),
    from a bit-parallel longest common subsequence (Hyyrö 2004) in plain
    Python. A short story whose name words pair with nothing decides this
    without importing rapidfuzz (~18 ms of a one-article run)."""
    size = len(word)
    full = (1 << size) - 1
    masks: dict[str, int] = {}
    for index, char in enumerate(word):
        masks[char] = masks.get(char, 0) | (1 << index)
    for other in others:
        total = size + len(other)
        if not total:
            return True
        row = full
        for char in other:
            match = row & masks.get(char, 0)
            row = ((row + match) | (row - match)) & full
        common = size - row.bit_count()
        if 200.0 * common / total >= score_cutoff - 1e-6:
            return True
    return False


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def _name_word(word: str) -> bool:
    core = word.replace("-", "").replace("'", "").replace("’", "")
    return (
        len(core) >= 3
        and core.isalpha()
        and word.lower() not in FUNCTION_WORDS
        and not is_title(word)
    )


def _swapped(a: str, b: str) -> bool:
    """Two letters swapped across one other: Siregar/Sirager (the ratio of a
    short word falls below the threshold, but it is one slip of the hand)."""
    return len(a) >= 5 and one_slip(a, b, swap_gap=2, replaced=False)


def _short_slip(a: str, b: str) -> bool:
    """One letter replaced, or two neighbours swapped, in a four-letter word
    after its first letter (Kurz/Kirz, Sova/Svoa, Rono/Rnoo): one slip of the
    hand whose ratio (75) falls below the threshold. Two common spellings
    (Lena/Lina) are still kept apart by ``look_alike``'s attested test."""
    return len(a) == 4 == len(b) and a[0] == b[0] and one_slip(a, b)


def look_alike(
    a: str, b: str, *, min_similarity: float = 80.0, attested: float = 2.5
) -> bool:
    """Two name words close enough to be one name, one of them mistyped."""
    fa, fb = fold(a), fold(b)
    if fa == fb or abs(len(fa) - len(fb)) > 3:
        return False
    if min(len(fa), len(fb)) < 4 and abs(len(fa) - len(fb)) != 1:
        return False  # a short word: only a dropped or added letter (Hil/Hill)
    score = _ratio(fa, fb)
    if score < min_similarity and not _swapped(fa, fb) and not _short_slip(fa, fb):
        return False
    if fa[0] != fb[0] and score < 90:
        return False
    if derived(a, b) or british_american(a, b) or transliteration(a, b):
        return False
    # Two words both common in general English are two different words or
    # two different, well-known names (While/White, Khamenei/Khomeini).
    return not (zipf(a) >= attested and zipf(b) >= attested)


# -- options and the house name list -----------------------------------------------


@rule_options
class NameOptions:
    #: Full names the house spells this way (the ``[names] known`` list).
    known: tuple[str, ...] = ()
    #: Groups of spellings the house accepts as the same name.
    equivalent: tuple[tuple[str, ...], ...] = ()
    #: rapidfuzz ratio (0-100) from which two name words look alike.
    min_similarity: float = 80.0
    #: wordfreq Zipf frequency from which a word counts as well attested.
    attested_zipf: float = 2.5


def _equivalent_pairs(groups: Iterable[Iterable[str]]) -> frozenset[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for group in groups:
        names = [tuple(fold(w) for w in name.split()) for name in group]
        for i, x in enumerate(names):
            for y in names[i + 1 :]:
                if len(x) == len(y):
                    pairs.update(
                        frozenset((p, q)) for p, q in zip(x, y, strict=False) if p != q
                    )
                pairs.add(frozenset((" ".join(x), " ".join(y))))
    return frozenset(pairs)


# -- the story analysis ----------------------------------------------------------------


class _M(NamedTuple):
    """A mention in a story: which article, its facts, its comparison words."""

    path: str
    is_target: bool
    data: dict[str, Any]
    tokens: tuple[str, ...]

    @property
    def shown(self) -> str:
        """The name as written, on one line (it may wrap in the file)."""
        return " ".join(str(self.data["text"]).split())

    @property
    def line(self) -> int:
        return int(self.data["line"])

    def position(self) -> tuple[int, int, int, int]:
        d = self.data
        return (d["line"], d["column"], d["end_line"], d["end_column"])

    def related(self) -> Related:
        return Related(self.path, self.line, int(self.data["column"]), self.shown)


HOUSE = "<house name list>"


class Verdict(NamedTuple):
    kind: str  # "garbled" or "tie"
    mention: _M
    reference: _M
    others: Sequence[_M] = ()
    #: Aligned (written, majority) word pairs of mention and reference.
    corrected: tuple[tuple[str, str], ...] = ()


class Analysis:
    """Pairs look-alike name words of one story and decides which spelling wins."""

    def __init__(
        self, entries: list[tuple[str, bool, list[dict[str, Any]]]], opts: NameOptions
    ):
        self.opts = opts
        self.equivalent = _equivalent_pairs(opts.equivalent)
        self.mentions: list[_M] = []
        for path, is_target, facts in entries:
            for data in facts or ():
                tokens = tuple(t for t in data.get("tokens", ()) if t)
                if tokens:
                    self.mentions.append(_M(path, is_target, data, tokens))
        self.house = [
            _M(
                HOUSE,
                False,
                {"text": name, "line": 0, "column": 0},
                tuple(name.split()),
            )
            for name in opts.known
        ]
        self.house_words = {fold(t) for m in self.house for t in m.tokens}
        # word -> {path: mentions}
        #: Words some article of the story also writes in lower case.
        self.ordinary = {t for m in self.mentions for t in m.data.get("ordinary", ())}
        #: Words seen only as the first word of a sentence: maybe ordinary words.
        anywhere = {t for m in self.mentions for t in m.tokens}
        inside = {
            t
            for m in self.mentions
            for i, t in enumerate(m.tokens)
            if i > 0 or not m.data.get("initial")
        }
        self.initial_only = anywhere - inside
        # Usage is counted per comparison form, so "Dvořáček" and "Dvoracek",
        # "al-Qahtani" and "Qahtani" are one spelling.
        by_canon: dict[str, Counter[str]] = defaultdict(Counter)
        for m in self.mentions:
            for key in {canon(t) for t in m.tokens}:
                by_canon[key][m.path] += 1
        self.usage: dict[str, Counter[str]] = {
            t: by_canon[canon(t)] for m in self.mentions for t in m.tokens
        }
        self.similar: dict[str, set[str]] = defaultdict(set)
        self.directed: dict[str, set[str]] = defaultdict(set)
        self.tied: dict[str, set[str]] = defaultdict(set)
        #: Pairs that one source writes one way and another source the other
        #: way, with nothing else to decide: settled by ``_break_ties``.
        self._cross: list[tuple[str, str]] = []
        self._pair_words()
        self._break_ties()

    # -- word pairs -----------------------------------------------------------
    def _pair_words(self) -> None:
        words = sorted(
            {t for t in self.usage if _name_word(t) and t not in self.ordinary}
            | {t for m in self.house for t in m.tokens}
        )
        # Sorted by folded length, a word's candidates are one slice: the words
        # after it up to three characters longer.
        order = sorted(range(len(words)), key=lambda i: (len(fold(words[i])), words[i]))
        words = [words[i] for i in order]
        folded = [fold(w) for w in words]
        lengths = [len(f) for f in folded]
        cutoff = self.opts.min_similarity
        # lower: two letters swapped across a third score ~60-75
        score_cutoff = min(cutoff, 60.0)
        # rapidfuzz costs ~18 ms to import: until a pair may score, the
        # process decides in plain Python (then rapidfuzz for good).
        scorer = _RAPIDFUZZ
        budget = _BOUND_BUDGET
        for i, fa in enumerate(folded):
            stop = bisect_right(lengths, lengths[i] + 3)
            if stop <= i + 1:
                continue
            if scorer is None:
                if stop - i - 1 <= budget and not may_score(
                    fa, folded[i + 1 : stop], score_cutoff
                ):
                    budget -= stop - i - 1
                    continue
                scorer = _rapidfuzz()
            matches = scorer[1](
                fa,
                folded[i + 1 : stop],
                scorer=scorer[0],
                score_cutoff=score_cutoff,
                limit=None,
            )
            for _, _, k in matches:
                a, b = words[i], words[i + 1 + k]
                if frozenset((fold(a), fold(b))) in self.equivalent or canon(
                    a
                ) == canon(b):
                    continue
                if any(
                    w in self.initial_only and fold(w) in common_words() for w in (a, b)
                ):
                    continue  # "Despite", "Heavy": a capital only for the sentence
                if look_alike(
                    a,
                    b,
                    min_similarity=cutoff,
                    attested=self.opts.attested_zipf,
                ):
                    self.similar[a].add(b)
                    self.similar[b].add(a)
                    self._direct(a, b)

    def _direct(self, a: str, b: str) -> None:
        ha, hb = fold(a) in self.house_words, fold(b) in self.house_words
        if ha != hb:
            bad, good = (b, a) if ha else (a, b)
            self.directed[bad].add(good)
            return
        if ha and hb:
            return
        ua, ub = self.usage.get(a, Counter()), self.usage.get(b, Counter())
        sa, sb = len(ua), len(ub)
        # A spelling that is itself a common word or a well-known name is not a
        # slip of the keyboard (Odessa beside Odesa, Fernandez beside
        # Fernandes): only the house name list overrules it.
        attested_a = zipf(a) >= self.opts.attested_zipf
        attested_b = zipf(b) >= self.opts.attested_zipf
        if sa != sb:
            (good, sg), (bad, sbad) = sorted(((a, sa), (b, sb)), key=lambda x: -x[1])
            # A spelling several sources share is a house style or another
            # person, not a slip of one writer.
            if (sbad == 1 or sg >= 2 * sbad + 1) and not (
                attested_a if bad == a else attested_b
            ):
                self.directed[bad].add(good)
            return
        shared = set(ua) & set(ub)
        if not shared:
            if sa == sb == 1:
                self._cross.append((a, b))
            return
        if all(ua[p] > ub[p] for p in shared) and not attested_b:
            self.directed[b].add(a)
        elif all(ub[p] > ua[p] for p in shared) and not attested_a:
            self.directed[a].add(b)
        elif sa == 1 and not (attested_a and attested_b):
            # One article, one mention each: a slip, but which one is unknown.
            self.tied[a].add(b)
            self.tied[b].add(a)

    def _people_apart(self, a: str, b: str) -> bool:
        """Every full name holding ``a`` and every one holding ``b`` differ in
        their other words: two people."""
        full_a = {
            m.tokens for m in self.mentions if a in m.tokens and len(m.tokens) >= 2
        }
        full_b = {
            m.tokens for m in self.mentions if b in m.tokens and len(m.tokens) >= 2
        }
        if not full_a or not full_b:
            return False
        return all(
            not {fold(t) for t in x if t != a} & {fold(t) for t in y if t != b}
            for x in full_a
            for y in full_b
        )

    def _break_ties(self) -> None:
        """Settle one source against one (the usual two-source story).

        A spelling that general English knows as a word or name (wordfreq)
        beats one it has never seen (Wuhu/Wuhuu, Quispe/Quipse), and a
        well-attested one beats one it knows far less (``_TIE_GAP``). Otherwise
        the article that already has a settled minority spelling is the
        sloppy one: injected or careless garbles come in clusters, so its
        other odd spellings lose the tie too. An article with no settled
        garble never loses a tie this way, so clean stories stay silent.
        """
        if not self._cross:
            return
        open_pairs = []
        attested = self.opts.attested_zipf
        for a, b in self._cross:
            za, zb = zipf(a), zipf(b)
            if (za >= _KNOWN_ZIPF and zb == 0) or (
                za >= attested and za - zb >= _TIE_GAP
            ):
                self.directed[b].add(a)
            elif (zb >= _KNOWN_ZIPF and za == 0) or (
                zb >= attested and zb - za >= _TIE_GAP
            ):
                self.directed[a].add(b)
            else:
                open_pairs.append((a, b))
        # A look-alike of another person's name (two ministers Jaksybekov and
        # Jaksylykov, their first names apart) is no sign of a careless copy.
        sloppy = {
            p
            for bad, goods in self.directed.items()
            if not all(self._people_apart(bad, good) for good in goods)
            for p in self.usage.get(bad, ())
        }
        if not sloppy:
            return
        for a, b in open_pairs:
            pa, pb = set(self.usage[a]), set(self.usage[b])
            if pa <= sloppy and not pb & sloppy and zipf(a) < attested:
                self.directed[a].add(b)
            elif pb <= sloppy and not pa & sloppy and zipf(b) < attested:
                self.directed[b].add(a)

    # -- mentions ---------------------------------------------------------------
    def _pairs(
        self, m: tuple[str, ...], r: tuple[str, ...]
    ) -> list[list[tuple[str, str]]]:
        if len(m) == len(r):
            return [list(zip(m, r, strict=False))]
        k = min(len(m), len(r))
        out = [list(zip(m[-k:], r[-k:], strict=False))]
        if k >= 2:
            out.append(
                [
                    (m[0], r[0]),
                    *zip(m[len(m) - k + 1 :], r[len(r) - k + 1 :], strict=False),
                ]
            )
        return out

    def _eq(self, a: str, b: str) -> bool:
        fa, fb = fold(a), fold(b)
        return (
            fa == fb or frozenset((fa, fb)) in self.equivalent or canon(a) == canon(b)
        )

    def compatible(
        self, m: _M, r: _M, want: dict[str, set[str]]
    ) -> tuple[tuple[str, str], ...] | None:
        """The aligned word pairs of ``m`` and ``r``, when the two are one name
        and at least one word of ``m`` is a minority spelling (per ``want``)."""
        for pairs in self._pairs(m.tokens, r.tokens):
            fixed = False
            ok = True
            for index, (a, b) in enumerate(pairs):
                if self._eq(a, b):
                    continue
                if (
                    index == 0
                    and len(m.tokens) >= 2
                    and len(r.tokens) >= 2
                    and feminine(a, b)
                ):
                    ok = False  # Teodor and Teodora Vasilescu: two people
                    break
                if b in want.get(a, ()):
                    fixed = True
                elif b in self.similar.get(a, ()) and a not in self.directed.get(b, ()):
                    continue
                else:
                    ok = False
                    break
            if ok and fixed:
                return tuple(pairs)
        return None

    def verdicts(self) -> list[Verdict]:
        out: list[Verdict] = []
        by_word: dict[str, list[_M]] = defaultdict(list)
        for m in self.mentions + self.house:
            for t in set(m.tokens):
                by_word[t].append(m)
        garbled_ok: dict[tuple[int, int], Verdict | None] = {}
        written = Counter(m.tokens for m in self.mentions)

        def judge(m: _M, want: dict[str, set[str]]) -> Verdict | None:
            key = (id(m), id(want))
            if key in garbled_ok:
                return garbled_ok[key]
            garbled_ok[key] = None
            candidates: list[_M] = []
            for t in m.tokens:
                for u in want.get(t, ()):
                    candidates.extend(by_word.get(u, ()))
            good = []
            bad_multi = False
            for r in candidates:
                if r is m:
                    continue
                fixed = self.compatible(m, r, want)
                if fixed is not None:
                    good.append((r, fixed))
                elif len(m.tokens) >= 2 and len(r.tokens) >= 2:
                    bad_multi = True
            if not good:
                return None
            multi = [g for g in good if len(g[0].tokens) >= 2]
            if len(m.tokens) >= 2 and not multi and bad_multi:
                return None  # another person with a look-alike surname
            if len(m.tokens) == 1:
                # A lone word that elsewhere stands in a full name follows
                # that name's verdict.
                fulls = [
                    x
                    for x in by_word.get(m.tokens[0], ())
                    if len(x.tokens) >= 2 and x.path != HOUSE
                ]
                if fulls and not any(judge(x, want) for x in fulls):
                    return None
            good.sort(
                key=lambda g: (
                    -len(g[0].tokens),
                    g[0].path == m.path,
                    -written[g[0].tokens],
                    g[0].path,
                    g[0].line,
                )
            )
            reference, corrected = good[0]
            verdict = Verdict("garbled", m, reference, [g[0] for g in good], corrected)
            garbled_ok[key] = verdict
            return verdict

        for m in self.mentions:
            if not m.is_target:
                continue
            if any(t in self.directed for t in m.tokens):
                v = judge(m, self.directed)
                if v is not None:
                    out.append(v)
        # Ties: one article spells a name two ways and nothing decides.
        reported: set[tuple[str, str]] = set()
        for m in self.mentions:
            if not m.is_target:
                continue
            for t in m.tokens:
                for u in self.tied.get(t, ()):
                    key = (m.path, "|".join(sorted((t, u))))
                    if key in reported:
                        continue
                    verdict = judge(m, {t: {u}})
                    if verdict is None:
                        continue
                    others = [r for r in verdict.others if r.path == m.path]
                    if not others:
                        continue
                    first = min([m, *others], key=lambda x: int(x.data.get("start", 0)))
                    second = others[0] if first is m else m
                    reported.add(key)
                    out.append(Verdict("tie", first, second, others))
        return out

    def sources_writing(self, words: Iterable[str], exclude: str) -> list[_M]:
        """First mention per other article that writes all of ``words``."""
        want = {canon(w) for w in words}
        seen: dict[str, _M] = {}
        for m in self.mentions:
            if m.path == exclude or m.path in seen:
                continue
            if want <= {canon(t) for t in m.tokens}:
                seen[m.path] = m
        return list(seen.values())


# -- rules ------------------------------------------------------------------------


class _NameRule(CorpusRule):
    """Shared extraction for the NN corpus rules."""

    abstract = True
    version = "3"
    Options = NameOptions

    def extract(self, doc: Document) -> Any:
        return [m.facts(doc) for m in mentions(doc)]

    def analysis(self, story: Story) -> Analysis:
        entries = [
            (member.path, member.is_target, facts)
            for member, facts in story.facts(self.code)
        ]
        return Analysis(entries, self.options)


class GarbledName(_NameRule):
    """A name spelled otherwise than the story's other sources or the house list.

    A mistyped name ("Recep Tyyip Erdan" where every other source writes
    "Recep Tayyip Erdogan") is an embarrassing error that no spell checker
    catches, because names are not in its dictionary. The rule compares each
    name, word by word, with the names the other articles of the story, the
    same article elsewhere and the house name list write; it reports a
    spelling that only a minority uses when its words look like the
    majority's. Two well-known different names (Khamenei, Khomeini), a word
    and its derived form (Russia, Russian) and names whose other words differ
    (two people sharing a look-alike surname) are left alone.

    Bad:
        Turkish President Ayten Korlmaz arrived on Monday.
        President Ayten Kormaz said the talks were useful.
        Later, Kormaz left for the airport.

    Good:
        Turkish President Ayten Kormaz arrived on Monday.
        Later, Kormaz left for the airport.

    Fix the spelling. If both spellings are right (a transliteration the house
    accepts), list them in config under ``[names] equivalent``; add the
    correct spelling to ``[names] known`` to settle it for every story. A
    single line is silenced with ``newslint: noqa NN101``.
    """

    code = "NN101"
    name = "names.garbled"
    severity = Severity.WARNING

    def check_story(self, story: Story) -> Iterator[Finding]:
        analysis = self.analysis(story)
        for v in analysis.verdicts():
            if v.kind != "garbled":
                continue
            m = v.mention
            changed = [b for a, b in v.corrected if fold(a) != fold(b)]
            words = changed or [b for _, b in v.corrected]
            others = analysis.sources_writing(words, m.path)
            same = [
                x
                for x in analysis.mentions
                if x.path == m.path
                and x is not m
                and {canon(w) for w in words} & {canon(t) for t in x.tokens}
            ]
            reference = v.reference.shown
            parts = []
            if others:
                n = len(others)
                verb = "writes" if n == 1 else "write"
                parts.append(
                    f"{n} other source{'s' if n != 1 else ''} {verb} '{reference}'"
                )
            if same:
                lines = ", ".join(str(x.line) for x in same[:3])
                what = same[0].shown
                prefix = (
                    "this article writes" if not others else "this article also writes"
                )
                parts.append(f"{prefix} '{what}' (line {lines})")
            if v.reference.path == HOUSE or any(
                fold(w) in analysis.house_words for w in words
            ):
                house = next(
                    (h for h in analysis.house if set(words) & set(h.tokens)), None
                )
                parts.append(
                    f"the house name list has '{house.shown if house else reference}'"
                )
            if not parts:
                continue
            message = f"name '{m.shown}' looks garbled; " + "; ".join(parts)
            related = [x.related() for x in [*others, *same][:10]]
            yield self.story_finding(
                m.path,
                m.position(),
                message,
                related=related,
                span=(int(m.data["start"]), int(m.data["end"])),
            )


class InconsistentName(_NameRule):
    """One article spells a name two ways and no majority says which is right.

    When an article writes "Kormaz" in one paragraph and "Korlmaz" in
    another, at least one is wrong. If the story's other sources or the house
    name list settle it, NN101 reports the minority spelling; this rule covers
    the case where they do not (an article with no other source, or an even
    split), and names both spellings without guessing.

    Bad:
        Mayor Ilse Vandermolen opened the bridge.
        Vandermollen said the works ran late.

    Good:
        Mayor Ilse Vandermolen opened the bridge.
        Vandermolen said the works ran late.

    Check the name against a reliable source and use one spelling; add it to
    ``[names] known`` so future articles are checked against it.
    """

    code = "NN103"
    name = "names.inconsistent"
    severity = Severity.WARNING

    def check_story(self, story: Story) -> Iterator[Finding]:
        analysis = self.analysis(story)
        for v in analysis.verdicts():
            if v.kind != "tie":
                continue
            m, r = v.mention, v.reference
            message = (
                f"name '{m.shown}' and '{r.shown}' (line {r.line}) look like"
                " one name spelled two ways in this article; no source majority says"
                " which is right"
            )
            yield self.story_finding(
                m.path,
                m.position(),
                message,
                related=[r.related()],
                span=(int(m.data["start"]), int(m.data["end"])),
            )


class SpellingVariantName(DocumentRule):
    """A name written with two accepted spellings in one article.

    "World Health Organisation" in one paragraph and "World Health
    Organization" in the next, or "Aliyev" and then "Aliev", is not wrong
    either time, but an article should pick one (most house styles keep an
    organisation's own spelling and one romanisation of a name). Only the
    mixing inside one article is reported; different sources may follow
    different styles. Spellings listed together under ``[names] equivalent``
    are never reported.

    Bad:
        The Pan-Pacific Labour Organisation met on Monday.
        The Pan-Pacific Labour Organization said wages rose.

    Good:
        The Pan-Pacific Labour Organization met on Monday.
        The Pan-Pacific Labour Organization said wages rose.

    Use one spelling; turn the rule off with ``ignore = ["NN102"]``.
    """

    code = "NN102"
    name = "names.spelling-variant"
    severity = Severity.INFO
    Options = NameOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        found = mentions(doc)
        equivalent = _equivalent_pairs(self.options.equivalent)
        first: dict[str, tuple[str, Mention]] = {}
        counts: Counter[str] = Counter()
        for m in found:
            for t in m.tokens:
                counts[t] += 1
        for m in found:
            for t in m.tokens:
                key = _romanised(_american(t))
                if key not in first:
                    first[key] = (t, m)
                    continue
                other, where = first[key]
                if (
                    fold(other) == fold(t)
                    or frozenset((fold(other), fold(t))) in equivalent
                    or not (british_american(other, t) or transliteration(other, t))
                ):
                    continue
                if counts[t] > counts[other]:
                    continue  # the majority spelling is not the odd one out
                if _other_person(m.tokens, where.tokens):
                    continue  # Per Lindqvist and Pär Lindkvist: two people
                odd, m_odd, kept, m_kept = t, m, other, where
                if counts[t] == counts[other] and zipf(t) - zipf(other) >= _TIE_GAP:
                    # one each: the spelling general English does not know is
                    # the odd one ("Couriier" before "Courier")
                    odd, m_odd, kept, m_kept = other, where, t, m
                line, column = doc.position(m_kept.start)
                offset = m_odd.start + m_odd.text.find(odd)
                yield self.finding(
                    doc,
                    offset,
                    offset + len(odd),
                    f"'{odd}' here but '{kept}' at line {line}: use one spelling",
                    related=[Related(doc.path, line, column, m_kept.text)],
                )


def _other_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names whose other words differ: two people, not two spellings."""
    if len(a) < 2 or len(b) < 2:
        return False
    k = min(len(a), len(b))
    pairs = list(zip(a[-k:], b[-k:], strict=True))
    return any(
        fold(x) != fold(y) and not (british_american(x, y) or transliteration(x, y))
        for x, y in pairs
    )


# -- registration --------------------------------------------------------------------


def _house_defaults(config: Any) -> dict[str, Any]:
    """The ``[names]`` config table as NameOptions defaults (validated)."""
    from newslint import ConfigError

    table = dict(getattr(config, "names_table", {}) or {}) if config is not None else {}
    where = f"{config.where()}: [names]" if config is not None else "[names]"
    allowed = {"known", "known-file", "equivalent"}
    for key in table:
        if key not in allowed:
            raise ConfigError(
                f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})"
            )
    known = table.get("known", [])
    if not isinstance(known, list) or not all(isinstance(k, str) for k in known):
        raise ConfigError(f"{where}: 'known' must be a list of names, got {known!r}")
    known = list(known)
    if "known-file" in table:
        rel = table["known-file"]
        if not isinstance(rel, str):
            raise ConfigError(f"{where}: 'known-file' must be a path, got {rel!r}")
        path = os.path.join(getattr(config, "root", "."), rel)
        try:
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError as exc:
            raise ConfigError(
                f"{where}: 'known-file' {rel!r} cannot be read: {exc.strerror}"
            ) from None
        known += [
            ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")
        ]
    equivalent = table.get("equivalent", [])
    if not isinstance(equivalent, list) or not all(
        isinstance(g, list) and all(isinstance(n, str) for n in g) for g in equivalent
    ):
        raise ConfigError(
            f"{where}: 'equivalent' must be a list of lists of names,"
            f' e.g. [["Zelensky", "Zelenskyy"]], got {equivalent!r}'
        )
    return {
        "known": tuple(known),
        "equivalent": tuple(tuple(g) for g in equivalent),
    }


def _with_house(cls: type, defaults: dict[str, Any]) -> type:
    """A subclass of ``cls`` whose Options default to the house name list."""
    if not defaults["known"] and not defaults["equivalent"]:
        return cls

    @rule_options
    class Options(NameOptions):
        known: tuple[str, ...] = defaults["known"]
        equivalent: tuple[tuple[str, ...], ...] = defaults["equivalent"]

    return type(
        cls.__name__,
        (cls,),
        {"__doc__": cls.__doc__, "Options": Options, "__module__": cls.__module__},
    )


@hookimpl
def register_rules(config: Any) -> list[type]:
    defaults = _house_defaults(config)
    return [
        _with_house(GarbledName, defaults),
        _with_house(SpellingVariantName, defaults),
        _with_house(InconsistentName, defaults),
    ]

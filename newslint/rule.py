"""Base classes for rules: what a plugin subclasses.

A rule is a class with a code, a name, a docstring (summary, paragraph,
``Bad:`` and ``Good:`` examples), a severity, an on/off default and a nested
``Options`` dataclass whose fields are its options. The engine instantiates it
with validated options and calls ``check`` (per document) or ``extract`` and
``check_story`` (cross-source).
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar, get_type_hints

if TYPE_CHECKING:
    import dataclasses

from newslint.document import Document
from newslint.finding import Finding, Fix, Related, Severity

CODE_PATTERN = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


def one_line(message: str) -> str:
    """A finding's message on one line: text quoted from a hard-wrapped
    paragraph must not break the one-finding-per-line output."""
    return (
        _LINE_BREAK.sub(" ", message) if "\n" in message or "\r" in message else message
    )


class NoOptions:
    """A rule without options (a plain class: building even an empty frozen
    dataclass costs about a millisecond at every start)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return other.__class__ is NoOptions

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "NoOptions()"


#: Set on a class declared with ``rule_options`` until it is made a dataclass.
_LAZY_OPTIONS = "__newslint_lazy_options__"
_T = TypeVar("_T")


def rule_options(cls: type[_T]) -> type[_T]:
    """Declare a rule's ``Options``: a frozen dataclass, built when newslint
    first needs its fields (options set in config, ``newslint rule CODE``).

    Until then ``Options()`` is a plain instance that reads the defaults from
    the class. Building a frozen dataclass costs 1-2 ms, paid at every start
    by every rule module that declares one with ``@dataclass(frozen=True)``;
    the built-in rules use this instead. Defaults must be plain values
    (no ``field()``); ``@dataclass(frozen=True)`` stays right for any class.
    """
    # Without the dataclasses module loaded there can be no field() default
    # (and a plain run never loads it: ~3 ms).
    fields_module = sys.modules.get("dataclasses")
    for name, value in vars(cls).items():
        if fields_module is not None and isinstance(value, fields_module.Field):
            raise TypeError(
                f"{cls.__qualname__}.{name}: rule_options takes plain defaults;"
                " use @dataclass(frozen=True) for field()"
            )
    setattr(cls, _LAZY_OPTIONS, True)
    cls.__init__ = _lazy_init  # type: ignore[misc]
    return cls


def _lazy_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """``Options()`` reads the class defaults; ``Options(x=1)`` first makes
    the class the dataclass it declares, then runs its ``__init__``."""
    if args or kwargs:
        options_class(type(self)).__init__(self, *args, **kwargs)


def options_class(cls: type[_T]) -> type[_T]:
    """``cls`` as a dataclass: a ``rule_options`` class (or a subclass of one,
    and its bases first) becomes one now, in place; any other class is
    returned as it is."""
    lazy = "__dataclass_fields__" not in cls.__dict__ and getattr(
        cls, _LAZY_OPTIONS, False
    )
    if lazy:
        for base in reversed(cls.__mro__[1:-1]):
            options_class(base)
        if _LAZY_OPTIONS in cls.__dict__:
            delattr(cls, _LAZY_OPTIONS)
        if cls.__dict__.get("__init__") is _lazy_init:
            del cls.__init__  # type: ignore[misc]  # else dataclass keeps it
        import dataclasses

        dataclasses.dataclass(frozen=True)(cls)
    return cls


class Rule:
    """Common attributes of every rule; subclass DocumentRule or CorpusRule."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    Options: ClassVar[type] = NoOptions
    #: Set by the registry: the plugin that registered the rule.
    plugin_name: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("abstract", False) or inspect.isabstract(cls):
            return
        if "code" not in cls.__dict__ and not hasattr(cls, "code"):
            return  # an intermediate base class
        code = getattr(cls, "code", "")
        if not isinstance(code, str) or not CODE_PATTERN.match(code):
            raise TypeError(
                f"{cls.__qualname__}: rule code {code!r} must look like 'AB123'"
            )
        if not getattr(cls, "name", ""):
            raise TypeError(f"{cls.__qualname__}: rule {code} needs a name")
        if not (cls.__doc__ or "").strip():
            raise TypeError(f"{cls.__qualname__}: rule {code} needs a docstring")
        if (
            cls.Options is not NoOptions
            and not hasattr(cls.Options, "__dataclass_fields__")  # is_dataclass
            and not getattr(cls.Options, _LAZY_OPTIONS, False)
        ):
            raise TypeError(f"{cls.__qualname__}: Options must be a dataclass")

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    # -- documentation ------------------------------------------------------
    @classmethod
    def summary(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "").splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> dict[str, str]:
        """The text under ``Bad:`` and ``Good:`` in the docstring (indented block)."""
        doc = cls.documentation()
        out: dict[str, str] = {}
        for label in ("Bad", "Good"):
            match = re.search(
                rf"^{label}:[ \t]*\n((?:[ \t]+.*\n?|[ \t]*\n)+)", doc, re.M
            )
            if match:
                out[label.lower()] = inspect.cleandoc(match.group(1)) + "\n"
        return out

    @classmethod
    def family(cls) -> str:
        return cls.code.rstrip("0123456789")

    @classmethod
    def option_fields(cls) -> list[dataclasses.Field[Any]]:
        if cls.Options is NoOptions:
            return []
        import dataclasses

        return list(dataclasses.fields(options_class(cls.Options)))

    @classmethod
    def build_options(cls, values: Mapping[str, Any], where: str) -> Any:
        """Validate ``values`` (kebab- or snake-case keys) into an Options."""
        if not values:
            return cls.Options()  # the defaults need no validation
        from newslint.errors import ConfigError

        fields = {f.name: f for f in cls.option_fields()}  # (a dataclass now)
        hints = get_type_hints(cls.Options)
        kwargs: dict[str, Any] = {}
        for key, value in values.items():
            name = key.replace("-", "_")
            if name not in fields:
                allowed = ", ".join(f.replace("_", "-") for f in fields) or "none"
                raise ConfigError(
                    f"{where}: unknown option {key!r} for {cls.code}"
                    f" (allowed: {allowed})"
                )
            if not _matches(value, hints.get(name, Any)):
                raise ConfigError(
                    f"{where}: option {key!r} for {cls.code} must be"
                    f" {_type_name(hints.get(name, Any))}, got {value!r}"
                )
            if isinstance(value, list) and _origin(hints.get(name)) in (
                tuple,
                frozenset,
            ):
                value = _origin(hints.get(name))(value)
            kwargs[name] = value
        return cls.Options(**kwargs)

    # -- helpers for subclasses ---------------------------------------------
    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: Iterable[Related] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """A Finding for ``doc.text[start:end]`` with positions computed."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(start, end))
        return Finding(
            path=doc.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=self.code,
            message=one_line(message),
            severity=severity or self.severity,
            rule=self.name,
            related=tuple(related),
            fix=fix,
            start=start,
            end=end,
        )


class DocumentRule(Rule):
    """A rule that looks at one article at a time."""

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule that compares the articles of one story.

    ``extract`` runs once per article (cached by content hash and ``version``)
    and returns JSON-able facts that carry their own positions;
    ``check_story`` sees every member's facts and yields findings for targets.
    """

    #: Bump when extract() changes, so cached facts are recomputed.
    version: ClassVar[str] = "1"
    #: "story": check_story runs once per story. "corpus": the engine calls
    #: check_corpus once with every story of the run (whole-corpus counts).
    scope: ClassVar[str] = "story"
    #: The fewest articles a run must hold before this rule can find anything
    #: (2 for a rule that compares sources). In smaller runs the engine skips
    #: extract() and does not judge suppressions of this code as unused.
    min_articles: ClassVar[int] = 1

    def extract(self, doc: Document) -> Any:
        raise NotImplementedError

    def check_story(self, story: Story) -> Iterator[Finding]:
        raise NotImplementedError

    def check_corpus(self, stories: list[Story]) -> Iterator[Finding]:
        """Called once per run instead of check_story when ``scope = "corpus"``."""
        for story in stories:
            if story.targets:
                yield from self.check_story(story)

    def story_finding(
        self,
        path: str,
        position: tuple[int, int, int, int],
        message: str,
        *,
        related: Iterable[Related] = (),
        severity: Severity | None = None,
        fix: Fix | None = None,
        span: tuple[int, int] = (0, 0),
    ) -> Finding:
        """A Finding from stored positions (line, column, end_line, end_column)."""
        line, column, end_line, end_column = position
        return Finding(
            path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=self.code,
            message=one_line(message),
            severity=severity or self.severity,
            rule=self.name,
            related=tuple(related),
            fix=fix,
            start=span[0],
            end=span[1],
        )


class Member(NamedTuple):
    """One article of a story as corpus rules see it: its facts, not its text.

    Member and Story are NamedTuples (immutable, picklable) rather than
    dataclasses, which cost about a millisecond each to create at start-up."""

    path: str
    is_target: bool
    facts: Mapping[str, Any] = {}  # shared default: never mutated


class Story(NamedTuple):
    """The articles grouped as reports of one event."""

    key: str
    members: tuple[Member, ...]
    why: str = ""

    def facts(self, code: str) -> list[tuple[Member, Any]]:
        """Each member's facts for rule ``code`` (members without facts skipped)."""
        return [(m, m.facts[code]) for m in self.members if code in m.facts]

    @property
    def targets(self) -> list[Member]:
        return [m for m in self.members if m.is_target]


def _matches(value: Any, hint: Any) -> bool:
    import types
    import typing

    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin in (list, tuple, typing.Sequence, frozenset, set):
        if not isinstance(value, (list, tuple)):
            return False
        inner = args[0] if args else Any
        return all(_matches(v, inner) for v in value)
    if origin in (dict, typing.Mapping):
        if not isinstance(value, dict):
            return False
        key_t, val_t = args if args else (Any, Any)
        return all(_matches(k, key_t) and _matches(v, val_t) for k, v in value.items())
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def _origin(hint: Any) -> Any:
    import typing

    return typing.get_origin(hint)


def _type_name(hint: Any) -> str:
    return getattr(hint, "__name__", None) or str(hint).replace("typing.", "")

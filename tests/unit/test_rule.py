"""Rule base classes: docs, examples, options validation, finding helper."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from newslint.document import Document
from newslint.errors import ConfigError
from newslint.rule import CorpusRule, DocumentRule, Member, Story


class WithOptions(DocumentRule):
    """Summary line here.

    A paragraph.

    Bad:
        One. . two
        second line

    Good:
        One. Two.

    Fix by editing.
    """

    code = "X110"
    name = "x.opts"

    @dataclass(frozen=True)
    class Options:
        max_words: int = 10
        ratio: float = 0.5
        words: tuple[str, ...] = ()
        label: str | None = None
        table: dict[str, str] = field(default_factory=dict)

    def check(self, doc):
        i = doc.prose.find(". .")
        if i >= 0:
            yield self.finding(doc, i, i + 3, "doubled")


def test_summary_documentation_examples():
    assert WithOptions.summary() == "Summary line here."
    assert WithOptions.examples() == {
        "bad": "One. . two\nsecond line\n",
        "good": "One. Two.\n",
    }
    assert WithOptions.family() == "X"
    assert "Fix by editing." in WithOptions.documentation()


def test_options_from_kebab_case():
    opts = WithOptions.build_options(
        {"max-words": 3, "ratio": 1, "words": ["a", "b"], "label": None}, "cfg"
    )
    assert opts.max_words == 3 and opts.ratio == 1 and opts.words == ("a", "b")
    assert WithOptions.build_options({}, "cfg") == WithOptions.Options()


@pytest.mark.parametrize(
    ("values", "needle"),
    [
        ({"max-words": "3"}, "max-words"),
        ({"max-words": True}, "max-words"),
        ({"max-words": 2.5}, "max-words"),
        ({"ratio": "x"}, "ratio"),
        ({"words": "a"}, "words"),
        ({"words": [1]}, "words"),
        ({"label": 3}, "label"),
        ({"table": {"a": 1}}, "table"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_bad_options_are_config_errors(values, needle):
    with pytest.raises(ConfigError) as info:
        WithOptions.build_options(values, "/x/newslint.toml: [rules.X110]")
    assert needle in str(info.value)
    assert "/x/newslint.toml" in str(info.value)


def test_finding_positions():
    doc = Document("a.md", "Line one.\nOne. . two\n")
    (finding,) = WithOptions().check(doc)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
        2,
        4,
        2,
        7,
    )
    assert (finding.start, finding.end) == (13, 16)
    assert finding.rule == "x.opts" and finding.code == "X110"


def test_story_helpers():
    class C(CorpusRule):
        """Doc."""

        code = "X120"
        name = "x.c"

    story = Story("k", (Member("a", True, {"X120": [1]}), Member("b", False, {})))
    assert story.facts("X120") == [(story.members[0], [1])]
    assert [m.path for m in story.targets] == ["a"]
    f = C().story_finding("a", (1, 2, 1, 5), "msg")
    assert (f.line, f.column, f.end_column, f.code) == (1, 2, 5, "X120")


def test_testing_run_case_reports_only_targets():
    """newslint.testing (public for house plugins): references are not reported on."""
    from conftest import LOCAL_PLUGIN

    from newslint.testing import Case, compare, run_case

    files = {
        "a.md": "---\nstory: s\n---\ncount: 1\n",
        "b.md": "---\nstory: s\n---\ncount: 2\n",
    }
    case = Case(
        "X301",
        "t",
        {
            "files": files,
            "targets": ["a.md"],
            "expect": [{"path": "a.md", "line": 4, "col": 8, "text": "1"}],
        },
    )
    findings = run_case(case, plugins=(str(LOCAL_PLUGIN),))
    assert [(f.path, f.line) for f in findings] == [("a.md", 4)]
    assert compare(case, findings) == []
    both = Case("X301", "t", {"files": files})
    assert sorted(f.path for f in run_case(both, plugins=(str(LOCAL_PLUGIN),))) == [
        "a.md",
        "b.md",
    ]
    assert compare(
        both, run_case(both, plugins=(str(LOCAL_PLUGIN),))
    )  # unexpected findings reported


def test_messages_quoting_wrapped_text_stay_on_one_line():
    from newslint.rule import one_line

    assert one_line("'nearly three\nyears' vs 'two\r\n  decades'") == (
        "'nearly three years' vs 'two decades'"
    )


class WithoutOptions(DocumentRule):
    """A rule that takes no options.

    Bad:
        x

    Good:
        y
    """

    code = "X112"
    name = "x.no-opts"

    def check(self, doc):
        return iter(())


def test_a_rule_without_options_takes_none():
    from newslint.rule import NoOptions

    assert WithoutOptions.option_fields() == []
    assert WithoutOptions.build_options({}, "cfg") == NoOptions()
    assert WithoutOptions().options == NoOptions()
    with pytest.raises(
        ConfigError, match=r"unknown option 'depth' for X112 \(allowed: none\)"
    ):
        WithoutOptions.build_options({"depth": 2}, "cfg")


def test_options_must_be_a_dataclass():
    with pytest.raises(TypeError, match="Options must be a dataclass"):

        class Broken(DocumentRule):
            """Doc."""

            code = "X113"
            name = "x.broken"

            class Options:
                depth = 2


def test_rule_options_become_a_dataclass_only_when_needed():
    import dataclasses

    from newslint import rule_options

    @rule_options
    class Base:
        depth: int = 2
        words: tuple[str, ...] = ()

    @rule_options
    class Deeper(Base):
        depth: int = 5

    class Lazy(DocumentRule):
        """Doc."""

        code = "X114"
        name = "x.lazy"
        Options = Deeper

        def check(self, doc):
            return iter(())

    defaults = Lazy().options
    assert (defaults.depth, defaults.words) == (5, ())
    assert not dataclasses.is_dataclass(Deeper) and not dataclasses.is_dataclass(Base)
    built = Lazy.build_options({"words": ["a"]}, "cfg")
    assert dataclasses.is_dataclass(Base) and dataclasses.is_dataclass(Deeper)
    assert [f.name for f in Lazy.option_fields()] == ["depth", "words"]
    assert built == Deeper(depth=5, words=("a",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.depth = 1
    with pytest.raises(ConfigError, match="unknown option 'size'"):
        Lazy.build_options({"size": 1}, "cfg")
    assert Lazy().options.depth == 5  # the same class, now a dataclass


def test_rule_options_refuse_field_defaults():
    from newslint import rule_options

    with pytest.raises(TypeError, match="plain defaults"):

        @rule_options
        class Options:
            table: dict[str, str] = field(default_factory=dict)


def test_built_in_options_are_declared_lazily():
    """The built-in rule modules build no dataclass at import."""
    import subprocess
    import sys

    code = (
        "import dataclasses, importlib\n"
        "from newslint.rules import PLUGINS\n"
        "from newslint.plugins import build_plugin_manager\n"
        "from newslint.config import Config\n"
        "built = []\n"
        "real = dataclasses.dataclass\n"
        "def spy(*a, **k):\n"
        "    built.append(a)\n"
        "    return real(*a, **k)\n"
        "dataclasses.dataclass = spy\n"
        "build_plugin_manager(Config())\n"
        "print(len(built))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "0"


def test_rule_options_take_values_like_the_dataclass():
    import dataclasses

    from newslint import rule_options

    @rule_options
    class Base:
        depth: int = 2

    class Plain(Base):  # a subclass without the decorator
        words: tuple[str, ...] = ()

    assert Base().depth == 2 and not dataclasses.is_dataclass(Base)
    assert Base(depth=4).depth == 4 and dataclasses.is_dataclass(Base)
    assert Base(3) == Base(depth=3)
    with pytest.raises(TypeError):
        Base(size=1)
    assert Plain().depth == 2

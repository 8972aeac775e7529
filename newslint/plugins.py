"""Build the plugin manager and the rule registry.

Order of loading: the built-in plugins (``newslint.builtin`` and every module
listed in ``newslint.rules.PLUGINS``), then the ``newslint`` entry-point group,
then the modules named in config ``plugins``. Any failure is a PluginError
naming the plugin: one line, exit code 2.
"""

from __future__ import annotations

import importlib
import sys
from types import FunctionType, MethodType, ModuleType
from typing import Any

import pluggy

from newslint import hookspecs
from newslint.config import Config
from newslint.entry_points import may_have_entry_points
from newslint.errors import ConfigError, PluginError
from newslint.rule import CODE_PATTERN, CorpusRule, DocumentRule, Rule

BUILTIN_PREFIX = "N"


def _builtin_modules() -> tuple[str, ...]:
    from newslint.rules import PLUGINS

    return ("newslint.builtin", *PLUGINS)


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager with a quicker hookimpl scan of plugin modules.

    ``register`` asks ``parse_hookimpl_opts`` about every name in a plugin;
    pluggy looks each one up with ``inspect.getattr_static``, which is slow
    for modules with hundreds of names (the built-in rule modules: ~5 ms per
    run). A module's names live in its ``__dict__``, and only functions and
    method objects can carry a hookimpl marker, so every other value is
    skipped here before pluggy's own (unchanged) check runs.
    """

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if isinstance(plugin, ModuleType) and not isinstance(
            plugin.__dict__.get(name), _HOOKABLE
        ):
            return None
        return super().parse_hookimpl_opts(plugin, name)


_HOOKABLE = (FunctionType, MethodType, staticmethod, classmethod)


def build_plugin_manager(config: Config) -> pluggy.PluginManager:
    """A fresh plugin manager with every plugin registered (never at import)."""
    pm = _PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    for name in _builtin_modules():
        pm.register(importlib.import_module(name), name=name)
    _load_entry_points(pm)
    for spec in config.plugins:
        module = _load_local_plugin(spec, config.root)
        if pm.is_registered(module):
            continue
        try:
            pm.register(module, name=spec)
        except (ValueError, pluggy.PluginValidationError) as exc:
            raise PluginError(f"plugin {spec!r}: {exc}") from None
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        message = str(exc).split(" in plugin ")[0]
        raise PluginError(f"plugin {name!r}: {message}") from None
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    if not may_have_entry_points():
        return
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=hookspecs.PROJECT_NAME), key=lambda e: e.name):
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # noqa: BLE001 - any import failure is reported
            raise PluginError(
                f"plugin {ep.name!r} (entry point {ep.value}) failed to load:"
                f" {type(exc).__name__}: {exc}"
            ) from None
        try:
            pm.register(plugin, name=ep.name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            raise PluginError(f"plugin {ep.name!r}: {exc}") from None
        dist = getattr(ep, "dist", None)
        if dist is not None:
            # for --version (pluggy only records what load_setuptools_entrypoints loads)
            dists = getattr(pm, "newslint_dists", [])
            dists.append((dist.metadata["Name"] or ep.name, dist.version or "?"))
            pm.newslint_dists = dists  # type: ignore[attr-defined]


def _load_local_plugin(spec: str, root_text: str) -> ModuleType:
    """Import a plugin named in config: a ``.py`` path (relative to the config
    file's folder) or a dotted module name (the config folder is searched too)."""
    import importlib.util  # here: most runs load no local plugin
    from pathlib import Path

    root = Path(root_text)
    try:
        if spec.endswith(".py") or "/" in spec or "\\" in spec:
            path = (root / spec).resolve()
            if not path.is_file():
                raise PluginError(f"plugin {spec!r}: file not found ({path})")
            name = f"newslint_local_{path.stem}_{abs(hash(str(path))):x}"
            if name in sys.modules:
                return sys.modules[name]
            module_spec = importlib.util.spec_from_file_location(name, path)
            if module_spec is None or module_spec.loader is None:
                raise PluginError(f"plugin {spec!r}: cannot import {path}")
            module = importlib.util.module_from_spec(module_spec)
            sys.modules[name] = module
            module_spec.loader.exec_module(module)
            return module
        root_str = str(root.resolve())
        added = root_str not in sys.path
        if added:
            sys.path.insert(0, root_str)
        try:
            return importlib.import_module(spec)
        finally:
            if added:
                sys.path.remove(root_str)
    except PluginError:
        raise
    except Exception as exc:  # noqa: BLE001 - any import failure is reported
        sys.modules.pop(f"newslint_local_{spec}", None)
        raise PluginError(
            f"plugin {spec!r} failed to load: {type(exc).__name__}: {exc}"
        ) from None


class RuleRegistry:
    """Every known rule class by code, and which plugin registered it."""

    def __init__(self) -> None:
        self.rules: dict[str, type[Rule]] = {}
        self.plugin_of: dict[str, str] = {}

    def add(self, rule: Any, plugin: str) -> None:
        if not (
            isinstance(rule, type) and issubclass(rule, (DocumentRule, CorpusRule))
        ):
            raise PluginError(
                f"plugin {plugin!r}: register_rules returned {rule!r},"
                " which is not a DocumentRule or CorpusRule subclass"
            )
        code = getattr(rule, "code", "")
        if not CODE_PATTERN.match(code):
            raise PluginError(f"plugin {plugin!r}: malformed rule code {code!r}")
        # exactly the modules shipped with newslint: an entry point merely named
        # "newslint.rules.something" does not get the reserved prefix
        builtin = plugin in _builtin_modules()
        if code.startswith(BUILTIN_PREFIX) and not builtin:
            raise PluginError(
                f"plugin {plugin!r}: code {code} uses the prefix N, reserved for"
                " built-in rules"
            )
        if code in self.rules and self.rules[code] is not rule:
            raise PluginError(
                f"plugin {plugin!r}: code {code} is already taken by plugin"
                f" {self.plugin_of[code]!r}"
            )
        self.rules[code] = rule
        self.plugin_of[code] = plugin

    def get(self, code: str) -> type[Rule]:
        return self.rules[code]

    def codes(self) -> list[str]:
        return sorted(self.rules)

    def families(self) -> set[str]:
        return {code.rstrip("0123456789") for code in self.rules}

    def is_known_selector(self, selector: str) -> bool:
        return selector == "ALL" or any(
            code.startswith(selector) for code in self.rules
        )

    def instantiate(self, codes: list[str], config: Config) -> list[Rule]:
        """Rule objects for ``codes`` with options validated from config."""
        out: list[Rule] = []
        for code in codes:
            cls = self.rules[code]
            options = cls.build_options(
                config.rule_options(code), f"{config.where()}: [rules.{code}]"
            )
            rule = cls(options)
            rule.plugin_name = self.plugin_of.get(code, "")  # type: ignore[misc]
            out.append(rule)
        return out


def build_registry(pm: pluggy.PluginManager, config: Config) -> RuleRegistry:
    registry = RuleRegistry()
    for impl in reversed(pm.hook.register_rules.get_hookimpls()):
        plugin_name = impl.plugin_name
        try:
            kwargs = {"config": config} if "config" in impl.argnames else {}
            result = impl.function(**kwargs)
        except (PluginError, ConfigError):
            raise
        except Exception as exc:  # noqa: BLE001
            raise PluginError(
                f"plugin {plugin_name!r}: register_rules failed:"
                f" {type(exc).__name__}: {exc}"
            ) from None
        for rule in result or ():
            registry.add(rule, plugin_name)
    _check_rule_tables(registry, config)
    return registry


def _check_rule_tables(registry: RuleRegistry, config: Config) -> None:
    for key, _ in config.rules:
        if not registry.is_known_selector(key):
            raise ConfigError(
                f"{config.where()}: [rules.{key}] names no known rule code or prefix"
            )
    # Options are validated for every rule they name, enabled or not: a typo in
    # the config of a rule that is switched off today is still an error.
    for code in registry.codes():
        if any(code.startswith(key) for key, _ in config.rules):
            registry.get(code).build_options(
                config.rule_options(code), f"{config.where()}: [rules.{code}]"
            )


def reporters(pm: pluggy.PluginManager) -> dict[str, Any]:
    """Output format name -> Reporter class, from every plugin."""
    out: dict[str, Any] = {}
    for result in reversed(pm.hook.register_reporters()):
        out.update(result or {})
    return out


def plugin_versions(pm: pluggy.PluginManager) -> list[tuple[str, str]]:
    """(name, version) of non-built-in plugins, for ``--version``."""
    out = list(getattr(pm, "newslint_dists", []))
    for plugin, dist in pm.list_plugin_distinfo():
        out.append((dist.project_name, dist.version))
        del plugin
    return sorted(set(out))

"""newslint's built-in rules, written exactly as a third-party plugin would be.

Each module is a pluggy plugin with a ``register_rules`` hook implementation.
``PLUGINS`` lists them for the plugin manager; adding a family means adding a
module here and nothing in the engine.
"""

PLUGINS: tuple[str, ...] = (
    "newslint.rules.typography",
    "newslint.rules.boilerplate",
    "newslint.rules.names",
    "newslint.rules.meta",
    "newslint.rules.house",
    "newslint.rules.encoding",
    "newslint.rules.numbers",
    "newslint.rules.quotes",
)

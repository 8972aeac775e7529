"""Output formats. Built-ins register through the ``register_reporters`` hook."""

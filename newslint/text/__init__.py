"""Shared text analysers, computed once per Document and used by many rules."""

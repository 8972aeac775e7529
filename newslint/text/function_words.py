"""Function words shared by the text analysers (names, quantities).

A word list used by several analysers lives here once; each analyser adds the
few words only it needs to ignore.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    a about above according added after again all also although an and any are as
    at be because been before being below between both but by can did do does
    during each even few for from had has have he her here him his how i if in into
    is it its just many me more most much my no nor not now of on only onto or
    other our over own said same says she should since so some still such than that
    the their them then there these they this those though to told too under until
    us very was we were what when where which while who whom whose why will with
    yet you your
    """.split()
)

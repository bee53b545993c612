"""factlint from Python: the claims of a text and the findings on records you hold.

The work runs in Rust with the GIL released, so threads calling factlint run at once.
Claims and findings are dicts in the shape of ``factlint extract -f json`` and
``factlint check -f json``; positions count inside each record's text
(``"within": "record"``).
"""

from ._factlint import Linter, __version__, extract
from .types import Claim, Finding, Related

__all__ = ["Claim", "Finding", "Linter", "Related", "extract", "__version__"]

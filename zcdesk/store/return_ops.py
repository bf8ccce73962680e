"""The committee's decisions and the forms' way back to the employers.

Part of the Store facade (see facade.py). In progress for issue #6.
"""

from __future__ import annotations


class ReturnOps:
    pass

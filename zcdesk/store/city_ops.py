"""The city desk: import the districts' transmittal files and check packets in.

Part of the Store facade (see facade.py). In progress for issue #6.
"""

from __future__ import annotations


class CityOps:
    pass

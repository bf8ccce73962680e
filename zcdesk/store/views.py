"""Transitional alias: the records now live in zcdesk.domain.records."""

from zcdesk.domain.records import *  # noqa: F403

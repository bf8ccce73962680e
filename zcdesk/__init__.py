"""zcdesk: the counter desk for paper packets of Hangzhou's title recognition."""

__version__ = "0.1.0"

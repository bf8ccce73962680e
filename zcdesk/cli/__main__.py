"""`python -m zcdesk.cli`: the same as `zcdesk`."""

from zcdesk.cli import main

raise SystemExit(main())

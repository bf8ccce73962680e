"""PyInstaller entry point for the frozen zcdesk (see build.spec)."""

from zcdesk.cli import main

raise SystemExit(main())

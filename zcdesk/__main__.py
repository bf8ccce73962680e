from zcdesk.cli import main

raise SystemExit(main())

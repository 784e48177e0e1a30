"""Allow `python -m kulturpunkt_desk`."""

from kulturpunkt_desk.cli import main

raise SystemExit(main())

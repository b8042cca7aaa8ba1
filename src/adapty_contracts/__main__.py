"""`python -m adapty_contracts` is the same as the `adapty-contracts` command."""

from adapty_contracts.cli import main

raise SystemExit(main())

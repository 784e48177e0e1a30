"""The programme's data, rules and services. No Qt here: the UI and the CLI both call in."""

"""The documented rules, one test module per resource (IDs of the rules files)."""

"""One module per subcommand: each has add_parser(subparsers, summary), which sets `run`; autograder/cli.py imports it only when its command runs."""

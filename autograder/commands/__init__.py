"""One module per subcommand: each has add_parser(subparsers), which sets `run`."""

"""Writing an assignment: scaffolding a new one, and deriving its generated files from the source notebook and the checks."""

"""Per assignment, the mutants and other correct answers its class run grades (see cases.mutants_of)."""

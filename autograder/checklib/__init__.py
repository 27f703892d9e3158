"""The library an assignment's check modules import: what a check compares, says, reads in a model, and trains.

- compare.py: `same` and `assert_same`, equality of values and of their types;
- messages.py: `mismatch` and `shown`, what a check says about what the student's function returned;
- models.py: reading a model's description (layers, settings, compile, outputs) and the verdicts on it;
- accuracy.py: seeded learning checks, their cached data and their verdict.

It holds nothing that serves one assignment only: that lives in the assignment's own package.
"""

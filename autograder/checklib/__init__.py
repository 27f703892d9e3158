"""The library an assignment's check modules import: what a check compares, says, reads in a model, and trains.

- compare.py: `same` and `assert_same`, equality of values and of their types;
- messages.py: `mismatch` and `shown`, what a check says about what the student's function returned;
- models.py: reading a model's description (layers, settings, compile, outputs) and the verdicts on it;
- accuracy.py: a seeded training, the cached data it trains on, a classifier's accuracy;
- learning.py: a learning check, declared once, judged against its calibrated threshold;
- calibration.py: an assignment's calibration.json, and the threshold it proposes;
- tolerance.py: the tolerance bound that keeps a correct model's false fails at 1 in 1,000.

It holds nothing that serves one assignment only: that lives in the assignment's own package.
"""

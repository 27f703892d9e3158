"""What runs inside the student's process: the probes that answer the grader's requests, and the plain-data wire.

The rule of this package: it is copied whole into the student's box (every .py file of this
folder, sandbox/kernel.py) and imported there as the package `__kit_probes__`, where the kit
itself is not installed and a submission may not import it. So its modules import only the
standard library, NumPy and Keras (with TensorFlow, Keras's backend), and each other by relative
imports; never a module of the kit. tests/test_architecture.py holds every import to that rule.

The grader's side imports the same modules as `autograder.probes`: the wire format and the typed
requests are one definition for both sides.
"""

"""A NumPy step function against the real thing: one step of a Keras recurrent cell given the same weights.

The weights are drawn at random (seeded) in the layouts Keras keeps them in, the student's
step and the Keras cell get the same inputs, and their new states must agree to TOLERANCE.
The Keras cells run in the grader's process, in float32.
"""

from dataclasses import dataclass

import numpy as np

from autograder.checklib.messages import mismatch, shown
from autograder.sandbox.student import Student

TOLERANCE = 1e-5
BATCH, INPUT_DIM, UNITS = 3, 5, 4  # all different, so a transposed weight or a mixed-up axis shows


@dataclass(frozen=True)
class CellStep:
    """A step function f(x_t, *previous states, *weights) that must compute what keras.layers.<cell> computes."""

    cell: str
    """The Keras cell's class, e.g. "LSTMCell" (Keras 3 defaults: GRUCell has reset_after=True)."""
    states: tuple[str, ...]
    """The names of the states it takes and returns, in order: one array, or a pair."""

    def keras_cell(self, weights: list[np.ndarray] | None = None):
        """A built Keras cell of UNITS units, with `weights` if given."""
        import keras

        cell = getattr(keras.layers, self.cell)(UNITS)
        cell.build((BATCH, INPUT_DIM))
        if weights is not None:
            cell.set_weights([w.astype(np.float32) for w in weights])
        return cell

    def random_weights(self, rng: np.random.Generator) -> list[np.ndarray]:
        """kernel, recurrent_kernel, bias in the shapes the Keras cell has, drawn from N(0, 0.5^2)."""
        return [
            rng.normal(0, 0.5, size=w.shape).astype(np.float32).astype(np.float64)
            for w in self.keras_cell().get_weights()
        ]

    def keras_states(self, cell, x: np.ndarray, states: list[np.ndarray]) -> list[np.ndarray]:
        _, new_states = cell(x.astype(np.float32), [s.astype(np.float32) for s in states])
        return [np.asarray(s, dtype=np.float64) for s in new_states]

    def returned_states(self, function: str, got: object) -> list[np.ndarray]:
        """The student's answer as a list of state arrays of shape (BATCH, UNITS); asserts its form."""
        if len(self.states) == 1:
            what, found = "h, one array", [got]
        else:
            what = f"the pair ({', '.join(self.states)})"
            assert type(got) is list and len(got) == len(self.states), (
                f"{function} must return {what}; it returned {shown(got)}"
            )
            found = got
        for name, state in zip(self.states, found):
            assert isinstance(state, np.ndarray) and state.shape == (BATCH, UNITS), mismatch(
                f"{function} returns {what}; {name} for a batch of {BATCH} and {UNITS} units",
                f"an array of shape {(BATCH, UNITS)}",
                state,
            )
        return found

    def check_form(self, student: Student, function: str) -> None:
        """One step from a zero state: the answer has the right form and shapes (its values are checked elsewhere)."""
        weights = self.random_weights(np.random.default_rng(0))
        zeros = [np.zeros((BATCH, UNITS)) for _ in self.states]
        self.returned_states(function, student.call(function, np.ones((BATCH, INPUT_DIM)), *zeros, *weights))

    def check_steps(self, student: Student, function: str, seed: int, steps: int = 1, zero_state: bool = False) -> None:
        """Run `steps` steps, feeding the student's own states back in, and compare each with the Keras cell's."""
        rng = np.random.default_rng(seed)
        weights = self.random_weights(rng)
        cell = self.keras_cell(weights)
        states = [np.zeros((BATCH, UNITS)) if zero_state else rng.normal(size=(BATCH, UNITS)) for _ in self.states]
        for step in range(1, steps + 1):
            x = rng.normal(size=(BATCH, INPUT_DIM))
            got = self.returned_states(function, student.call(function, x, *states, *weights))
            want = self.keras_states(cell, x, states)
            for name, g, w in zip(self.states, got, want):
                where = f" at step {step} of {steps}, fed its own states," if steps > 1 else ""
                assert np.allclose(g, w, rtol=0, atol=TOLERANCE), mismatch(
                    f"{function}{where} with random weights (input_dim={INPUT_DIM}, units={UNITS}):"
                    f" {name}, compared with keras.layers.{self.cell} given the same weights",
                    w,
                    g,
                )
            states = got

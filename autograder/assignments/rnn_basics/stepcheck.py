"""lstm_step and gru_step against the real thing: keras.layers.LSTMCell / GRUCell with the same weights.

The weights are drawn at random (seeded) in the layouts Keras keeps them in, the student's
NumPy step and the Keras cell get the same inputs, and their new states must agree to
TOLERANCE. The Keras cells run in the grader's process, in float32.
"""

from dataclasses import dataclass

import numpy as np
import pytest

from autograder.engine.messages import mismatch, shown

TOLERANCE = 1e-5
BATCH, INPUT_DIM, UNITS = 3, 5, 4  # all different, so a transposed weight or a mixed-up axis shows


@dataclass(frozen=True)
class Step:
    """What a step function returns: the names of its states, and whether they come as a pair."""

    function: str
    states: tuple[str, ...]
    previous: str  # what a random previous state tests, in a few words

    def cell(self, weights: list[np.ndarray] | None = None):
        """A built Keras cell of UNITS units (Keras 3 defaults: GRUCell has reset_after=True), with `weights` if given."""
        import keras

        cell = {"lstm_step": keras.layers.LSTMCell, "gru_step": keras.layers.GRUCell}[self.function](UNITS)
        cell.build((BATCH, INPUT_DIM))
        if weights is not None:
            cell.set_weights([w.astype(np.float32) for w in weights])
        return cell

    def random_weights(self, rng: np.random.Generator) -> list[np.ndarray]:
        """kernel, recurrent_kernel, bias in the shapes the Keras cell has, drawn from N(0, 0.5^2)."""
        return [
            rng.normal(0, 0.5, size=w.shape).astype(np.float32).astype(np.float64) for w in self.cell().get_weights()
        ]

    def keras_states(self, cell, x: np.ndarray, states: list[np.ndarray]) -> list[np.ndarray]:
        _, new_states = cell(x.astype(np.float32), [s.astype(np.float32) for s in states])
        return [np.asarray(s, dtype=np.float64) for s in new_states]

    def returned_states(self, got: object) -> list[np.ndarray]:
        """The student's answer as a list of state arrays of shape (BATCH, UNITS); asserts its form."""
        if len(self.states) == 1:
            what, found = "h, one array", [got]
        else:
            what = f"the pair ({', '.join(self.states)})"
            assert type(got) is list and len(got) == len(self.states), (
                f"{self.function} must return {what}; it returned {shown(got)}"
            )
            found = got
        for name, state in zip(self.states, found):
            assert isinstance(state, np.ndarray) and state.shape == (BATCH, UNITS), mismatch(
                f"{self.function} returns {what}; {name} for a batch of {BATCH} and {UNITS} units",
                f"an array of shape {(BATCH, UNITS)}",
                state,
            )
        return found

    def check_form(self, student) -> None:
        """One step from a zero state: the answer has the right form and shapes (its values are checked elsewhere)."""
        weights = self.random_weights(np.random.default_rng(0))
        zeros = [np.zeros((BATCH, UNITS)) for _ in self.states]
        self.returned_states(student.call(self.function, np.ones((BATCH, INPUT_DIM)), *zeros, *weights))

    def check_steps(self, student, seed: int, steps: int = 1, zero_state: bool = False) -> None:
        """Run `steps` steps, feeding the student's own states back in, and compare each with the Keras cell's."""
        rng = np.random.default_rng(seed)
        weights = self.random_weights(rng)
        cell = self.cell(weights)
        states = [np.zeros((BATCH, UNITS)) if zero_state else rng.normal(size=(BATCH, UNITS)) for _ in self.states]
        for step in range(1, steps + 1):
            x = rng.normal(size=(BATCH, INPUT_DIM))
            got = self.returned_states(student.call(self.function, x, *states, *weights))
            want = self.keras_states(cell, x, states)
            for name, g, w in zip(self.states, got, want):
                where = f" at step {step} of {steps}, fed its own states," if steps > 1 else ""
                assert np.allclose(g, w, rtol=0, atol=TOLERANCE), mismatch(
                    f"{self.function}{where} with random weights (input_dim={INPUT_DIM}, units={UNITS}):"
                    f" {name}, compared with keras.layers.{type(cell).__name__} given the same weights",
                    w,
                    g,
                )
            states = got


def step_checks(step: Step) -> tuple[object, ...]:
    """The checks of one step function, as examples_check builds its gate: (form, zero state, random state, sequence)."""
    keras_cell = f"keras.layers.{'LSTMCell' if step.function == 'lstm_step' else 'GRUCell'}"
    states = ", ".join(step.states)

    @pytest.mark.points(1)
    def test_returns_states(student) -> None:
        step.check_form(student)

    @pytest.mark.points(1.5)
    def test_from_zero_state(student) -> None:
        step.check_steps(student, seed=11, zero_state=True)

    @pytest.mark.points(1.5)
    def test_from_random_state(student) -> None:
        step.check_steps(student, seed=12)

    @pytest.mark.points(1)
    def test_over_a_sequence(student) -> None:
        step.check_steps(student, seed=13, steps=6, zero_state=True)

    test_returns_states.__doc__ = (
        f"returns the pair ({states}), each of shape (batch, units)"
        if len(step.states) > 1
        else f"returns {states}, of shape (batch, units)"
    )
    test_from_zero_state.__doc__ = f"matches {keras_cell} from zero previous states, with random weights and inputs"
    test_from_random_state.__doc__ = f"matches {keras_cell} from random previous states ({step.previous})"
    test_over_a_sequence.__doc__ = f"matches {keras_cell} over 6 steps, each fed the ({states}) of the step before"
    return test_returns_states, test_from_zero_state, test_from_random_state, test_over_a_sequence


LSTM = Step("lstm_step", ("h", "c"), "the forget gate acts on c_prev")
GRU = Step("gru_step", ("h",), "the update gate mixes h_prev with the candidate")

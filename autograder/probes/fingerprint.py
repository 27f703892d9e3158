"""Everything a seeded training of a freshly built Keras model depends on, as one digest.

Taken inside the process that built the model, just before it would be trained. Two models
with the same digest train to the same weights on the same data with the same settings:
it covers the library versions and the global settings, the architecture and every
layer's settings, the compile settings and the optimizer's, every initial weight to the
byte, and the state of every random generator that training draws from. A model whose
training could depend on code that the digest does not cover has none: a layer, loss,
metric or optimizer that is not Keras's own, a Lambda layer, or a Keras method replaced
by other code.
"""

import hashlib
import json
import random
import types
from typing import Any

import numpy as np

KERAS = ("keras.",)
"""Where the classes of a model, its layers, its optimizer and its loss must come from."""
LIBRARIES = ("keras.", "tensorflow.", "builtins", "abc", "typing", "functools")
"""Where their base classes and methods may come from (TensorFlow's trackables, object, decorators)."""
FUNCTIONS = (types.FunctionType, types.MethodType)


def fingerprint(model: Any) -> str | None:
    """The model's training digest (hex), or None when something outside its settings could change its training."""
    import keras
    import tensorflow as tf
    from tensorflow.python.framework.config import is_op_determinism_enabled

    if getattr(model, "optimizer", None) is None:  # not compiled: its own training says what is wrong
        return None
    if not all(_keras_own(thing) for thing in [model, *_all_layers(model), model.optimizer, model.loss]):
        return None
    configs = [json.loads(model.to_json()), model.get_compile_config(), model.optimizer.get_config()]
    if not _names_keras_only(configs):
        return None
    digest = hashlib.sha256()

    def add(value: Any) -> None:
        digest.update(json.dumps(value, sort_keys=True, default=repr).encode())

    add([keras.__version__, tf.__version__, np.__version__, keras.config.backend(), keras.config.floatx()])
    add([keras.config.epsilon(), keras.config.image_data_format(), keras.config.dtype_policy().name])
    add([tf.config.functions_run_eagerly(), is_op_determinism_enabled()])
    add(
        [tf.config.threading.get_intra_op_parallelism_threads(), tf.config.threading.get_inter_op_parallelism_threads()]
    )
    add(configs)
    for weight in model.weights:  # trainable, non-trainable, and the layers' own random generators' states
        value = np.asarray(weight.numpy())
        add([weight.path, str(value.dtype), list(value.shape)])
        digest.update(value.tobytes())
    add(_random_states())
    return digest.hexdigest()


def _all_layers(model: Any) -> list[Any]:
    """Every layer of the model, those of nested models too."""
    found = []
    for layer in getattr(model, "layers", []):
        found += [layer, *_all_layers(layer)]
    return found


def _keras_own(thing: Any) -> bool:
    """Whether `thing` (None, a loss's name, a Keras function or object) runs only Keras's own code."""
    if thing is None or isinstance(thing, str):
        return True
    if isinstance(thing, FUNCTIONS):
        return _from(thing, KERAS)
    kind = type(thing)
    if not kind.__module__.startswith(KERAS) or kind.__name__ == "Lambda":
        return False
    if not _unpatched(thing):  # model.fit = ... on the object itself (Keras puts its own wrappers there)
        return False
    return all(base.__module__.startswith(LIBRARIES) and _unpatched(base) for base in kind.__mro__)


def _unpatched(owner: object) -> bool:
    """Whether every function set on the class or object comes from the libraries (keras.Model.fit = ... would not)."""
    for value in vars(owner).values():
        function = getattr(value, "__func__", value)  # a classmethod's or staticmethod's own function
        if isinstance(function, FUNCTIONS) and not _from(function, LIBRARIES):
            return False
    return True


def _from(function: Any, modules: tuple[str, ...]) -> bool:
    return (getattr(function, "__module__", None) or "").startswith(modules)


def _names_keras_only(config: Any) -> bool:
    """Whether a serialized config names only Keras's own objects (a custom one names its own module, or a registration)."""
    if isinstance(config, dict):
        module = config.get("module")
        if isinstance(module, str) and not (module == "keras" or module.startswith(KERAS)):
            return False
        if config.get("registered_name") not in (None, config.get("class_name")):
            return False
        return all(_names_keras_only(value) for value in config.values())
    if isinstance(config, list):
        return all(_names_keras_only(value) for value in config)
    return True


def random_states() -> tuple:
    """The generators that training draws from after the model was built: Python's, NumPy's, Keras's, TensorFlow's."""
    from keras.src.backend.common import global_state
    from keras.src.random.seed_generator import GLOBAL_SEED_GENERATOR
    from tensorflow.python.eager import context

    generator = global_state.get_global_attribute(GLOBAL_SEED_GENERATOR)  # read only: getting it would make one
    operation_seeds = context.context()._rng  # where TensorFlow draws the seeds of random ops without their own
    return (
        random.getstate(),
        np.random.get_state(),
        None if generator is None else np.array(generator.state.numpy()),
        context.context()._seed,
        None if operation_seeds is None else operation_seeds.getstate(),
    )


def restore_random_states(states: tuple) -> None:
    """Put the generators back as random_states() found them."""
    from keras.src.backend.common import global_state
    from keras.src.random.seed_generator import GLOBAL_SEED_GENERATOR
    from tensorflow.python.eager import context

    python, numpy, keras_state, _, operation_seeds = states
    random.setstate(python)
    np.random.set_state(numpy)
    generator = global_state.get_global_attribute(GLOBAL_SEED_GENERATOR)
    if generator is not None and keras_state is not None:
        generator.state.assign(keras_state)
    if context.context()._rng is not None and operation_seeds is not None:
        context.context()._rng.setstate(operation_seeds)


def _random_states() -> list[str]:
    """random_states(), each as a digest."""
    python, (kind, key, *rest), keras_state, seed, operation_seeds = random_states()
    states = [
        python,
        (kind, key.tobytes(), *rest),  # the bytes: an array's repr may leave values out
        None if keras_state is None else keras_state.tobytes(),
        (seed, operation_seeds),
    ]
    return [hashlib.sha256(repr(state).encode()).hexdigest() for state in states]

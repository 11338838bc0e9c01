r"""
The torch package contains data structures for multi-dimensional
tensors and defines mathematical operations over these tensors.

This is the Onramp lab's stand-in (no GPU, no C extension): torch.__version__, torch.version,
torch.cuda (availability, device count, names, properties, and the real warnings and errors
when the driver is missing, too old or broken), torch.backends.cudnn/mps, and a tiny Tensor.
The build it pretends to be comes from _onramp_build.json next to this file (written by the
conda stand-in); the GPUs and driver come from the lab's GPU model shared with nvidia-smi.
"""

import contextlib as _contextlib

from . import _onramp
from . import _C
from . import version
from .version import __version__ as __version__
from . import _tensor
from ._tensor import (Tensor, Size, device, dtype, tensor, zeros, ones, empty, full, rand, randn,
                      arange, manual_seed, is_tensor)

float32 = float = _tensor.float32
float64 = double = _tensor.float64
float16 = half = _tensor.float16
bfloat16 = _tensor.bfloat16
int64 = long = _tensor.int64
int32 = int = _tensor.int32
int8 = _tensor.int8
uint8 = _tensor.uint8
bool = _tensor.bool_

from . import cuda  # noqa: E402
from . import backends  # noqa: E402
from . import utils  # noqa: E402


def get_default_dtype():
    return float32


def is_grad_enabled():
    return _grad_enabled[0]


_grad_enabled = [True]


@_contextlib.contextmanager
def no_grad():
    prev = _grad_enabled[0]
    _grad_enabled[0] = False
    try:
        yield
    finally:
        _grad_enabled[0] = prev


inference_mode = no_grad


def set_grad_enabled(mode):
    _grad_enabled[0] = mode


def get_num_threads():
    import os as _os
    return max(1, len(_os.sched_getaffinity(0)))


__all__ = ["Tensor", "Size", "device", "dtype", "tensor", "zeros", "ones", "empty", "full", "rand",
           "randn", "arange", "manual_seed", "is_tensor", "no_grad", "cuda", "backends", "version"]

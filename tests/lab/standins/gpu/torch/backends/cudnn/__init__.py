"""torch.backends.cudnn (stand-in)."""

from ... import _onramp

enabled = True
benchmark = False
deterministic = False
allow_tf32 = True


def version():
    """cuDNN version as an int (8700 for 8.7.0), None for a CPU-only build."""
    return _onramp.cudnn_version()


def is_available():
    return _onramp.is_cuda_build()

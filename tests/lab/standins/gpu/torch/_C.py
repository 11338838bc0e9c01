"""Stand-in for torch's C extension: only the CUDA entry points torch.cuda uses.

A CPU-only build has no _cuda_* functions at all (torch.cuda._is_compiled() checks for them).
"""

import warnings

from . import _onramp

_device_count = None
_current_device = 0


def _cuda_getDeviceCount():
    """c10::cuda::device_count(): computed once per process; a failure is a one-time warning."""
    global _device_count
    if _device_count is None:
        kind, message = _onramp.cuda_status()
        if kind == "nodriver" and (_onramp.version_tuple() < (1, 8, 0) or
                                   _onramp.knob("torch.nodriver_warning", "0") in ("1", "yes", "true", "on")):
            message = _onramp.NO_DRIVER          # before 1.8 a missing driver warned too (or forced by knob)
        if message:
            warnings.warn(_onramp.triggered("CUDA initialization: " + message), UserWarning, stacklevel=2)
        _device_count = len(_onramp.visible_gpus()) if kind == "ok" else 0
    return _device_count


def _cuda_init():
    """THCPModule_initExtension: raises when no usable device exists."""
    message = _onramp.init_error()
    if message:
        raise RuntimeError(message)


def _cuda_getDevice():
    return _current_device


def _cuda_setDevice(index):
    global _current_device
    _current_device = int(index)


def _cuda_getCompiledVersion():
    major, minor = (str(_onramp.BUILD["cuda"]).split(".") + ["0"])[:2]
    return int(major) * 1000 + int(minor) * 10


if not _onramp.is_cuda_build():
    del _cuda_getDeviceCount, _cuda_init, _cuda_getDevice, _cuda_setDevice, _cuda_getCompiledVersion

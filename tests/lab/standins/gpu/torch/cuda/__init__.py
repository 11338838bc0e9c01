r"""
This package adds support for CUDA tensor types.

Onramp lab stand-in for torch.cuda (torch 2.1.2 semantics). There is no GPU here: the devices,
the driver and its failures come from the lab's GPU model (tests/lab/standins/gpu/gpulab.py),
shared with the nvidia-smi stand-in.

Line numbers matter in this file. Real torch 2.1.2 reports a failed CUDA initialisation as
  .../torch/cuda/__init__.py:138: UserWarning: CUDA initialization: ...
    return torch._C._cuda_getDeviceCount() > 0
and its tracebacks through _lazy_init show line 289 (CPU-only build) or line 298 (driver
problems). The statements below sit on exactly those lines; the conformance tests check it.
Keep them there when editing (add or remove lines only below _lazy_init, or pad above).
"""

import contextlib
import os
import threading
import warnings
from typing import Any, List, Optional, Tuple, Union, cast

import torch
from .. import _onramp

_initialized = False
_tls = threading.local()
_initialization_lock = threading.Lock()
_queued_calls: List[Any] = []
_is_in_bad_fork = getattr(torch._C, "_cuda_isInBadFork", lambda: False)
_cudart = object()
has_half: bool = True
has_magma: bool = True
default_generators: Tuple[Any, ...] = ()


class DeferredCudaCallError(Exception):
    pass


class OutOfMemoryError(RuntimeError):
    pass


class _CudaDeviceProperties:
    def __init__(self, gpu):
        major, minor = (str(gpu.get("compute_cap", "9.0")).split(".") + ["0"])[:2]
        self.name = gpu["name"]
        self.major = int(major)
        self.minor = int(minor)
        usable = int(gpu["memory_total_mib"]) - int(gpu.get("memory_reserved_mib", 0))
        self.total_memory = usable * 1024 * 1024
        self.multi_processor_count = int(gpu.get("multi_processor_count", 0))
        self.is_integrated = 0
        self.is_multi_gpu_board = 0

    def __repr__(self):
        return ("_CudaDeviceProperties(name='%s', major=%d, minor=%d, total_memory=%dMB, "
                "multi_processor_count=%d)" % (self.name, self.major, self.minor,
                                               self.total_memory // (1024 * 1024),
                                               self.multi_processor_count))


def _is_compiled() -> bool:
    r"""Returns true if compile with CUDA support."""
    return hasattr(torch._C, "_cuda_getDeviceCount")


def _nvml_based_avail() -> bool:
    return os.getenv("PYTORCH_NVML_BASED_CUDA_CHECK") == "1"


def _pad_to_is_available():
    # (filler so that is_available()'s return statement lands on line 138, as in torch 2.1.2)
    pass
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#


def is_available() -> bool:
    r"""Returns a bool indicating if CUDA is currently available."""
    if not _is_compiled():
        return False
    if _nvml_based_avail():
        # The user has set an env variable to request this availability check that attempts to avoid fork poisoning by
        # using NVML at the cost of a weaker CUDA availability assessment. Note that if NVML discovery/initialization
        # fails, this assessment falls back to the default CUDA Runtime API assessment (`cudaGetDeviceCount`)
        return device_count() > 0
    else:
        # The default availability inspection never throws and returns 0 if the driver is missing or can't
        # be initialized. This uses the CUDA Runtime API `cudaGetDeviceCount` which in turn initializes the CUDA Driver
        # API via `cuInit`
        return torch._C._cuda_getDeviceCount() > 0


def is_bf16_supported():
    r"""Returns a bool indicating if the current CUDA/ROCm device supports dtype bfloat16"""
    return is_available() and get_device_capability(current_device())[0] >= 8


def _sleep(cycles):
    pass


def is_initialized():
    r"""Returns whether PyTorch's CUDA state has been initialized."""
    return _initialized and not _is_in_bad_fork()


def _lazy_call(callable, **kwargs):
    if is_initialized():
        callable()
    else:
        _queued_calls.append((callable, kwargs))


def _parse_visible_devices() -> Union[List[int], List[str]]:
    """Parse CUDA_VISIBLE_DEVICES environment variable."""
    var = os.getenv("CUDA_VISIBLE_DEVICES")
    if var is None:
        return list(range(64))

    def _strtoul(s: str) -> int:
        """Return -1 or positive integer sequence string starts with,"""
        if not s:
            return -1
        end = 0
        for i, c in enumerate(s):
            if not (c.isdigit() or (i == 0 and c in "+-")):
                break
            end = i + 1
        try:
            return int(s[:end]) if end > 0 else -1
        except ValueError:
            return -1

    def parse_list_with_prefix(lst: str, prefix: str) -> List[str]:
        rcs: List[str] = []
        for elem in lst.split(","):
            # Repeated id results in empty set
            if elem in rcs:
                return cast(List[str], [])
            # Anything other but prefix is ignored
            if not elem.startswith(prefix):
                break
            rcs.append(elem)
        return rcs

    if var.startswith("GPU-"):
        return parse_list_with_prefix(var, "GPU-")
    if var.startswith("MIG-"):
        return parse_list_with_prefix(var, "MIG-")
    # CUDA_VISIBLE_DEVICES uses something like strtoul
    # which makes `1gpu2,2ampere` is equivalent to `1,2`
    rc: List[int] = []
    for elem in var.split(","):
        x = _strtoul(elem.strip())
        # Repeated ordinal results in empty set
        if x in rc:
            return cast(List[int], [])
        # Negative value aborts the sequence
        if x < 0:
            break
        rc.append(x)
    return rc


# (filler: keeps _lazy_init's raise/_cuda_init on lines 289/298, as in torch 2.1.2)
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
#
def _lazy_init():
    global _initialized, _queued_calls
    if is_initialized() or hasattr(_tls, "is_initializing"):
        return
    with _initialization_lock:
        # We be double-checked locking, boys!  This is OK because
        # the above test was GIL protected anyway.  The inner test
        # is for when a thread blocked on some other thread which was
        # doing the initialization; when they get the lock, they will
        # find there is nothing left to do.
        if is_initialized():
            return
        # It is important to prevent other threads from entering _lazy_init
        # immediately, while we are still guaranteed to have the GIL, because some
        # of the C calls we make below will release the GIL
        if _is_in_bad_fork():
            raise RuntimeError(
                "Cannot re-initialize CUDA in forked subprocess. To use CUDA with "
                "multiprocessing, you must use the 'spawn' start method"
            )
        if not hasattr(torch._C, "_cuda_getDeviceCount"):
            raise AssertionError("Torch not compiled with CUDA enabled")
        if _cudart is None:
            raise AssertionError(
                "libcudart functions unavailable. It looks like you have a broken build?"
            )
        # This function throws if there's a driver initialization error, no GPUs
        # are found or any other error occurs
        if "CUDA_MODULE_LOADING" not in os.environ:
            os.environ["CUDA_MODULE_LOADING"] = "LAZY"
        torch._C._cuda_init()
        # Some of the queued calls may reentrantly call _lazy_init();
        # we need to just return without initializing in that case.
        # However, we must not let any *other* threads in!
        _tls.is_initializing = True

        try:
            for queued_call, orig_traceback in _queued_calls:
                try:
                    queued_call()
                except Exception as e:
                    msg = (
                        f"CUDA call failed lazily at initialization with error: {str(e)}\n\n"
                        f"CUDA call was originally invoked at:\n\n{''.join(orig_traceback)}"
                    )
                    raise DeferredCudaCallError(msg) from e
        finally:
            delattr(_tls, "is_initializing")
        _initialized = True


def init():
    r"""Initialize PyTorch's CUDA state."""
    _lazy_init()


def _raw_device_count_nvml() -> int:
    r"""Return number of devices as reported by NVML or negative value if NVML discovery/initialization failed."""
    node = _onramp.node()
    if node is None or not node.driver_installed():
        raise OSError("libnvidia-ml.so.1: cannot open shared object file: No such file or directory")
    if node.status() in ("nodriver", "mismatch"):
        warnings.warn("Can't initialize NVML")
        return -1
    return len(node.gpus)


def _raw_device_uuid_nvml() -> Optional[List[str]]:
    r"""Return list of device UUID as reported by NVML or None if NVM discovery/initialization failed."""
    node = _onramp.node()
    if node is None or not node.driver_installed():
        raise OSError("libnvidia-ml.so.1: cannot open shared object file: No such file or directory")
    if node.status() in ("nodriver", "mismatch"):
        warnings.warn("Can't initialize NVML")
        return None
    return [g["uuid"] for g in node.gpus]


def _transform_uuid_to_ordinals(candidates: List[str], uuids: List[str]) -> List[int]:
    r"""Given the set of partial uuids and list of known uuids builds a set of ordinals excluding ambiguous partials IDs."""

    def uuid_to_orinal(candidate: str, uuids: List[str]) -> int:
        best_match = -1
        for idx, uuid in enumerate(uuids):
            if not uuid.startswith(candidate):
                continue
            # Ambiguous candidate
            if best_match != -1:
                return -1
            best_match = idx
        return best_match

    rc: List[int] = []
    for candidate in candidates:
        idx = uuid_to_orinal(candidate, uuids)
        # First invalid ordinal stops parsing
        if idx < 0:
            break
        # Duplicates result in empty set
        if idx in rc:
            return cast(List[int], [])
        rc.append(idx)
    return rc


def _device_count_nvml() -> int:
    r"""Return number of devices as reported by NVML taking CUDA_VISIBLE_DEVICES into account.

    Negative value is returned if NVML discovery or initialization has failed.
    """
    visible_devices = _parse_visible_devices()
    if not visible_devices:
        return 0
    try:
        if type(visible_devices[0]) is str:
            # Skip MIG parsing
            if visible_devices[0].startswith("MIG-"):
                return -1
            uuids = _raw_device_uuid_nvml()
            if uuids is None:
                return -1
            visible_devices = _transform_uuid_to_ordinals(
                cast(List[str], visible_devices), uuids
            )
        else:
            raw_cnt = _raw_device_count_nvml()
            if raw_cnt <= 0:
                return raw_cnt
            # Trim the list up to a maximum available device
            for idx, val in enumerate(visible_devices):
                if cast(int, val) >= raw_cnt:
                    return idx
    except OSError:
        return -1
    except AttributeError:
        return -1
    return len(visible_devices)


def device_count() -> int:
    r"""Returns the number of GPUs available."""
    if not _is_compiled():
        return 0
    # bypass _device_count_nvml() if rocm (not supported)
    nvml_count = -1 if torch.version.hip else _device_count_nvml()
    return torch._C._cuda_getDeviceCount() if nvml_count < 0 else nvml_count


def _get_device_index(device: Any, optional: bool = False) -> int:
    if device is None:
        if optional:
            return current_device()
        raise ValueError("Expected a cuda device, but got: None")
    if isinstance(device, int):
        return device
    if isinstance(device, str):
        device = torch.device(device)
    if isinstance(device, torch.device):
        if device.type != "cuda":
            raise ValueError(f"Expected a cuda device, but got: {device}")
        return current_device() if device.index is None else device.index
    raise ValueError(f"Expected a cuda device, but got: {device}")


def get_device_properties(device: Any) -> _CudaDeviceProperties:
    r"""Gets the properties of a device."""
    _lazy_init()  # will define _get_device_properties
    device = _get_device_index(device, optional=True)
    if device < 0 or device >= device_count():
        raise AssertionError("Invalid device id")
    return _CudaDeviceProperties(_onramp.visible_gpus()[device])


def get_device_name(device: Any = None) -> str:
    r"""Gets the name of a device."""
    return get_device_properties(device).name


def get_device_capability(device: Any = None) -> Tuple[int, int]:
    r"""Gets the cuda capability of a device."""
    prop = get_device_properties(device)
    return prop.major, prop.minor


def current_device() -> int:
    r"""Returns the index of a currently selected device."""
    _lazy_init()
    return torch._C._cuda_getDevice()


def set_device(device: Any) -> None:
    r"""Sets the current device."""
    device = _get_device_index(device)
    if device >= 0:
        _lazy_init()
        if device >= device_count():
            raise RuntimeError("CUDA error: invalid device ordinal")
        torch._C._cuda_setDevice(device)


class device:
    r"""Context-manager that changes the selected device."""

    def __init__(self, device: Any):
        self.idx = _get_device_index(device, optional=True)
        self.prev_idx = -1

    def __enter__(self):
        self.prev_idx = current_device()
        set_device(self.idx)

    def __exit__(self, type: Any, value: Any, traceback: Any):
        set_device(self.prev_idx)
        return False


def get_arch_list() -> List[str]:
    r"""Returns list CUDA architectures this library was compiled for."""
    if not is_available():
        return []
    if str(torch.version.cuda).startswith("12"):
        return ["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"]
    return ["sm_37", "sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"]


def synchronize(device: Any = None) -> None:
    r"""Waits for all kernels in all streams on a CUDA device to complete."""
    _lazy_init()


def empty_cache() -> None:
    r"""Releases all unoccupied cached memory currently held by the caching allocator."""
    if is_initialized():
        pass


def memory_allocated(device: Any = None) -> int:
    r"""Returns the current GPU memory occupied by tensors in bytes for a given device."""
    return torch._tensor._cuda_bytes() if is_initialized() else 0


def max_memory_allocated(device: Any = None) -> int:
    return memory_allocated(device)


def memory_reserved(device: Any = None) -> int:
    allocated = memory_allocated(device)
    return 0 if allocated == 0 else ((allocated + (2 << 20) - 1) // (2 << 20)) * (2 << 20)


def mem_get_info(device: Any = None) -> Tuple[int, int]:
    r"""Returns the global free and total GPU memory for a given device using cudaMemGetInfo."""
    _lazy_init()
    idx = _get_device_index(device, optional=True)
    gpus = _onramp.visible_gpus()
    if idx < 0 or idx >= len(gpus):
        raise RuntimeError("CUDA error: invalid device ordinal")
    node = _onramp.node()
    physical = (node.visible or [])[idx]
    total = int(gpus[idx]["memory_total_mib"]) * 1024 * 1024
    used = int(node.sample(physical)["memory_used_mib"]) * 1024 * 1024
    reserved = int(gpus[idx].get("memory_reserved_mib", 0)) * 1024 * 1024
    return max(0, total - reserved - used - memory_reserved()), total


@contextlib.contextmanager
def stream(stream: Any = None):
    yield


def manual_seed(seed: int) -> None:
    pass


def manual_seed_all(seed: int) -> None:
    pass


__all__ = [
    "OutOfMemoryError", "current_device", "device", "device_count", "empty_cache",
    "get_arch_list", "get_device_capability", "get_device_name", "get_device_properties", "init",
    "is_available", "is_bf16_supported", "is_initialized", "manual_seed", "manual_seed_all",
    "max_memory_allocated", "mem_get_info", "memory_allocated", "memory_reserved", "set_device",
    "stream", "synchronize",
]

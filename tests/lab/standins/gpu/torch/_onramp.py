"""Glue between the torch stand-in and the lab's GPU model (not part of real torch).

Reads, next to this file:
  _onramp_build.json  written by the conda stand-in per env: {"version", "cuda" (null = CPU), "build"}
  _onramp_lab.json    written by tests/lab/standins/gpu/install: {"gpus_file", "control_file"}
  _onramp_gpulab.py   copy of tests/lab/standins/gpu/gpulab.py (in the source tree: ../gpulab.py)
"""

import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Driver message texts, verbatim from c10/cuda/CUDAFunctions.cpp (see ../shared/corpus/pytorch).
NO_DRIVER = ("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and "
             "installed a driver from http://www.nvidia.com/Download/index.aspx")
TOO_OLD = ("The NVIDIA driver on your system is too old (found version %d). Please update your GPU "
           "driver by downloading and installing a new version from the URL: "
           "http://www.nvidia.com/Download/index.aspx Alternatively, go to: https://pytorch.org to "
           "install a PyTorch version that has been compiled with your version of the CUDA driver.")
INIT_FAILED = "CUDA driver initialization failed, you might not have a CUDA gpu."
MISMATCH = ("Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before "
            "calling NumCudaDevices() that might have already set an error? Error 803: system has "
            "unsupported display driver / cuda driver combination")
NO_GPUS = "No CUDA GPUs are available"

# git hashes of release tags (torch.version.git_version)
GIT_VERSIONS = {
    "2.1.2": "a8e7c98cb95ff97bb30a728c6b2a1ce6bff946eb",
}


def _read_json(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


BUILD = {"version": "2.1.2", "cuda": None, "build": "py3.11_cpu_0"}
BUILD.update(_read_json("_onramp_build.json"))
LAB = _read_json("_onramp_lab.json")


def version_tuple(text=None):
    parts = []
    for p in str(text or BUILD["version"]).split("+")[0].split("."):
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple((parts + [0, 0, 0])[:3])


def is_cuda_build():
    return bool(BUILD.get("cuda"))


def version_string():
    """torch.__version__: conda's pytorch channel builds report the plain version ("2.1.2");
    pip wheels from download.pytorch.org add a local tag ("2.1.2+cu118"). The conda stand-in
    may put a full "version_string" into the build json to choose."""
    return BUILD.get("version_string") or str(BUILD["version"])


def is_conda_build():
    build = str(BUILD.get("build") or "")
    return build.startswith("py") or BUILD.get("channel") in ("pytorch", "conda-forge", "nvidia")


def cudnn_version():
    if not is_cuda_build():
        return None
    build = str(BUILD.get("build") or "")
    for piece in build.split("_"):
        if piece.startswith("cudnn"):
            nums = [int(x) for x in piece[5:].split(".") if x.isdigit()]
            nums = (nums + [0, 0, 0])[:3]
            return nums[0] * 1000 + nums[1] * 100 + nums[2]
    return 8902 if str(BUILD["cuda"]).startswith("12") else 8700


def triggered(message):
    """Append the '(Triggered internally at ...)' suffix TORCH_WARN adds, as this build would."""
    v = version_tuple()
    if v < (1, 8, 0):
        return "%s (Triggered internally at  /pytorch/c10/cuda/CUDAFunctions.cpp:100.)" % message
    line = 109 if v >= (2, 5, 0) else 108
    if BUILD.get("triggered_prefix"):
        prefix = BUILD["triggered_prefix"]
    elif is_conda_build():
        prefix = "/opt/conda/conda-bld/pytorch_1702400410390/work"
    else:
        prefix = ".."
    return "%s (Triggered internally at %s/c10/cuda/CUDAFunctions.cpp:%d.)" % (message, prefix, line)


_gpulab = None
_node = None
_node_error = None


def gpulab():
    global _gpulab
    if _gpulab is None:
        for path in (os.path.join(HERE, "_onramp_gpulab.py"), os.path.join(HERE, "..", "gpulab.py")):
            if os.path.isfile(path):
                spec = importlib.util.spec_from_file_location("torch._onramp_gpulab", path)
                mod = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(mod)
                _gpulab = mod
                break
        else:
            raise ImportError("torch (Onramp lab stand-in): gpulab module missing next to %s" % HERE)
    return _gpulab


def node():
    """The lab GPU model as this process sees it (computed once, like CUDA's own init)."""
    global _node, _node_error
    if _node is None and _node_error is None:
        lab = gpulab()
        try:
            data = lab.find_data_file([LAB.get("gpus_file"), os.path.join(HERE, "..", "gpus.json")])
            _node = lab.Node(data, control_file=LAB.get("control_file"))
        except (lab.LabError, OSError, ValueError) as exc:
            _node_error = str(exc)
            if os.environ.get("CUDA_VISIBLE_DEVICES"):
                sys.stderr.write("torch (Onramp lab stand-in): %s; behaving as if no driver\n" % exc)
    return _node


def knob(name, default=None):
    n = node()
    return n.knobs.get(name, default) if n is not None else default


def driver_too_old(n):
    """Does the driver's CUDA version reject this build's CUDA runtime?

    Real rule (CUDA minor version compatibility, CUDA >= 11.1): a runtime of major version M runs on
    any driver supporting M.0 or later, so a cu118 build works on a 470 (CUDA 11.4) driver and only
    a cu12x build is "too old" there. The knob torch.driver_check=strict compares full versions.
    """
    lab = gpulab()
    need = lab.cuda_tuple(BUILD["cuda"])
    have = lab.cuda_tuple(n.cuda_version)
    strict = (n.knobs.get("torch.driver_check", "minor").strip().lower() == "strict")
    if not strict and need[0] >= 11:
        need = (need[0], 0)
    return have < need


def cuda_status():
    """(kind, message) for a CUDA build: kind is ok, nodriver, init_failed, mismatch, nodevices
    or too_old; message is what cudaGetDeviceCount's failure turns into (None when silent)."""
    n = node()
    if n is None or not n.driver_installed():
        return "nodriver", None
    st = n.status()
    if st == "nodriver":
        return "init_failed", INIT_FAILED
    if st == "mismatch":
        return "mismatch", MISMATCH
    if st == "nodevices":
        return "nodevices", None
    if driver_too_old(n):
        return "too_old", TOO_OLD % gpulab().cuda_int(n.cuda_version)
    return "ok", None


def init_error():
    """Message of the RuntimeError torch._C._cuda_init() raises, or None when CUDA works."""
    kind, message = cuda_status()
    if kind == "nodriver":
        return NO_DRIVER
    if kind == "nodevices":
        return NO_GPUS
    return message


def visible_gpus():
    """Physical GPU dicts in CUDA's visible order (only meaningful when cuda_status() is ok)."""
    n = node()
    return [n.gpus[i] for i in (n.visible or [])] if n is not None else []

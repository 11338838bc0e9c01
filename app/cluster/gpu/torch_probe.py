# Onramp's PyTorch probe. Run with the environment's Python (python -c, or conda run). It prints exactly
# ONE JSON object, on one line, on stdout, whatever happens: torch missing or broken, CUDA failing, a hang
# past the deadline. Everything else (torch's own prints, C++ warnings) is sent to stderr.
# Keep it standard library only, and valid Python 2.7 and 3.x syntax: old environments exist.
import json
import os
import sys
import threading
import traceback
import warnings

PROBE_VERSION = 1

result = {
    "onramp_probe": PROBE_VERSION,
    "python": sys.version.split()[0],
    "executable": sys.executable,
    "cuda_visible_devices": os.environ.get("CUDA_VISIBLE_DEVICES"),
    "torch": None,
    "warnings": [],
}
_emitted = []
_lock = threading.Lock()

# stdout belongs to the JSON: whatever torch prints while it loads goes to stderr.
try:
    sys.stdout.flush()
    _out_fd = os.dup(1)
    os.dup2(2, 1)
except (OSError, AttributeError, ValueError):
    _out_fd = None
_real_stdout = sys.stdout
sys.stdout = sys.stderr


def _text(value):
    try:
        return u"%s" % (value,)
    except Exception:  # a value whose str() fails must not break the probe
        return repr(value)


def _exception_text(exc):
    return u"%s: %s" % (type(exc).__name__, _text(exc))


def emit():
    with _lock:
        if _emitted:
            return
        _emitted.append(True)
        line = (u"\n" + json.dumps(result, sort_keys=True) + u"\n").encode("ascii")
        try:
            if _out_fd is not None:
                os.write(_out_fd, line)
            else:
                _real_stdout.write(line.decode("ascii"))
                _real_stdout.flush()
        except Exception:
            pass


def _deadline(seconds):
    result["probe_error"] = u"deadline: the probe did not finish within %d seconds" % seconds
    result["deadline"] = seconds
    emit()
    os._exit(3)


def probe():
    try:
        import torch
    except BaseException as exc:  # ImportError, but also OSError (missing libraries), SystemExit...
        result["import_error"] = _exception_text(exc)
        return
    result["torch"] = _text(getattr(torch, "__version__", u""))
    result["torch_path"] = _text(getattr(torch, "__file__", u""))
    version = getattr(torch, "version", None)
    cuda_build = getattr(version, "cuda", None)
    result["torch_cuda"] = None if cuda_build is None else _text(cuda_build)
    hip = getattr(version, "hip", None)
    result["torch_hip"] = None if hip is None else _text(hip)
    try:
        cudnn = torch.backends.cudnn.version()
        result["cudnn"] = int(cudnn) if cudnn is not None else None
    except Exception as exc:
        result["cudnn_error"] = _exception_text(exc)
    try:
        cuda = torch.cuda
        result["is_available"] = bool(cuda.is_available())
        result["device_count"] = int(cuda.device_count())
    except Exception as exc:
        result["cuda_error"] = _exception_text(exc)
        return
    if not result["is_available"]:
        if cuda_build is not None or hip is not None:
            # is_available() is silent on most failures; initialising CUDA says why.
            try:
                cuda.init()
            except Exception as exc:
                result["cuda_error"] = _exception_text(exc)
        return
    try:
        result["arch_list"] = [_text(a) for a in cuda.get_arch_list()]
    except Exception:
        pass
    devices = []
    for index in range(result["device_count"]):
        device = {"index": index}
        try:
            device["name"] = _text(cuda.get_device_name(index))
            props = cuda.get_device_properties(index)
            device["total_memory"] = int(props.total_memory)
            device["capability"] = u"%d.%d" % (props.major, props.minor)
        except Exception as exc:
            device["error"] = _exception_text(exc)
        devices.append(device)
    result["devices"] = devices
    try:
        x = torch.ones(4, device="cuda")
        result["tensor_ok"] = float((x + x).sum().item()) == 8.0
    except Exception as exc:
        result["tensor_ok"] = False
        result["cuda_error"] = _exception_text(exc)


def main():
    # The deadline in seconds comes as the first argument (python -c SCRIPT 120); 0 or none: no deadline.
    deadline = 0
    try:
        deadline = int(sys.argv[1])
    except (IndexError, ValueError):
        pass
    timer = None
    if deadline > 0:
        timer = threading.Timer(deadline, _deadline, [deadline])
        timer.daemon = True
        timer.start()
    try:
        host = os.uname()[1]
    except Exception:
        host = u""
    result["hostname"] = _text(host)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            probe()
        except BaseException:
            result["probe_error"] = _text(traceback.format_exc())
        for w in caught:
            result["warnings"].append({"category": _text(getattr(w.category, "__name__", w.category)),
                                       "message": _text(w.message)})
    if timer is not None:
        timer.cancel()
    emit()


main()

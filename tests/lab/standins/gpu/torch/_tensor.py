"""A tiny, pure-Python Tensor: enough for verification snippets (create, move to CUDA, add, sum).

Values live in a flat Python list; shapes are tuples; a 'cuda' tensor only records its device.
"""

import math
import random

import torch

_rng = random.Random(0)
_cuda_live_bytes = [0]


def _cuda_bytes():
    return _cuda_live_bytes[0]


class dtype:
    def __init__(self, name, is_floating_point, itemsize):
        self._name = name
        self.is_floating_point = is_floating_point
        self.itemsize = itemsize

    def __repr__(self):
        return "torch." + self._name

    __str__ = __repr__


float32 = dtype("float32", True, 4)
float64 = dtype("float64", True, 8)
float16 = dtype("float16", True, 2)
bfloat16 = dtype("bfloat16", True, 2)
int64 = dtype("int64", False, 8)
int32 = dtype("int32", False, 4)
int8 = dtype("int8", False, 1)
uint8 = dtype("uint8", False, 1)
bool_ = dtype("bool", False, 1)
DTYPES = {"float32": float32, "float": float32, "float64": float64, "double": float64,
          "float16": float16, "half": float16, "bfloat16": bfloat16, "int64": int64, "long": int64,
          "int32": int32, "int": int32, "int8": int8, "uint8": uint8, "bool": bool_}


class device:
    def __init__(self, type, index=None):
        if isinstance(type, device):
            type, index = type.type, type.index
        elif isinstance(type, int):
            type, index = "cuda", type
        elif ":" in str(type):
            type, idx = str(type).split(":", 1)
            if not idx.isdigit():
                raise RuntimeError("Invalid device string: '%s:%s'" % (type, idx))
            index = int(idx)
        if type not in ("cpu", "cuda", "meta", "mps"):
            raise RuntimeError(
                "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, "
                "xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device "
                "string: %s" % type)
        self.type = type
        self.index = index

    def __repr__(self):
        if self.index is None:
            return "device(type='%s')" % self.type
        return "device(type='%s', index=%d)" % (self.type, self.index)

    def __str__(self):
        return self.type if self.index is None else "%s:%d" % (self.type, self.index)

    def __eq__(self, other):
        if isinstance(other, str):
            other = device(other)
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


class Size(tuple):
    def __repr__(self):
        return "torch.Size([%s])" % ", ".join(str(x) for x in self)

    def numel(self):
        n = 1
        for x in self:
            n *= x
        return n


def _resolve_device(dev):
    if dev is None:
        return device("cpu")
    d = device(dev)
    if d.type == "cuda":
        torch.cuda._lazy_init()
        index = torch.cuda.current_device() if d.index is None else d.index
        if index >= torch.cuda.device_count():
            raise RuntimeError("CUDA error: invalid device ordinal\nCUDA kernel errors might be "
                               "asynchronously reported at some other API call, so the stacktrace "
                               "below might be incorrect.\nFor debugging consider passing "
                               "CUDA_LAUNCH_BLOCKING=1.")
        d = device("cuda", index)
    return d


def _flatten(data):
    if isinstance(data, Tensor):
        return list(data._data), tuple(data._shape)
    if isinstance(data, (list, tuple)):
        if not data:
            return [], (0,)
        flat, shapes = [], []
        for item in data:
            f, s = _flatten(item)
            flat.extend(f)
            shapes.append(s)
        if any(s != shapes[0] for s in shapes):
            raise ValueError("expected sequence of length %d at dim 1 (got %d)"
                             % (shapes[0][0] if shapes[0] else 0, shapes[-1][0] if shapes[-1] else 0))
        return flat, (len(data),) + shapes[0]
    return [data], ()


def _infer_dtype(flat):
    if flat and all(isinstance(v, bool) for v in flat):
        return bool_
    if all(isinstance(v, int) and not isinstance(v, bool) for v in flat) and flat:
        return int64
    return float32


def _cast(v, dt):
    if dt is bool_:
        return bool(v)
    if dt.is_floating_point:
        return float(v)
    return int(v)


class Tensor:
    def __init__(self, flat, shape, dt, dev):
        self._data = [_cast(v, dt) for v in flat]
        self._shape = tuple(shape)
        self.dtype = dt
        self.device = dev
        self.requires_grad = False
        if dev.type == "cuda":
            _cuda_live_bytes[0] += max(512, ((len(self._data) * dt.itemsize + 511) // 512) * 512)

    # -- shape -----------------------------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._shape)

    def size(self, dim=None):
        return Size(self._shape) if dim is None else self._shape[dim]

    def dim(self):
        return len(self._shape)

    ndim = property(dim)

    def numel(self):
        return len(self._data)

    def __len__(self):
        if not self._shape:
            raise TypeError("len() of a 0-d tensor")
        return self._shape[0]

    @property
    def is_cuda(self):
        return self.device.type == "cuda"

    # -- moving --------------------------------------------------------------------------------
    def to(self, *args, **kwargs):
        dev = kwargs.get("device")
        dt = kwargs.get("dtype")
        for a in args:
            if isinstance(a, dtype):
                dt = a
            elif isinstance(a, Tensor):
                dev, dt = a.device, a.dtype
            else:
                dev = a
        new_dev = self.device if dev is None else _resolve_device(dev)
        return Tensor(self._data, self._shape, dt or self.dtype, new_dev)

    def cuda(self, device=None, non_blocking=False):
        torch.cuda._lazy_init()  # first, so a driver problem raises straight from _lazy_init
        return self.to("cuda" if device is None else device)

    def cpu(self):
        return Tensor(self._data, self._shape, self.dtype, torch.device("cpu"))

    def numpy(self):
        if self.is_cuda:
            raise TypeError("can't convert cuda:%d device type tensor to numpy. Use Tensor.cpu() to copy "
                            "the tensor to host memory first." % self.device.index)
        raise RuntimeError("Numpy is not available")

    # -- values --------------------------------------------------------------------------------
    def item(self):
        if len(self._data) != 1:
            raise RuntimeError("a Tensor with %d elements cannot be converted to Scalar" % len(self._data))
        return self._data[0]

    def tolist(self):
        def build(flat, shape):
            if not shape:
                return flat[0]
            step = len(flat) // shape[0] if shape[0] else 0
            return [build(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]
        return build(self._data, self._shape)

    def __getitem__(self, index):
        if not self._shape:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        n = self._shape[0]
        if not isinstance(index, int):
            raise NotImplementedError("torch stand-in: only integer indexing")
        if index < -n or index >= n:
            raise IndexError("index %d is out of bounds for dimension 0 with size %d" % (index, n))
        index %= n
        step = len(self._data) // n
        return Tensor(self._data[index * step:(index + 1) * step], self._shape[1:], self.dtype, self.device)

    def _binary(self, other, op):
        if isinstance(other, Tensor):
            if other.device != self.device and other._shape and self._shape:
                raise RuntimeError("Expected all tensors to be on the same device, but found at least two "
                                   "devices, %s and %s!" % (self.device, other.device))
            if other._shape == self._shape:
                vals = [op(a, b) for a, b in zip(self._data, other._data)]
            elif not other._shape:
                vals = [op(a, other._data[0]) for a in self._data]
            elif not self._shape:
                return other._binary(self, lambda a, b: op(b, a))
            else:
                raise RuntimeError("The size of tensor a (%d) must match the size of tensor b (%d) at "
                                   "non-singleton dimension 0" % (self._shape[0], other._shape[0]))
            dt = self.dtype if self.dtype.is_floating_point else other.dtype
        else:
            vals = [op(a, other) for a in self._data]
            dt = self.dtype if (self.dtype.is_floating_point or not isinstance(other, float)) else float32
        if vals and isinstance(vals[0], float) and not dt.is_floating_point:
            dt = float32
        return Tensor(vals, self._shape, dt, self.device)

    def __add__(self, o):
        return self._binary(o, lambda a, b: a + b)

    __radd__ = __add__

    def __sub__(self, o):
        return self._binary(o, lambda a, b: a - b)

    def __rsub__(self, o):
        return self._binary(o, lambda a, b: b - a)

    def __mul__(self, o):
        return self._binary(o, lambda a, b: a * b)

    __rmul__ = __mul__

    def __truediv__(self, o):
        return self._binary(o, lambda a, b: float(a) / b if b else (math.nan if a == 0 else math.copysign(math.inf, a)))

    def __neg__(self):
        return self._binary(-1, lambda a, b: a * b)

    def __eq__(self, o):
        r = self._binary(o, lambda a, b: a == b)
        return Tensor(r._data, r._shape, bool_, r.device)

    __hash__ = object.__hash__

    def __bool__(self):
        return bool(self.item())

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def sum(self):
        dt = self.dtype if self.dtype.is_floating_point else int64
        return Tensor([sum(self._data)], (), dt, self.device)

    def mean(self):
        if not self.dtype.is_floating_point:
            raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating "
                               "point or complex dtype. Got: Long")
        return Tensor([sum(self._data) / len(self._data) if self._data else math.nan], (), self.dtype, self.device)

    def float(self):
        return self.to(float32)

    def double(self):
        return self.to(float64)

    def long(self):
        return self.to(int64)

    def half(self):
        return self.to(float16)

    def detach(self):
        return self

    def clone(self):
        return Tensor(self._data, self._shape, self.dtype, self.device)

    def view(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        total = len(self._data)
        if -1 in shape:
            known = 1
            for s in shape:
                if s != -1:
                    known *= s
            shape = tuple(total // known if s == -1 else s for s in shape)
        if Size(shape).numel() != total:
            raise RuntimeError("shape '[%s]' is invalid for input of size %d" % (", ".join(map(str, shape)), total))
        return Tensor(self._data, shape, self.dtype, self.device)

    reshape = view

    # -- printing ------------------------------------------------------------------------------
    def _fmt_values(self):
        vals = self._data
        if self.dtype is bool_:
            return [str(v) for v in vals]
        if not self.dtype.is_floating_point:
            return [str(v) for v in vals]
        finite = [v for v in vals if math.isfinite(v)]
        if all(v == int(v) for v in finite):
            out = []
            for v in vals:
                if math.isnan(v):
                    out.append("nan")
                elif math.isinf(v):
                    out.append("inf" if v > 0 else "-inf")
                else:
                    out.append("%d." % int(v))
            return out
        return ["%.4f" % v for v in vals]

    def __repr__(self):
        cells = self._fmt_values()
        width = max((len(c) for c in cells), default=0)
        cells = [c.rjust(width) for c in cells]

        def build(flat, shape, depth):
            if not shape:
                return flat[0]
            if not shape[0]:
                return "[]"
            step = len(flat) // shape[0]
            parts = [build(flat[i * step:(i + 1) * step], shape[1:], depth + 1) for i in range(shape[0])]
            if len(shape) == 1:
                return "[" + ", ".join(parts) + "]"
            sep = "," + "\n" * (len(shape) - 1) + " " * (7 + depth + 1)
            return "[" + sep.join(parts) + "]"

        body = build(cells, self._shape, 0)
        extras = []
        if self.device.type == "cuda":
            extras.append("device='%s'" % self.device)
        default = {float32, int64, bool_}
        if self.dtype not in default or (not self._data and self.dtype is not float32):
            extras.append("dtype=%s" % self.dtype)
        return "tensor(" + body + "".join(", " + e for e in extras) + ")"

    __str__ = __repr__


def tensor(data, dtype=None, device=None, requires_grad=False):
    flat, shape = _flatten(data)
    dt = dtype or (data.dtype if isinstance(data, Tensor) else _infer_dtype(flat))
    t = Tensor(flat, shape, dt, _resolve_device(device))
    t.requires_grad = requires_grad
    return t


def _size_args(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list, Size)):
        return tuple(size[0])
    return tuple(size)


def _filled(size, value_fn, dtype, device):
    shape = _size_args(size)
    n = Size(shape).numel()
    return Tensor([value_fn() for _ in range(n)], shape, dtype or float32, _resolve_device(device))


def zeros(*size, dtype=None, device=None, requires_grad=False):
    return _filled(size, lambda: 0, dtype, device)


def ones(*size, dtype=None, device=None, requires_grad=False):
    return _filled(size, lambda: 1, dtype, device)


def empty(*size, dtype=None, device=None, requires_grad=False):
    return _filled(size, lambda: 0, dtype, device)


def full(size, fill_value, dtype=None, device=None):
    dt = dtype or (float32 if isinstance(fill_value, float) else _infer_dtype([fill_value]))
    return _filled((size,), lambda: fill_value, dt, device)


def rand(*size, dtype=None, device=None, requires_grad=False):
    return _filled(size, _rng.random, dtype, device)


def randn(*size, dtype=None, device=None, requires_grad=False):
    return _filled(size, lambda: _rng.gauss(0.0, 1.0), dtype, device)


def arange(start, end=None, step=1, dtype=None, device=None):
    if end is None:
        start, end = 0, start
    vals = []
    v = start
    while (step > 0 and v < end) or (step < 0 and v > end):
        vals.append(v)
        v += step
    return Tensor(vals, (len(vals),), dtype or _infer_dtype(vals or [0]), _resolve_device(device))


def manual_seed(seed):
    _rng.seed(seed)
    return None


def is_tensor(obj):
    return isinstance(obj, Tensor)

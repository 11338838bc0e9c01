#!/usr/bin/python3
"""Generate ``onramp_conda/data/channels.json``: the stand-in's built-in channels.

Run from anywhere: ``/usr/bin/python3 tests/lab/standins/conda/tools/gen_channels.py``.
The output is checked in; rerun after editing the tables below.

Names, versions, build strings, dependency strings and sizes follow the real
channels (pkgs/main, conda-forge, pytorch, nvidia) of late 2023 / early 2024,
trimmed to what a PyTorch + matplotlib environment pulls in. md5/sha256 are
deterministic fakes (hashes of the file name); sizes are realistic.
The ``file:///srv/conda-channel`` channel replays the tiny local channel the
real captures in ``/work/shared/corpus/conda-real`` were made against,
with the md5/sha256/sizes seen in those captures.
"""

import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "onramp_conda", "data", "channels.json")

PYS = ["3.8", "3.9", "3.10", "3.11", "3.12"]
TS_BASE = 1700000000000

KB = 1024
MB = 1024 * 1024
GB = 1024 * MB


def h(text, n):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def pyrange(py):
    maj, mino = py.split(".")
    return "python >=%s,<%s.%d.0a0" % (py, maj, int(mino) + 1)


def pytag(py):
    return "py" + py.replace(".", "")


class Channel:
    def __init__(self, key, base_url, name, canonical, ext):
        self.key = key
        self.info = {"base_url": base_url, "name": name, "canonical": canonical, "ext": ext}
        self.records = []

    def add(self, name, version, build, size, depends=(), constrains=(), subdir="linux-64",
            noarch=None, build_number=None, penalty=0, payload=None, md5=None, sha256=None,
            timestamp=None, license="BSD-3-Clause", current=None):
        if noarch:
            subdir = "noarch"
        if build_number is None:
            tail = build.rsplit("_", 1)[-1]
            build_number = int(tail) if tail.isdigit() else 0
        fn = "%s-%s-%s" % (name, version, build)
        rec = {
            "name": name,
            "version": version,
            "build": build,
            "build_number": build_number,
            "depends": list(depends),
            "constrains": list(constrains),
            "subdir": subdir,
            "size": int(size),
            "timestamp": timestamp or (TS_BASE + int(h(self.key + fn, 6), 16) % 40000000 * 1000),
            "license": license,
            "md5": md5 or hashlib.md5((self.key + fn).encode()).hexdigest(),
            "sha256": sha256 or hashlib.sha256((self.key + fn).encode()).hexdigest(),
        }
        if noarch:
            rec["noarch"] = noarch
        if penalty:
            rec["_penalty"] = penalty
        if payload:
            rec["_payload"] = payload
        if current is not None:
            rec["_current"] = current
        self.records.append(rec)
        return rec


def stub_module(module, version, extra=""):
    """A tiny importable stand-in for a python package (version only)."""
    return [["{site}/%s/__init__.py" % module,
             '"""Onramp lab stand-in for the conda package; only __version__ is real."""\n'
             "__version__ = %r\n%s" % (version, extra), 0o644]]


# --------------------------------------------------------------------------------------
# pkgs/main (defaults)
# --------------------------------------------------------------------------------------
def gen_main():
    c = Channel("pkgs/main", "https://repo.anaconda.com/pkgs/main", "pkgs/main", "defaults",
                ".conda")
    lgcc = "libgcc-ng >=11.2.0"
    lstd = "libstdcxx-ng >=11.2.0"
    c.add("_libgcc_mutex", "0.1", "main", 3473)
    c.add("_openmp_mutex", "5.1", "1_gnu", 21315, ["_libgcc_mutex 0.1 main", "libgomp >=7.5.0"])
    c.add("libgomp", "11.2.0", "h1234567_1", 483895, ["_libgcc_mutex 0.1 main"])
    c.add("libgcc-ng", "11.2.0", "h1234567_1", 5554817, ["_libgcc_mutex 0.1 main", "_openmp_mutex"])
    c.add("libstdcxx-ng", "11.2.0", "h1234567_1", 4888063, ["_libgcc_mutex 0.1 main"])
    c.add("ld_impl_linux-64", "2.38", "h1181459_1", 669409, ["_libgcc_mutex 0.1 main"])
    c.add("ca-certificates", "2023.12.12", "h06a4308_0", 129235)
    c.add("openssl", "3.0.12", "h7f8727e_0", 5397085, ["ca-certificates", "libgcc-ng >=7.5.0"])
    c.add("libffi", "3.4.4", "h6a678d5_0", 144516, [lgcc, lstd])
    c.add("ncurses", "6.4", "h6a678d5_0", 935637, [lgcc])
    c.add("readline", "8.2", "h5eee18b_0", 364776, [lgcc, "ncurses >=6.3,<7.0a0"])
    c.add("zlib", "1.2.13", "h5eee18b_0", 105094, [lgcc])
    c.add("sqlite", "3.41.2", "h5eee18b_0", 1247474,
          [lgcc, "ncurses >=6.4,<7.0a0", "readline >=8.0,<9.0a0", "zlib >=1.2.13,<1.3.0a0"])
    c.add("tk", "8.6.12", "h1ccaba5_0", 3158592, ["libgcc-ng >=7.5.0", "zlib >=1.2.12,<1.3.0a0"])
    c.add("xz", "5.4.5", "h5eee18b_0", 656342, [lgcc])
    c.add("bzip2", "1.0.8", "h7b6447c_0", 80160, ["libgcc-ng >=7.3.0"])
    c.add("libuuid", "1.41.5", "h5eee18b_0", 28110, [lgcc])
    c.add("tzdata", "2023d", "h04d1e81_0", 119023, noarch="generic")
    pythons = {"3.8": ("3.8.18", "h955ad1f_0", 25264435), "3.9": ("3.9.18", "h955ad1f_0", 25138291),
               "3.10": ("3.10.13", "h955ad1f_0", 26826544), "3.11": ("3.11.7", "h955ad1f_0", 33084012),
               "3.12": ("3.12.1", "h996f2a0_0", 34623301)}
    for py, (ver, build, size) in pythons.items():
        c.add("python", ver, build, size,
              ["bzip2 >=1.0.8,<2.0a0", "ld_impl_linux-64 >=2.35.1", "libffi >=3.4,<4.0a0", lgcc,
               "libuuid >=1.41.5,<2.0a0", "ncurses >=6.4,<7.0a0", "openssl >=3.0.12,<4.0a0",
               "readline >=8.0,<9.0a0", "sqlite >=3.41.2,<4.0a0", "tk >=8.6.12,<8.7.0a0",
               "tzdata", "xz >=5.4.5,<6.0a0", "zlib >=1.2.13,<1.3.0a0"], license="PSF-2.0")

    def perpy(name, version, hashpart, size, deps=(), pys=PYS, payload=None, **kw):
        for py in pys:
            c.add(name, version, "%sh%s_0" % (pytag(py), hashpart), size * (1 + (PYS.index(py) % 3) / 50.0),
                  list(deps) + [pyrange(py)], payload=payload, **kw)

    perpy("pip", "23.3.1", "06a4308", 2797312, ["setuptools", "wheel"])
    perpy("setuptools", "68.2.2", "06a4308", 1219993)
    perpy("wheel", "0.41.2", "06a4308", 111218)
    # numpy + MKL
    c.add("blas", "1.0", "mkl", 6071)
    c.add("intel-openmp", "2023.1.0", "hdb19cb5_46306", 18454937, [lgcc, lstd])
    c.add("tbb", "2021.8.0", "hdb19cb5_0", 1630511, [lgcc, lstd])
    c.add("mkl", "2023.1.0", "h213fc3f_46344", 179823424, ["intel-openmp 2023.*", "tbb 2021.*"])
    perpy("numpy-base", "1.26.3", "b5e798b", 7694848, ["blas * mkl", lgcc, "mkl >=2023.1.0,<2024.0a0"],
          pys=PYS[1:])
    for py in PYS[1:]:
        c.add("numpy", "1.26.3", "%sh75a7e0a_0" % pytag(py), 11264,
              ["blas 1.0 mkl", lgcc, "mkl >=2023.1.0,<2024.0a0", "numpy-base 1.26.3 %sh*" % pytag(py),
               pyrange(py)], payload=stub_module("numpy", "1.26.3"))
    c.add("numpy-base", "1.24.3", "py38h060ed82_1", 6886912,
          ["blas * mkl", lgcc, "mkl >=2023.1.0,<2024.0a0", pyrange("3.8")])
    c.add("numpy", "1.24.3", "py38hf6e8229_1", 10854,
          ["blas 1.0 mkl", lgcc, "mkl >=2023.1.0,<2024.0a0", "numpy-base 1.24.3 py38h*", pyrange("3.8")],
          payload=stub_module("numpy", "1.24.3"))
    # pillow
    c.add("jpeg", "9e", "h5eee18b_1", 262144, [lgcc])
    c.add("libpng", "1.6.39", "h5eee18b_0", 311296, [lgcc, "zlib >=1.2.13,<1.3.0a0"])
    c.add("freetype", "2.12.1", "h4a9f257_0", 641024, [lgcc, "libpng >=1.6.39,<1.7.0a0", "zlib >=1.2.13,<1.3.0a0"])
    c.add("libwebp-base", "1.3.2", "h5eee18b_0", 396288, [lgcc])
    c.add("libtiff", "4.5.1", "h6a678d5_0", 545792, ["jpeg >=9e,<10a", lgcc, lstd, "xz >=5.4.5,<6.0a0",
                                                      "zlib >=1.2.13,<1.3.0a0"])
    perpy("pillow", "10.0.1", "a6cbd5a", 808960,
          ["freetype >=2.10.4,<3.0a0", "jpeg >=9e,<10a", lgcc, "libpng >=1.6.39,<1.7.0a0",
           "libtiff >=4.1.0,<5.0a0", "libwebp-base >=1.3.2,<2.0a0", "zlib >=1.2.13,<1.3.0a0"],
          payload=stub_module("PIL", "10.0.1"))
    # matplotlib
    c.add("six", "1.16.0", "pyhd3eb1b0_1", 18432, ["python"], noarch="python")
    c.add("cycler", "0.11.0", "pyhd3eb1b0_0", 12288, ["python >=3.6"], noarch="python")
    c.add("fonttools", "4.25.0", "pyhd3eb1b0_0", 647168, ["python"], noarch="python")
    c.add("python-dateutil", "2.8.2", "pyhd3eb1b0_0", 238592, ["python", "six >=1.5"], noarch="python")
    perpy("kiwisolver", "1.4.4", "6a678d5", 78848, [lgcc, lstd])
    perpy("packaging", "23.1", "06a4308", 79872)
    perpy("pyparsing", "3.0.9", "06a4308", 155648)
    perpy("tornado", "6.3.3", "5eee18b", 661504, [lgcc])
    perpy("contourpy", "1.2.0", "db19cb5", 267264, [lgcc, lstd, "numpy >=1.20"])
    perpy("matplotlib-base", "3.8.0", "a02d727", 7231488,
          ["contourpy >=1.0.1", "cycler >=0.10", "fonttools >=4.22.0", "freetype >=2.12.1,<3.0a0",
           "kiwisolver >=1.3.1", lgcc, lstd, "numpy >=1.21,<2", "packaging >=20.0", "pillow >=8",
           "pyparsing >=2.3.1", "python-dateutil >=2.7"], pys=PYS[1:],
          payload=stub_module("matplotlib", "3.8.0"))
    perpy("matplotlib", "3.8.0", "06a4308", 8192,
          ["matplotlib-base >=3.8.0,<3.8.1.0a0", "tornado >=5"], pys=PYS[1:])
    # pytorch's python deps
    perpy("filelock", "3.13.1", "06a4308", 24576)
    perpy("markupsafe", "2.1.3", "5eee18b", 26624, [lgcc])
    perpy("jinja2", "3.1.2", "06a4308", 262144, ["markupsafe >=2.0"])
    perpy("networkx", "3.1", "06a4308", 3040870)
    perpy("mpmath", "1.3.0", "06a4308", 867328)
    perpy("sympy", "1.12", "06a4308", 11772928, ["mpmath >=0.19"])
    perpy("typing_extensions", "4.9.0", "06a4308", 57344)
    c.add("yaml", "0.2.5", "h7b6447c_0", 76800, ["libgcc-ng >=7.3.0"])
    perpy("pyyaml", "6.0.1", "5eee18b", 203776, [lgcc, "yaml >=0.2.5,<0.3.0a0"])
    # CUDA toolkit and a defaults pytorch
    c.add("cudatoolkit", "11.8.0", "h6a678d5_0", 661374976, ["__glibc >=2.17,<3.0.a0", lgcc, lstd],
          constrains=["__cuda >=11"])
    c.add("cudnn", "8.9.2.26", "cuda11_0", 491782144, ["cudatoolkit 11.*", lgcc, lstd])
    common = ["blas * mkl", "filelock", "jinja2", lgcc, lstd, "mkl >=2023.1.0,<2024.0a0", "networkx",
              "sympy", "typing_extensions", "numpy >=1.23.5,<2.0a0"]
    for py in PYS[:4]:
        c.add("pytorch", "2.1.0", "cpu_%sh6c9b7d1_0" % pytag(py), 63504384, common + [pyrange(py)],
              penalty=1, payload=[])
        c.add("pytorch", "2.1.0", "gpu_cuda118%sh5fa8b8d_0" % pytag(py), 1262485504,
              common + [pyrange(py), "__cuda", "cudatoolkit >=11.8,<11.9", "cudnn >=8.9.2.26,<9.0a0"],
              payload=[])
        c.add("torchvision", "0.15.2", "cpu_%sh83e0c9b_0" % pytag(py), 6938624,
              ["jpeg >=9e,<10a", lgcc, "libpng >=1.6.39,<1.7.0a0", "numpy >=1.23.5,<2.0a0",
               "pillow >=5.3.0,!=8.3.*", pyrange(py), "pytorch 2.1.* cpu*"], penalty=1)
        c.add("torchvision", "0.15.2", "gpu_cuda118%sh7d31d8f_0" % pytag(py), 8597504,
              ["jpeg >=9e,<10a", lgcc, "libpng >=1.6.39,<1.7.0a0", "numpy >=1.23.5,<2.0a0",
               "pillow >=5.3.0,!=8.3.*", pyrange(py), "pytorch 2.1.* gpu*", "__cuda"])
    return c


# --------------------------------------------------------------------------------------
# conda-forge
# --------------------------------------------------------------------------------------
def gen_forge():
    c = Channel("conda-forge", "https://conda.anaconda.org/conda-forge", "conda-forge", "conda-forge",
                ".conda")
    lgcc = "libgcc-ng >=12"
    lstd = "libstdcxx-ng >=12"
    c.add("_libgcc_mutex", "0.1", "conda_forge", 2562)
    c.add("_openmp_mutex", "4.5", "2_gnu", 23621, ["_libgcc_mutex 0.1 conda_forge", "libgomp >=7.5.0"],
          constrains=["openmp_impl 9999"])
    c.add("libgomp", "13.2.0", "h807b86a_3", 421133, ["_libgcc_mutex 0.1 conda_forge"])
    c.add("libgcc-ng", "13.2.0", "h807b86a_3", 773629, ["_libgcc_mutex 0.1 conda_forge", "_openmp_mutex >=4.5"])
    c.add("libstdcxx-ng", "13.2.0", "h7e041cc_3", 3842940)
    c.add("libgfortran5", "13.2.0", "ha4646dd_3", 1441330)
    c.add("libgfortran-ng", "13.2.0", "h69a702a_3", 23837, ["libgfortran5 13.2.0 ha4646dd_3"])
    c.add("ld_impl_linux-64", "2.40", "h41732ed_0", 704696)
    c.add("ca-certificates", "2023.11.17", "hbcca054_0", 154117)
    c.add("openssl", "3.2.0", "hd590300_1", 2863090, ["ca-certificates", lgcc])
    c.add("libzlib", "1.2.13", "hd590300_5", 61588, [lgcc])
    c.add("bzip2", "1.0.8", "hd590300_5", 254228, [lgcc])
    c.add("ncurses", "6.4", "h59595ed_2", 884434, [lgcc])
    c.add("readline", "8.2", "h8228510_1", 281456, [lgcc, "ncurses >=6.3,<7.0a0"])
    c.add("tk", "8.6.13", "noxft_h4845f30_101", 3318875, [lgcc, "libzlib >=1.2.13,<1.3.0a0"])
    c.add("xz", "5.2.6", "h166bdaf_0", 418368, ["libgcc-ng >=12"])
    c.add("libffi", "3.4.2", "h7f98852_5", 58292, ["libgcc-ng >=9.4.0"])
    c.add("libsqlite", "3.44.2", "h2797004_0", 845830, [lgcc, "libzlib >=1.2.13,<1.3.0a0"])
    c.add("libuuid", "2.38.1", "h0b41bf4_0", 33601, [lgcc])
    c.add("libnsl", "2.0.1", "hd590300_0", 33408, [lgcc])
    c.add("libxcrypt", "4.4.36", "hd590300_1", 100393, [lgcc])
    c.add("tzdata", "2023d", "h0c530f3_0", 119639, noarch="generic")
    pythons = {"3.8": ("3.8.18", "hd12c33a_1_cpython", 24265216), "3.9": ("3.9.18", "h0755675_1_cpython", 23668736),
               "3.10": ("3.10.13", "hd12c33a_1_cpython", 25564160), "3.11": ("3.11.7", "hab00c5b_1_cpython", 30921932),
               "3.12": ("3.12.1", "hab00c5b_1_cpython", 32268113)}
    for py, (ver, build, size) in pythons.items():
        tag = "cp" + py.replace(".", "")
        c.add("python", ver, build, size,
              ["bzip2 >=1.0.8,<2.0a0", "ld_impl_linux-64 >=2.36.1", "libffi >=3.4,<4.0a0", lgcc,
               "libnsl >=2.0.1,<2.1.0a0", "libsqlite >=3.44.2,<4.0a0", "libuuid >=2.38.1,<3.0a0",
               "libxcrypt >=4.4.36", "libzlib >=1.2.13,<1.3.0a0", "ncurses >=6.4,<7.0a0",
               "openssl >=3.2.0,<4.0a0", "readline >=8.2,<9.0a0", "tk >=8.6.13,<8.7.0a0", "tzdata",
               "xz >=5.2.6,<6.0a0"], constrains=["python_abi %s.* *_%s" % (py, tag)], license="Python-2.0")
        c.add("python_abi", py, "4_" + tag, 6356, constrains=["python %s.* *_cpython" % py])

    def abi(py):
        return "python_abi %s.* *_cp%s" % (py, py.replace(".", ""))

    def perpy(name, version, hashpart, bn, size, deps=(), pys=PYS, payload=None, **kw):
        for py in pys:
            c.add(name, version, "%sh%s_%d" % (pytag(py), hashpart, bn),
                  size * (1 + (PYS.index(py) % 3) / 40.0), list(deps) + [pyrange(py), abi(py)],
                  payload=payload, **kw)

    c.add("pip", "23.3.2", "pyhd8ed1ab_0", 1405563, ["python >=3.7", "setuptools", "wheel"], noarch="python",
          license="MIT")
    c.add("setuptools", "69.0.3", "pyhd8ed1ab_0", 470548, ["python >=3.7"], noarch="python", license="MIT")
    c.add("wheel", "0.42.0", "pyhd8ed1ab_0", 57553, ["python >=3.7"], noarch="python", license="MIT")
    # numpy + openblas
    c.add("libopenblas", "0.3.25", "pthreads_h413a1c8_0", 5545169,
          [lgcc, "libgfortran-ng", "libgfortran5 >=12.3.0"], constrains=["openblas >=0.3.25,<0.3.26.0a0"])
    c.add("libblas", "3.9.0", "20_linux64_openblas", 14433, ["libopenblas >=0.3.25,<0.3.26.0a0",
                                                           "libopenblas >=0.3.25,<1.0a0"])
    c.add("libcblas", "3.9.0", "20_linux64_openblas", 14383, ["libblas 3.9.0 20_linux64_openblas"])
    c.add("liblapack", "3.9.0", "20_linux64_openblas", 14350, ["libblas 3.9.0 20_linux64_openblas"])
    blas = ["libblas >=3.9.0,<4.0a0", "libcblas >=3.9.0,<4.0a0", "liblapack >=3.9.0,<4.0a0"]
    perpy("numpy", "1.26.3", "a22efd2", 0, 7453676, blas + [lgcc, lstd], pys=PYS[1:],
          payload=stub_module("numpy", "1.26.3"))
    perpy("numpy", "1.24.4", "86b3e3d", 0, 6911384, blas + [lgcc, lstd], pys=["3.8"],
          payload=stub_module("numpy", "1.24.4"))
    # pillow
    c.add("libjpeg-turbo", "3.0.0", "hd590300_1", 618575, [lgcc], constrains=["jpeg <0.0.0a"])
    c.add("libpng", "1.6.39", "h753d276_0", 282599, [lgcc, "libzlib >=1.2.13,<1.3.0a0"])
    c.add("libwebp-base", "1.3.2", "hd590300_0", 401830, [lgcc])
    c.add("zstd", "1.5.5", "hfc55251_0", 545199, [lgcc, lstd, "libzlib >=1.2.13,<1.3.0a0"])
    c.add("freetype", "2.12.1", "h267a509_2", 634972, ["libgcc-ng >=12", "libpng >=1.6.39,<1.7.0a0",
                                                       "libzlib >=1.2.13,<1.3.0a0"])
    c.add("libtiff", "4.6.0", "ha9c0a0a_2", 283198,
          [lgcc, "libjpeg-turbo >=3.0.0,<4.0a0", lstd, "libwebp-base >=1.3.2,<2.0a0",
           "libzlib >=1.2.13,<1.3.0a0", "xz >=5.2.6,<6.0a0", "zstd >=1.5.5,<1.6.0a0"])
    c.add("lcms2", "2.16", "hb7c19ff_0", 245247, [lgcc, "libjpeg-turbo >=3.0.0,<4.0a0", "libtiff >=4.6.0,<4.7.0a0"])
    c.add("openjpeg", "2.5.0", "h488ebb8_3", 356698, [lgcc, "libpng >=1.6.39,<1.7.0a0", lstd,
                                                       "libtiff >=4.6.0,<4.7.0a0", "libzlib >=1.2.13,<1.3.0a0"])
    perpy("pillow", "10.2.0", "a2fd7ec", 0, 43518894,
          ["freetype >=2.12.1,<3.0a0", "lcms2 >=2.16,<3.0a0", lgcc, "libjpeg-turbo >=3.0.0,<4.0a0",
           "libtiff >=4.6.0,<4.7.0a0", "libwebp-base >=1.3.2,<2.0a0", "libzlib >=1.2.13,<1.3.0a0",
           "openjpeg >=2.5.0,<3.0a0", "tk >=8.6.13,<8.7.0a0"], payload=stub_module("PIL", "10.2.0"))
    # matplotlib
    c.add("six", "1.16.0", "pyh6c4a22f_0", 14259, ["python"], noarch="python", license="MIT")
    c.add("cycler", "0.12.1", "pyhd8ed1ab_0", 13458, ["python >=3.8"], noarch="python")
    c.add("packaging", "23.2", "pyhd8ed1ab_0", 49452, ["python >=3.7"], noarch="python", license="Apache-2.0")
    c.add("pyparsing", "3.1.1", "pyhd8ed1ab_0", 89521, ["python >=3.6"], noarch="python", license="MIT")
    c.add("python-dateutil", "2.8.2", "pyhd8ed1ab_0", 245987, ["python >=3.6", "six >=1.5"], noarch="python",
          license="Apache-2.0")
    c.add("certifi", "2023.11.17", "pyhd8ed1ab_0", 158939, ["python >=3.7"], noarch="python", license="ISC")
    perpy("kiwisolver", "1.4.5", "7f8b2e3", 1, 73273, [lgcc, lstd])
    perpy("fonttools", "4.47.0", "d7c6c0b", 0, 2778415, [lgcc])
    perpy("tornado", "6.3.3", "d4ef1f9", 1, 644127, [lgcc])
    perpy("contourpy", "1.2.0", "00ad8a4", 0, 259380, [lgcc, lstd, "numpy >=1.20"])
    perpy("matplotlib-base", "3.8.2", "62a8f1b", 0, 7822563,
          ["certifi >=2020.06.20", "contourpy >=1.0.1", "cycler >=0.10", "fonttools >=4.22.0",
           "freetype >=2.12.1,<3.0a0", "kiwisolver >=1.3.1", lgcc, lstd, "numpy >=1.21,<2",
           "packaging >=20.0", "pillow >=8", "pyparsing >=2.3.1", "python-dateutil >=2.7"],
          pys=PYS[1:], payload=stub_module("matplotlib", "3.8.2"))
    perpy("matplotlib", "3.8.2", "578d7d6", 0, 8542,
          ["matplotlib-base >=3.8.2,<3.8.3.0a0", "tornado >=5"], pys=PYS[1:])
    # pytorch's python deps
    c.add("filelock", "3.13.1", "pyhd8ed1ab_0", 15924, ["python >=3.7"], noarch="python", license="Unlicense")
    perpy("markupsafe", "2.1.3", "d4ef1f9", 1, 26917, [lgcc], constrains=["jinja2 >=3.0.0"])
    c.add("jinja2", "3.1.2", "pyhd8ed1ab_1", 101443, ["markupsafe >=2.0", "python >=3.7"], noarch="python")
    c.add("networkx", "3.2.1", "pyhd8ed1ab_0", 1149552, ["python >=3.9"], noarch="python")
    c.add("networkx", "3.1", "pyhd8ed1ab_0", 1449842, ["python >=3.8"], noarch="python")
    c.add("mpmath", "1.3.0", "pyhd8ed1ab_0", 438339, ["python >=3.6"], noarch="python")
    c.add("gmpy2", "2.1.2", "py311h6a5fa03_1", 218880, [lgcc, pyrange("3.11"), abi("3.11")])
    c.add("sympy", "1.12", "pypyh9d50eac_103", 4243034, ["__unix", "mpmath >=0.19", "python * *_cpython",
                                                          "python >=3.8"], noarch="python")
    c.add("typing_extensions", "4.9.0", "pyha770c72_0", 36058, ["python >=3.8"], noarch="python")
    c.add("fsspec", "2023.12.2", "pyhca7485f_0", 124549, ["python >=3.8"], noarch="python")
    c.add("sleef", "3.5.1", "h9b69904_2", 1552800, ["_openmp_mutex >=4.5", "libgcc-ng >=9.4.0"])
    c.add("libprotobuf", "4.24.4", "hf27288f_0", 2546381, [lgcc, lstd, "libzlib >=1.2.13,<1.3.0a0"])
    # CUDA: cuda-version metapackage, cudatoolkit 11.x, CUDA 12 split packages
    for cv, build in (("11.2", "hb11dac2_2"), ("11.7", "h67201e3_2"), ("11.8", "h70ddcb2_2"),
                      ("12.0", "hffde075_2")):
        major = cv.split(".")[0]
        c.add("cuda-version", cv, build, 20981, constrains=["cudatoolkit %s|%s.*" % (cv, cv),
                                                             "__cuda >=%s" % major], noarch="generic")
    for ver, build, size in (("11.8.0", "h4ba93d1_13", 750713548), ("11.7.1", "h4bc3d14_13", 782876672),
                             ("11.2.2", "hc23eb0c_13", 643014656)):
        mm = ".".join(ver.split(".")[:2])
        nxt = "12.0a0" if mm == "11.8" else "11.%d.0a0" % (int(mm.split(".")[1]) + 1)
        c.add("cudatoolkit", ver, build, size,
              ["__glibc >=2.17,<3.0.a0", "cuda-version >=%s,<%s" % (mm, nxt), lgcc, lstd],
              constrains=["__cuda >=11"], license="LicenseRef-NVIDIA-End-User-License-Agreement")
    cu12 = [("cuda-cudart", "12.0.107", "hd3aeb46_8", 191934), ("cuda-nvrtc", "12.0.76", "hd3aeb46_2", 17294567),
            ("libcublas", "12.0.1.189", "hd3aeb46_3", 262391808), ("libcufft", "11.0.0.21", "hd3aeb46_2", 108707840),
            ("libcurand", "10.3.1.50", "hd3aeb46_1", 41932800), ("libcusolver", "11.4.2.57", "hd3aeb46_2", 78643200),
            ("libcusparse", "12.0.0.76", "hd3aeb46_2", 172490752)]
    for name, ver, build, size in cu12:
        c.add(name, ver, build, size, ["cuda-version >=12.0,<12.1.0a0", lgcc, lstd],
              license="LicenseRef-NVIDIA-End-User-License-Agreement")
    c.add("cudnn", "8.8.0.121", "h0800d71_1", 484452352,
          ["cuda-version >=11.0,<12.0a0", "cudatoolkit 11.*", lgcc, lstd, "libzlib >=1.2.13,<1.3.0a0"])
    c.add("cudnn", "8.8.0.121", "h264754d_4", 459276288,
          ["cuda-nvrtc", "cuda-version >=12.0,<13", "libcublas", lgcc, lstd, "libzlib >=1.2.13,<1.3.0a0"])
    c.add("nccl", "2.19.4.1", "h6103f9b_0", 117440512, ["cuda-version >=11.2,<12.0a0", "cudatoolkit >=11.2,<12",
                                                         lgcc, lstd])
    c.add("nccl", "2.19.4.1", "h3a97aeb_0", 110100480, ["cuda-version >=12.0,<13.0a0", lgcc, lstd])
    # pytorch 2.1.2 (conda-forge builds): cuda118 / cuda120 / cpu
    common = ["filelock", "fsspec", "jinja2", lgcc, lstd, "libcblas >=3.9.0,<4.0a0",
              "libprotobuf >=4.24.4,<4.24.5.0a0", "networkx", "numpy >=1.22.4,<2.0a0",
              "sleef >=3.5.1,<4.0a0", "sympy", "typing_extensions", "_openmp_mutex >=4.5"]
    cuda118 = ["__cuda", "cuda-version >=11.8,<12", "cudatoolkit >=11.8,<12", "cudnn >=8.8.0.121,<9.0a0",
               "nccl >=2.19.4.1,<3.0a0"]
    cuda120 = ["__cuda", "cuda-cudart >=12.0.107,<13.0a0", "cuda-nvrtc >=12.0.76,<13.0a0",
               "cuda-version >=12.0,<13", "cudnn >=8.8.0.121,<9.0a0", "libcublas >=12.0.1.189,<13.0a0",
               "libcufft >=11.0.0.21,<12.0a0", "libcurand >=10.3.1.50,<11.0a0",
               "libcusolver >=11.4.2.57,<12.0a0", "libcusparse >=12.0.0.76,<13.0a0",
               "nccl >=2.19.4.1,<3.0a0"]
    tvdeps = [lgcc, "libjpeg-turbo >=3.0.0,<4.0a0", "libpng >=1.6.39,<1.7.0a0", lstd,
              "numpy >=1.22.4,<2.0a0", "pillow >=5.3.0,!=8.3.0,!=8.3.1"]
    for py in PYS:
        t = pytag(py)
        extra = [pyrange(py), abi(py)]
        c.add("pytorch", "2.1.2", "cuda118_%sh8e7ea7a_300" % t, 1501233766, common + cuda118 + extra, payload=[])
        c.add("pytorch", "2.1.2", "cuda120_%sh0d4f2b5_300" % t, 1469952410, common + cuda120 + extra, payload=[])
        c.add("pytorch", "2.1.2", "cpu_generic_%sh4d8a0f5_0" % t, 66207744, common + extra, payload=[])
        c.add("torchvision", "0.16.1", "cuda118%sh1a9df4e_2" % t, 8556789,
              tvdeps + extra + ["__cuda", "cuda-version >=11.8,<12", "pytorch 2.1.* cuda*"])
        c.add("torchvision", "0.16.1", "cuda120%shb6f4c3e_2" % t, 8512412,
              tvdeps + extra + ["__cuda", "cuda-version >=12.0,<13", "pytorch 2.1.* cuda*"])
        c.add("torchvision", "0.16.1", "cpu_%sh3f1c59d_2" % t, 7094272, tvdeps + extra + ["pytorch 2.1.* cpu*"],
              penalty=1)
    return c


# --------------------------------------------------------------------------------------
# nvidia (CUDA runtime libraries used by pytorch-cuda)
# --------------------------------------------------------------------------------------
NV = {
    "11.7": {"cuda-cudart": "11.7.99", "cuda-cupti": "11.7.101", "cuda-nvrtc": "11.7.99",
             "cuda-nvtx": "11.7.91", "libcublas": "11.10.3.66", "libcufft": "10.7.2.124",
             "libcurand": "10.3.0.86", "libcusolver": "11.4.0.1", "libcusparse": "11.7.4.91",
             "libnpp": "11.7.4.75", "libnvjpeg": "11.8.0.2", "cuda-libraries": "11.7.1",
             "cuda-runtime": "11.7.1"},
    "11.8": {"cuda-cudart": "11.8.89", "cuda-cupti": "11.8.87", "cuda-nvrtc": "11.8.89",
             "cuda-nvtx": "11.8.86", "libcublas": "11.11.3.6", "libcufft": "10.9.0.58",
             "libcurand": "10.3.0.86", "libcusolver": "11.4.1.48", "libcusparse": "11.7.5.86",
             "libnpp": "11.8.0.86", "libnvjpeg": "11.9.0.86", "cuda-libraries": "11.8.0",
             "cuda-runtime": "11.8.0"},
    "12.1": {"cuda-cudart": "12.1.105", "cuda-cupti": "12.1.105", "cuda-nvrtc": "12.1.105",
             "cuda-nvtx": "12.1.105", "libcublas": "12.1.0.26", "libcufft": "11.0.2.4",
             "libcurand": "10.3.2.106", "libcusolver": "11.4.4.55", "libcusparse": "12.0.2.55",
             "libnpp": "12.0.2.50", "libnvjpeg": "12.1.0.39", "cuda-libraries": "12.1.0",
             "cuda-runtime": "12.1.0"},
}
NV_SIZE = {"cuda-cudart": 198000, "cuda-cupti": 15600000, "cuda-nvrtc": 20400000, "cuda-nvtx": 58000,
           "libcublas": 348000000, "libcufft": 108000000, "libcurand": 54700000, "libcusolver": 116000000,
           "libcusparse": 178000000, "libnpp": 147000000, "libnvjpeg": 2600000, "cuda-libraries": 1600,
           "cuda-runtime": 1500}


def nv_range(v):
    parts = v.split(".")
    return ">=%s,<%s.%d" % (v, parts[0], int(parts[1]) + 1)


def gen_nvidia():
    c = Channel("nvidia", "https://conda.anaconda.org/nvidia", "nvidia", "nvidia", ".tar.bz2")
    for cu, libs in NV.items():
        for name, ver in libs.items():
            deps = []
            if name == "cuda-libraries":
                deps = ["%s %s" % (n, nv_range(libs[n])) for n in
                        ("cuda-cudart", "cuda-nvrtc", "libcublas", "libcufft", "libcurand", "libcusolver",
                         "libcusparse", "libnpp", "libnvjpeg")]
            elif name == "cuda-runtime":
                deps = ["cuda-libraries %s" % nv_range(libs["cuda-libraries"])]
            size = NV_SIZE[name] * (1.0 + 0.03 * list(NV).index(cu))
            if any(r["name"] == name and r["version"] == ver for r in c.records):
                continue   # e.g. libcurand 10.3.0.86 serves both 11.7 and 11.8
            c.add(name, ver, "0", size, deps, license="LicenseRef-NVIDIA-End-User-License-Agreement")
    return c


# --------------------------------------------------------------------------------------
# pytorch
# --------------------------------------------------------------------------------------
def gen_pytorch():
    c = Channel("pytorch", "https://conda.anaconda.org/pytorch", "pytorch", "pytorch", ".tar.bz2")
    c.add("pytorch-mutex", "1.0", "cuda", 3000, noarch="generic", build_number=100)
    c.add("pytorch-mutex", "1.0", "cpu", 3000, noarch="generic", build_number=100, penalty=1)
    c.add("cpuonly", "2.0", "0", 2270, ["pytorch-mutex 1.0 cpu"], noarch="generic")
    for cu, build in (("11.7", "h778d358_5"), ("11.8", "h7e8668a_5"), ("12.1", "ha16c6d3_5")):
        libs = NV[cu]
        deps = ["%s %s" % (n, nv_range(libs[n])) for n in
                ("cuda-cudart", "cuda-cupti", "cuda-libraries", "cuda-nvrtc", "cuda-nvtx", "cuda-runtime",
                 "libcublas", "libcufft", "libcusolver", "libcusparse", "libnpp", "libnvjpeg")]
        # stand-in rule: the CUDA build needs a driver, i.e. the __cuda virtual package
        deps.append("__cuda >=%s" % cu)
        c.add("pytorch-cuda", cu, build, 3584, deps, noarch="generic")
    releases = [
        # version, pythons, cuda variants (cuda, cudnn, size), cpu size, torchvision, torchaudio, triton
        ("2.2.2", PYS, [("11.8", "8.7.0", 2385000000), ("12.1", "8.9.2", 1556000000)], 88900000,
         "0.17.2", "2.2.2", "2.2.0"),
        ("2.1.2", PYS[:4], [("11.8", "8.7.0", 2273000000), ("12.1", "8.9.2", 1488000000)], 86200000,
         "0.16.2", "2.1.2", "2.1.0"),
        ("2.0.1", PYS[:4], [("11.7", "8.5.0", 1466000000), ("11.8", "8.7.0", 2182000000)], 80300000,
         "0.15.2", "2.0.2", "2.0.0"),
    ]
    base = ["blas * mkl", "filelock", "jinja2", "mkl >=2018", "networkx", "pyyaml", "sympy",
            "typing_extensions"]
    done_triton = set()
    for ver, pys, cudas, cpu_size, tv, ta, triton in releases:
        for py in pys:
            t = "py" + py
            pr = pyrange(py)
            if (triton, py) not in done_triton:
                done_triton.add((triton, py))
                c.add("torchtriton", triton, "%s" % t, 95000000, ["filelock", pr, "pytorch"])
            for i, (cu, cudnn, size) in enumerate(cudas):
                cur = "pytorch-cuda >=%s,<%s.%d" % (cu, cu.split(".")[0], int(cu.split(".")[1]) + 1)
                c.add("pytorch", ver, "%s_cuda%s_cudnn%s_0" % (t, cu, cudnn), size * (1 + PYS.index(py) / 200.0),
                      base + [pr, cur, "pytorch-mutex 1.0 cuda", "torchtriton %s" % triton],
                      constrains=["cpuonly <0"], payload=[], license="BSD 3-Clause")
                cutag = "cu" + cu.replace(".", "")
                c.add("torchvision", tv, "%s_%s" % (pytag(py), cutag), 8400000 + 97000 * i,
                      ["jpeg", "libpng", "numpy >=1.23.5",
                       "pillow >=5.3.0,!=8.3.*", pr, "pytorch %s" % ver, "pytorch-cuda %s.*" % cu,
                       "pytorch-mutex 1.0 cuda"], build_number=0)
                c.add("torchaudio", ta, "%s_%s" % (pytag(py), cutag), 6400000 + 51000 * i,
                      [pr, "pytorch %s" % ver, "pytorch-cuda %s.*" % cu, "pytorch-mutex 1.0 cuda"])
            # penalty: the CPU variants lose to CUDA ones when both are installable (real
            # conda gets there through the track_features of pytorch-mutex=*=cpu)
            c.add("pytorch", ver, "%s_cpu_0" % t, cpu_size * (1 + PYS.index(py) / 150.0),
                  base + [pr, "pytorch-mutex 1.0 cpu"], payload=[], license="BSD 3-Clause", penalty=1)
            c.add("torchvision", tv, "%s_cpu" % pytag(py), 7300000,
                  ["jpeg", "libpng", "numpy >=1.23.5", "pillow >=5.3.0,!=8.3.*", pr, "pytorch %s" % ver,
                   "pytorch-mutex 1.0 cpu"], build_number=0, penalty=1)
            c.add("torchaudio", ta, "%s_cpu" % pytag(py), 5900000,
                  [pr, "pytorch %s" % ver, "pytorch-mutex 1.0 cpu"], penalty=1)
    return c


# --------------------------------------------------------------------------------------
# file:///srv/conda-channel: replay of the corpus capture channel
# --------------------------------------------------------------------------------------
def gen_replay():
    c = Channel("file:///srv/conda-channel", "file:///srv/conda-channel", "channel",
                "file:///srv/conda-channel", ".tar.bz2")
    kw = dict(timestamp=TS_BASE, current=True)
    c.add("python", "3.11.2", "0_debian_shim", 863, md5="c8ef59c452add20b55621383c1d5583c",
          sha256="a82f4d01b7b050790003c07fc270d8e075b9f977e20c1d3726d380d00f55639d", **kw)
    c.add("tinytool", "0.1.0", "0", 588, noarch="generic", md5="9720d39425ee0bcc3897d6b1ce473c66",
          sha256="8b1645870b2b9094fda21842528c7a373c721d61ee0aac9c244c3690664020a8",
          payload=[["bin/tinytool", '#!/bin/sh\necho "tinytool 0.1.0 installed in @PREFIX@"\n', 0o755]], **kw)
    hello = ('__version__ = "%s"\n\n\ndef main():\n    import sys\n'
             '    print("hello-conda %%s from %%s (python %%s)" %% (__version__, sys.prefix,'
             ' sys.version.split()[0]))\n    return 0\n')
    entry = ("#!@PREFIX@/bin/python\n# -*- coding: utf-8 -*-\nimport re\nimport sys\n\n"
             "from hello_conda import main\n\nif __name__ == '__main__':\n"
             "    sys.argv[0] = re.sub(r'(-script\\.pyw?|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n")
    for ver, size, md5, sha in (("1.0.0", 700, "616f280364ca5c1a8bdfa60a6b6e89c6",
                                 "da6bd125a146cdc5dbb7a1881c8e5289af30081f0d81faaa6a41e1484e981dc4"),
                                ("0.9.0", 712, "b64db05866e0ee02a3a97eb56d2162e6",
                                 "c28c08b3636a28063023c40da423e9b179f839de91604b55109145c7e1ccce9c")):
        c.add("hello-conda", ver, "pyh_0", size, ["python >=3.8"], noarch="python", md5=md5, sha256=sha,
              payload=[["{site}/hello_conda/__init__.py", hello % ver, 0o644],
                       ["bin/hello-conda", entry, 0o755]], **kw)
    c.add("bigblob", "1.0", "0", 2108331, noarch="generic", md5="ff28c0b26abf0585b8e700ca0c1b0c88",
          sha256="c6e3170697550b1696d893729d6633b1ff8e3d9195a3eda52287c54017071e18",
          payload=[["share/bigblob/README", "bigblob 1.0 (stand-in payload; the real one is 2 MiB)\n", 0o644]],
          **kw)
    c.add("fake-pytorch-cuda", "12.1", "0", 522, ["__cuda >=12.1"], noarch="generic",
          md5="4e8943234e56157a7236cbc3cc8567e8",
          sha256="8da2a7504c10b8668a9a08f6c804035524524d74528db4c2def601ebd64eb457", **kw)
    c.add("libfoo", "1.5", "0", 540, noarch="generic", **kw)
    c.add("libfoo", "2.0", "0", 541, noarch="generic", **kw)
    c.add("conflict-a", "1.0", "0", 530, ["libfoo >=2"], noarch="generic", **kw)
    c.add("conflict-b", "1.0", "0", 530, ["libfoo <2"], noarch="generic", **kw)
    c.add("needs-py312", "1.0", "0", 533, ["python >=3.12"], noarch="generic", **kw)
    c.add("needs-missing", "1.0", "0", 531, ["doesnotexist >=2"], noarch="generic", **kw)
    return c


def mark_current(ch):
    """current_repodata.json: the latest version of every name, plus what those need."""
    from collections import defaultdict
    sys.path.insert(0, os.path.join(HERE, ".."))
    from onramp_conda.version import VersionOrder, dep_spec, version_key

    def vkey(r):
        return version_key(r["version"])

    by_name = defaultdict(list)
    for r in ch.records:
        by_name[r["name"]].append(r)
    cur = set()
    for name, recs in by_name.items():
        best = max(recs, key=vkey)
        for r in recs:
            if VersionOrder.get(r["version"]).cmp(VersionOrder.get(best["version"])) == 0:
                cur.add(id(r))
    changed = True
    while changed:
        changed = False
        for r in ch.records:
            if id(r) not in cur:
                continue
            for d in r["depends"]:
                ms = dep_spec(d)
                if ms.name.startswith("__"):
                    continue
                cands = [x for x in by_name.get(ms.name, []) if ms.match(x)]
                if cands and not any(id(x) in cur for x in cands):
                    cur.add(id(max(cands, key=vkey)))
                    changed = True
    for r in ch.records:
        if "_current" not in r:
            r["_current"] = id(r) in cur


def main():
    channels = [gen_main(), gen_forge(), gen_nvidia(), gen_pytorch(), gen_replay()]
    out = {"channels": {}, "multichannels": {"defaults": ["pkgs/main", "pkgs/r"]}}
    empty_r = Channel("pkgs/r", "https://repo.anaconda.com/pkgs/r", "pkgs/r", "defaults", ".conda")
    channels.insert(1, empty_r)
    for ch in channels:
        mark_current(ch)
        info = dict(ch.info)
        info["records"] = ch.records
        out["channels"][ch.key] = info
    with open(OUT, "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    n = sum(len(c.records) for c in channels)
    print("wrote %s: %d records, %d bytes" % (os.path.normpath(OUT), n, os.path.getsize(OUT)),
          file=sys.stderr)


if __name__ == "__main__":
    main()

"""torch stand-in: builds, devices and the real driver warnings/errors (fixtures/pytorch).

Each case copies the installed package into a fake env's site-packages with an
_onramp_build.json, exactly as the conda stand-in does, and runs a probe in a fresh interpreter.
"""

import re
import unittest

import standin_support as S


def tearDownModule():
    S.cleanup()


CONDA_CU118 = {"version": "2.1.2", "cuda": "11.8", "build": "py3.11_cuda11.8_cudnn8.7.0_0"}
CONDA_CU121 = {"version": "2.1.2", "cuda": "12.1", "build": "py3.11_cuda12.1_cudnn8.9.2_0"}
CONDA_CPU = {"version": "2.1.2", "cuda": None, "build": "py3.11_cpu_0"}
PIP_CU121 = {"version": "2.1.2", "version_string": "2.1.2", "cuda": "12.1", "build": "pip"}
PIP_CU110_17 = {"version": "1.7.0", "version_string": "1.7.0+cu110", "cuda": "11.0", "build": "pip"}

PROBE = ("import torch\n"
         "print(torch.__version__, torch.version.cuda, torch.cuda.is_available(), torch.cuda.device_count(),"
         " torch.backends.cudnn.version())\n")

TOO_OLD_MSG = ("The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver "
               "by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx "
               "Alternatively, go to: https://pytorch.org to install a PyTorch version that has been compiled with "
               "your version of the CUDA driver.")


def probe(build, cvd=None, knobs=None, code=PROBE, extra=None):
    r = S.lab().py(code, build, cvd=cvd, knobs=knobs, extra=extra)
    return r


def last_line(text):
    return text.rstrip("\n").split("\n")[-1]


class Builds(unittest.TestCase):
    def test_cpu_build(self):
        for cvd in (None, "0"):
            with self.subTest(cuda_visible_devices=cvd):
                r = probe(CONDA_CPU, cvd=cvd)
                self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "2.1.2 None False 0 None\n", ""))

    def test_cpu_build_refuses_cuda_like_torch_2_1(self):
        r = probe(CONDA_CPU, cvd="0", code="import torch\ntorch.tensor([1.0]).cuda()\n")
        self.assertEqual(last_line(r.stderr), "AssertionError: Torch not compiled with CUDA enabled")
        self.assertRegex(r.stderr, r'torch/cuda/__init__\.py", line 289, in _lazy_init\n'
                                   r'    raise AssertionError\("Torch not compiled with CUDA enabled"\)')

    def test_missing_build_json_means_cpu(self):
        r = probe(None, cvd="0")
        self.assertEqual(r.stdout, "2.1.2 None False 0 None\n")

    def test_version_strings(self):
        # conda's pytorch channel reports the plain version; pip wheels carry the local tag.
        cases = [(CONDA_CU118, "2.1.2 11.8"), (CONDA_CU121, "2.1.2 12.1"),
                 ({"version": "2.1.0", "version_string": "2.1.0+cu118", "cuda": "11.8", "build": "pip"}, "2.1.0+cu118 11.8")]
        for build, expected in cases:
            with self.subTest(build=build["build"]):
                r = probe(build, code="import torch; print(torch.__version__, torch.version.cuda)")
                self.assertEqual(r.stdout, expected + "\n")

    def test_corpus_two_commands_session(self):
        # python -c 'import torch; print(torch.__version__)' then print(torch.cuda.is_available())
        text = S.fixture("pytorch", "python-c-torch-version-and-is_available__two-commands.txt")
        expected = [l for l in text.splitlines() if not l.startswith("(")]
        build = {"version": "2.1.0", "version_string": "2.1.0+cu118", "cuda": "11.8", "build": "pip"}
        got = [probe(build, cvd="0", code="import torch; print(torch.__version__)").stdout.strip(),
               probe(build, cvd="0", code="import torch; print(torch.cuda.is_available())").stdout.strip()]
        self.assertEqual(got, expected)


class WorkingGpus(unittest.TestCase):
    def test_visible_gpus_are_counted(self):
        for cvd, count in (("0", 1), ("1", 1), ("0,1", 2), ("1,0", 2), ("GPU-b81d07f4", 1)):
            with self.subTest(cuda_visible_devices=cvd):
                r = probe(CONDA_CU118, cvd=cvd)
                self.assertEqual((r.stdout, r.stderr), ("2.1.2 11.8 True %d 8700\n" % count, ""))

    def test_device_details(self):
        code = ("import torch\n"
                "print(torch.cuda.get_device_name(0))\n"
                "print(torch.cuda.get_device_properties(0))\n"
                "print(torch.cuda.current_device(), torch.cuda.get_device_capability(0))\n"
                "t = torch.tensor([1.0, 2.0]).cuda()\n"
                "print(t, t.device, (t * 2).sum().item())\n"
                "print(torch.zeros(2, device='cuda'))\n")
        r = probe(CONDA_CU121, cvd="1", code=code)
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.stdout.splitlines(), [
            "NVIDIA H100 80GB HBM3",
            "_CudaDeviceProperties(name='NVIDIA H100 80GB HBM3', major=9, minor=0, total_memory=81080MB, "
            "multi_processor_count=132)",
            "0 (9, 0)",
            "tensor([1., 2.], device='cuda:0') cuda:0 6.0",
            "tensor([0., 0.], device='cuda:0')",
        ])

    def test_invalid_device_id(self):
        r = probe(CONDA_CU118, cvd="0", code="import torch; torch.cuda.get_device_name(1)")
        self.assertEqual(last_line(r.stderr), "AssertionError: Invalid device id")

    def test_cudnn_version_from_the_build_string(self):
        r = probe(CONDA_CU121, code="import torch; print(torch.backends.cudnn.version())")
        self.assertEqual(r.stdout, "8902\n")


class NoDriver(unittest.TestCase):
    """Login node or job without --gres: CUDA_VISIBLE_DEVICES unset or empty, no driver."""

    def test_cuda_build_is_quiet_false_and_zero_like_torch_2_1(self):
        # torch >= 1.8 no longer warns when no driver is installed (pytorch PR #51806).
        for cvd in (None, ""):
            with self.subTest(cuda_visible_devices=repr(cvd)):
                r = probe(CONDA_CU118, cvd=cvd)
                self.assertEqual((r.stdout, r.stderr), ("2.1.2 11.8 False 0 8700\n", ""))

    def test_first_cuda_use_raises_the_real_error(self):
        corpus = S.fixture("pytorch", "warning-no-nvidia-driver__is_available-prints-False.txt")
        message = re.search(r"UserWarning: CUDA initialization: (Found no NVIDIA driver.*?) \(Triggered", corpus).group(1)
        r = probe(CONDA_CU118, code="import torch\ntorch.zeros(1).cuda()\n")
        self.assertEqual(last_line(r.stderr), "RuntimeError: " + message)
        self.assertRegex(r.stderr, r'torch/cuda/__init__\.py", line 298, in _lazy_init\n    torch\._C\._cuda_init\(\)')

    def test_torch_1_7_warns_exactly_like_the_corpus(self):
        corpus = S.fixture("pytorch", "warning-no-nvidia-driver__is_available-prints-False.txt")
        r = probe(PIP_CU110_17, code="import torch; print(torch.cuda.is_available())")
        self.assertEqual(S.strip_warning_location(r.stderr + r.stdout), S.strip_warning_location(corpus))

    def test_knob_forces_the_pre_1_8_warning_on_a_2_1_build(self):
        corpus = S.fixture("pytorch", "warning-no-nvidia-driver__is_available-prints-False.txt")
        r = probe(CONDA_CU118, knobs={"torch.nodriver_warning": "1"},
                  code="import torch; print(torch.cuda.is_available())")
        self.assertEqual(S.strip_triggered(S.strip_warning_location(r.stderr + r.stdout)),
                         S.strip_triggered(S.strip_warning_location(corpus)))

    def test_torch_1_7_device_count_warning_matches_the_pytest_capture(self):
        corpus = S.fixture("pytorch", "warning-no-nvidia-driver__torch1.7-device_count.txt")
        r = probe(PIP_CU110_17, code="import torch; torch.cuda.is_available(); print(torch.cuda.device_count())")
        squash = lambda t: " ".join(S.strip_warning_location(t.strip()).split())
        self.assertEqual(squash(r.stderr), squash(corpus))
        self.assertEqual(r.stdout, "0\n")


class DriverTooOld(unittest.TestCase):
    OLD = {"gpu.driver": "470.82.01"}     # CUDA 11.4, 'found version 11040'

    def test_cu12_build_on_a_470_driver_warns_like_the_corpus(self):
        r = probe(PIP_CU121, cvd="0", knobs=self.OLD)
        self.assertEqual(r.stdout, "2.1.2 12.1 False 1 8902\n")   # NVML still counts the GPU (real quirk)
        for name in ("warning-driver-too-old__found-11040__torch-cuda-init108.txt",
                     "warning-driver-too-old__found-11040__torch2-py311.txt"):
            with self.subTest(corpus=name):
                corpus = S.fixture("pytorch", name)
                mine = S.strip_warning_location(r.stderr)
                if "torch-cuda-init108" in name:
                    self.assertEqual(mine, corpus)        # pip build: '(Triggered internally at ../c10/...:108.)'
                else:
                    self.assertEqual(S.strip_triggered(mine).split("\n")[0],
                                     S.strip_triggered(S.strip_warning_location(corpus)).split("\n")[0])

    def test_warning_points_at_is_available_line_138(self):
        r = probe(CONDA_CU121, cvd="0", knobs=self.OLD)
        self.assertRegex(r.stderr, r"^\S+/site-packages/torch/cuda/__init__\.py:138: UserWarning: CUDA initialization: "
                                   + re.escape(TOO_OLD_MSG) + re.escape(
                                       " (Triggered internally at /opt/conda/conda-bld/pytorch_1702400410390/work/"
                                       "c10/cuda/CUDAFunctions.cpp:108.)")
                                   + r"\n  return torch\._C\._cuda_getDeviceCount\(\) > 0\n$")

    def test_first_cuda_use_raises_the_corpus_runtime_error(self):
        corpus = S.fixture("pytorch", "error-driver-too-old__RuntimeError.txt")
        r = probe(CONDA_CU121, cvd="0", knobs=self.OLD, code="import torch\ntorch.tensor([1.0]).cuda()\n")
        self.assertEqual(last_line(r.stderr), corpus.strip())

    def test_warning_is_printed_once_per_process(self):
        r = probe(CONDA_CU121, cvd="0", knobs=self.OLD,
                  code="import torch\nfor _ in range(3): torch.cuda.is_available(); torch.cuda.device_count()\n")
        self.assertEqual(r.stderr.count("UserWarning"), 1)

    def test_cu118_runs_on_470_through_minor_version_compatibility(self):
        r = probe(CONDA_CU118, cvd="0", knobs=self.OLD)
        self.assertEqual((r.stdout, r.stderr), ("2.1.2 11.8 True 1 8700\n", ""))

    def test_strict_knob_compares_full_versions(self):
        r = probe(CONDA_CU118, cvd="0", knobs=dict(self.OLD, **{"torch.driver_check": "strict"}))
        self.assertEqual(r.stdout, "2.1.2 11.8 False 1 8700\n")
        self.assertIn("found version 11040", r.stderr)

    def test_cuda_knob_alone(self):
        r = probe(CONDA_CU118, cvd="0", knobs={"gpu.cuda": "10.2"})
        self.assertIn("found version 10020", r.stderr)
        self.assertIn(" False ", r.stdout)


class BrokenDriver(unittest.TestCase):
    def test_mismatch(self):
        r = probe(CONDA_CU118, cvd="0", knobs={"gpu.fail": "mismatch"})
        self.assertEqual(r.stdout, "2.1.2 11.8 False 0 8700\n")
        self.assertIn("UserWarning: CUDA initialization: Unexpected error from cudaGetDeviceCount(). Did you run some "
                      "cuda functions before calling NumCudaDevices() that might have already set an error? Error 803: "
                      "system has unsupported display driver / cuda driver combination (Triggered internally at ",
                      r.stderr)
        self.assertIn("UserWarning: Can't initialize NVML\n  warnings.warn(\"Can't initialize NVML\")\n", r.stderr)

    def test_driver_not_loaded_matches_the_corpus_message(self):
        corpus = S.fixture("pytorch", "warning-cuda-driver-init-failed.txt")
        r = probe(CONDA_CU118, cvd="0", knobs={"gpu.fail": "nodriver"})
        self.assertEqual(r.stdout, "2.1.2 11.8 False 0 8700\n")
        first = lambda t: S.strip_triggered(S.strip_warning_location(t)).split("\n")[0]
        self.assertEqual(first(r.stderr), first(corpus))

    def test_nvml_based_check(self):
        r = probe(CONDA_CU118, cvd="0,1", extra={"PYTORCH_NVML_BASED_CUDA_CHECK": "1"},
                  code="import torch; print(torch.cuda.is_available(), torch.cuda.device_count())")
        self.assertEqual((r.stdout, r.stderr), ("True 2\n", ""))


class LabWiring(unittest.TestCase):
    def test_knobs_fall_back_to_the_lab_json_control_file(self):
        lab = S.lab()
        with open(lab.control_default, "w", encoding="utf-8") as fh:
            fh.write("gpu.fail=mismatch\n")
        try:
            r = lab.py(PROBE, CONDA_CU118, cvd="0", control=False)
            self.assertIn("Error 803", r.stderr)
        finally:
            import os
            os.remove(lab.control_default)

    def test_busy_gpus_still_work(self):
        r = probe(CONDA_CU118, cvd="0", knobs={"gpu.busy": "1"},
                  code="import torch; f, t = torch.cuda.mem_get_info(0); print(t // 2**20, f < t)")
        self.assertEqual(r.stdout, "81559 True\n")


if __name__ == "__main__":
    unittest.main()

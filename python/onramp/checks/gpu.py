"""The GPU node: what nvidia-smi and the PyTorch probe saw there."""
from __future__ import annotations

from onramp import facts
from onramp.checks import check, fail, not_collected, passed, skip, warn
from onramp.i18n import T

TEST_IN_JOB = T("`srun --gres=gpu:{n} --pty bash -i`, then `conda activate {env}` and "
                "`python -c 'import torch; print(torch.cuda.device_count())'`",
                "`srun --gres=gpu:{n} --pty bash -i`，然后 `conda activate {env}` 和 "
                "`python -c 'import torch; print(torch.cuda.device_count())'`")


def _cuda_install(ev, cuda: str) -> str:
    """The modern recipe's command for a build that the driver's CUDA runs."""
    env = facts.env_name(ev) or "ENV"
    pin = ' "cuda-version<=%s"' % cuda if cuda else ""
    over = "CONDA_OVERRIDE_CUDA=%s " % cuda if cuda else ""
    return "%sconda install -n %s -c conda-forge --override-channels pytorch%s" % (over, env, pin)


@check("gpu.count", T("GPUs visible to PyTorch", "PyTorch 可见的 GPU"))
def gpu_count(ev):
    wanted = facts.gpus_requested(ev)
    if wanted <= 0:
        return skip(T("No GPU was requested (gpus = 0), so there is nothing to count.",
                      "没有申请 GPU（gpus = 0），无需检查数量。"))
    if not facts.has_fact(ev, "verify", "device_count"):
        return not_collected("verify.facts.device_count")
    count = int(facts.fact(ev, "verify", "device_count") or 0)
    node = facts.fact(ev, "verify", "gpu_node") or "?"
    test = TEST_IN_JOB.format(n=wanted, env=facts.env_name(ev) or "ENV")
    if not facts.fact(ev, "verify", "cuda_available"):
        return fail(T("PyTorch sees no GPU on {}: torch.cuda.is_available() is False.",
                      "PyTorch 在 {} 上看不到 GPU：torch.cuda.is_available() 为 False。").format(node),
                    T("Run PyTorch inside a GPU job, not on the login node, and check the other results "
                      "(CUDA build, driver): ",
                      "请在申请了 GPU 的作业中运行 PyTorch，而不是在登录节点上，并查看其他检查结果"
                      "（CUDA 版本、驱动）：") + test)
    if count != wanted:
        return fail(T("PyTorch sees {0} GPU(s) on {1}, but {2} were requested.",
                      "PyTorch 在 {1} 上看到 {0} 块 GPU，但申请的是 {2} 块。").format(count, node, wanted),
                    T("Ask Slurm for exactly the GPUs you use and do not set CUDA_VISIBLE_DEVICES yourself; "
                      "check with `echo $CUDA_VISIBLE_DEVICES` in the job: ",
                      "向 Slurm 申请的 GPU 数量要与实际使用的一致，不要自己设置 CUDA_VISIBLE_DEVICES；"
                      "可以在作业中用 `echo $CUDA_VISIBLE_DEVICES` 确认：") + test)
    name = facts.fact(ev, "verify", "device_name") or ""
    return passed(T("PyTorch sees {0} GPU(s) on {1} ({2}), as requested.",
                    "PyTorch 在 {1} 上看到 {0} 块 GPU（{2}），与申请的一致。").format(count, node, name))


@check("torch.cuda-build", T("PyTorch is a CUDA build", "PyTorch 是 CUDA 版本"))
def torch_cuda_build(ev):
    cuda = facts.torch_cuda(ev)
    version = facts.torch_version(ev) or "?"
    if cuda is None:
        return not_collected("verify.facts.torch_cuda", "install-torch.facts.torch_build")
    if cuda:
        return passed(T("PyTorch {} is built for CUDA {}.", "PyTorch {} 是 CUDA {} 版本。").format(version, cuda))
    build = facts.fact(ev, "install-torch", "torch_build") or "cpu"
    if facts.gpus_requested(ev) <= 0:
        return passed(T("PyTorch {} is a CPU build ({}); no GPU was requested.",
                        "PyTorch {} 是 CPU 版本（{}）；本次没有申请 GPU。").format(version, build))
    driver = facts.driver_cuda(ev)
    return fail(T("PyTorch {} is a CPU-only build ({}): it can never use the GPU. conda picks it when it "
                  "solves on the login node, which has no GPU.",
                  "PyTorch {} 是只支持 CPU 的版本（{}），永远用不上 GPU。在没有 GPU 的登录节点上求解时，"
                  "conda 会选中这种版本。").format(version, build),
                T("Install a CUDA build, telling conda the GPU nodes' CUDA: `{}`",
                  "安装 CUDA 版本，并告诉 conda 计算节点的 CUDA 版本：`{}`").format(_cuda_install(ev, driver)))


@check("driver.cuda", T("The driver runs PyTorch's CUDA", "驱动支持 PyTorch 的 CUDA 版本"))
def driver_cuda(ev):
    cuda = facts.torch_cuda(ev)
    driver = facts.driver_cuda(ev)
    if cuda == "":
        return skip(T("PyTorch is not a CUDA build, so there is no CUDA to compare (see the CUDA build check).",
                      "PyTorch 不是 CUDA 版本，没有可比较的 CUDA 版本（见“PyTorch 是 CUDA 版本”一项）。"))
    if cuda is None or not driver:
        missing = [n for n, v in (("verify.facts.torch_cuda", cuda), ("compute-node.facts.driver_cuda", driver))
                   if not v]
        return not_collected(*missing)
    version = facts.fact(ev, "compute-node", "driver_version") or ""
    need, have = facts.version_tuple(cuda)[:2], facts.version_tuple(driver)[:2]
    fix = T("Install a build for the driver's CUDA {}: `{}` (or ask the admins for a newer driver).",
            "安装与驱动的 CUDA {} 匹配的版本：`{}`（或请管理员升级驱动）。").format(driver,
                                                                    _cuda_install(ev, driver))
    if need[:1] > have[:1]:
        return fail(T("PyTorch needs CUDA {}, but the GPU nodes' driver {} supports only CUDA {}: "
                      "“The NVIDIA driver on your system is too old”.",
                      "PyTorch 需要 CUDA {}，但计算节点的驱动 {} 只支持 CUDA {}，会报错"
                      "“The NVIDIA driver on your system is too old”。").format(cuda, version, driver), fix)
    if need > have:
        return warn(T("PyTorch needs CUDA {}, newer than the driver's CUDA {} within the same major version: "
                      "it usually runs (minor version compatibility), but some kernels may fail to load.",
                      "PyTorch 需要 CUDA {}，比驱动支持的 CUDA {} 新（主版本相同）：通常可以运行"
                      "（小版本兼容），但部分内核可能无法加载。").format(cuda, driver), fix)
    return passed(T("PyTorch's CUDA {} runs on the driver {} (CUDA {}).",
                    "PyTorch 的 CUDA {} 可以在驱动 {}（CUDA {}）上运行。").format(cuda, version, driver))


@check("nvidia-smi.works", T("nvidia-smi works on the GPU node", "GPU 节点上 nvidia-smi 正常"))
def nvidia_smi_works(ev):
    if not facts.has_fact(ev, "verify", "nvidia_smi"):
        return not_collected("verify.facts.nvidia_smi")
    text = facts.fact(ev, "verify", "nvidia_smi") or ""
    node = facts.fact(ev, "verify", "gpu_node") or "?"
    broken = facts.smi_failure(text)
    table = facts.parse_smi(text)
    if broken or not table:
        said = broken or (text.strip().splitlines() or ["(nothing)"])[-1]
        return fail(T("nvidia-smi failed on {}: “{}”.", "nvidia-smi 在 {} 上运行失败：“{}”。").format(node, said),
                    T("Tell the cluster's admins the node name and the message; meanwhile avoid that node: "
                      "`srun --gres=gpu:1 --exclude={} --pty bash -i`",
                      "把节点名和这条信息告诉集群管理员；在修好之前避开这个节点："
                      "`srun --gres=gpu:1 --exclude={} --pty bash -i`").format(node, node))
    gpus = table["gpus"]
    names = ", ".join(sorted({g["name"] for g in gpus})) or "?"
    return passed(T("nvidia-smi works on {}: driver {}, CUDA {}, {} GPU(s) ({}).",
                    "nvidia-smi 在 {} 上正常：驱动 {}，CUDA {}，{} 块 GPU（{}）。").format(
        node, table["driver_version"], table["cuda_version"], len(gpus), names))

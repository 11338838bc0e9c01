"""Conformance of the conda stand-in with the REAL conda 23.7.4 captures (fixtures/conda-real-23.7.4).

The capture session of commands.tsv is replayed, in order, against a fresh stand-in install
whose base .condarc matches the capture machine (channel file:///srv/conda-channel, no pip).
The stand-in carries that tiny channel as a built-in replay channel, so the same command
lines work. One test per capture file; each compares exit code, which stream got output,
JSON key sets / value types (and values, order-free, where the capture is deterministic),
table layouts and message lines after normalising paths (/opt/conda, /home/student),
kernel/glibc/python versions and temp-file names. tqdm download bars are compared as
structure (same bars, same size column, all reach 100 %, same line width), spinners of the
pty transcripts as spinner frames.

Captures listed in commands.tsv but absent from the corpus folder (43, 44, 46, 54-57) are
checked against real conda's texts (conda 23.7 source: CondaHTTPError, the ``==`` spec
rule, download.py's ``Failed to write``, link.py's rollback, CondaMultiError.dump_map).

Run: /usr/bin/python3 -m unittest discover -s tests/conformance/conda -v
"""

import json
import os
import re
import shlex
import unittest

from conda_lab import (CAPTURE_CONDARC, Lab, bars, canon, fixture, load_commands, normalize,
                       shape_diff, split_download_block)

ENV_YML = "name: fromyml\nchannels:\n  - file:///srv/conda-channel\ndependencies:\n  - hello-conda\n  - tinytool\n"

# value-exact (order-free) JSON comparisons: the replay channel makes these deterministic
JSON_EXACT = {"04-env-list-json-base-only", "05-create-dry-run-json", "10-env-list-json", "13-list-json",
              "17-install-downgrade-dry-run-json", "20-install-already-installed-json",
              "21-install-bigblob-json", "22-remove-dry-run-json", "31-list-no-such-env-json",
              "34-packages-not-found-json", "36-missing-dependency-json", "38-unsatisfiable-json",
              "38b-unsatisfiable-python-json", "38d-version-not-found-json", "40-virtual-cuda-missing-json",
              "41-virtual-cuda-override-json", "41c-virtual-cuda-too-old-json", "47-env-exists-yes-json",
              "51b-create-yes-json", "51d-env-create-from-yml-exists-json", "51f-search-json"}
# keys whose values depend on the machine (only their type is compared)
JSON_VOLATILE = {"env_vars", "sys.version", "user_agent", "UID", "GID", "python_version", "virtual_pkgs",
                 "conda_location", "GID", "default_python"}
# lines printed in an order conda takes from a set
UNORDERED = {"15-list-explicit-md5"}
MISSING = {"43-http-error-refused", "44-http-error-refused-json", "46-invalid-matchspec",
           "54-no-space-pkgs-cache", "55-no-space-pkgs-cache-json", "56-no-space-env-prefix",
           "57-no-space-env-prefix-json"}
SPIN = re.compile(r"(?:[-\\|/] \x08\x08)+")


def plan_command(lab, name, cmd):
    """commands.tsv line -> (args, env, stdin, pty answer, knobs)."""
    answer = None
    m = re.match(r"^\(pty, typed '(\w)'\) (.*)$", cmd)
    if m:
        answer, cmd = m.group(1), m.group(2)
    tokens = shlex.split(cmd)
    env = {}
    while tokens and re.match(r"^[A-Z_]+=", tokens[0]):
        k, v = tokens.pop(0).split("=", 1)
        env[k] = v
    assert tokens[0] == "conda", cmd
    args = tokens[1:]
    tiny = os.path.join(lab.tmp, "tinyfs")
    knobs = ""
    if "CONDA_PKGS_DIRS" in env:
        env["CONDA_PKGS_DIRS"] = env["CONDA_PKGS_DIRS"].replace("/mnt/tinyfs", tiny)
        knobs = "conda.fail=no_space\n"   # a 1 MiB tmpfs in the capture; a knob here
    if "/mnt/tinyfs/env" in cmd:
        args = [a.replace("/mnt/tinyfs", tiny) for a in args]
        knobs = "conda.fail=no_space_prefix\n"
    args = [a.replace("/home/student", lab.home) for a in args]
    if name == "51g-search":
        # the capture's unquoted `hello-conda>=0.9` was a shell redirect: stdout went to a file
        args = [a.replace("hello-conda>=0.9", "hello-conda") for a in args]
    return args, env, answer, knobs


class CaptureReplay(unittest.TestCase):
    lab = None
    results = {}

    @classmethod
    def setUpClass(cls):
        cls.lab = Lab(condarc=CAPTURE_CONDARC)
        cls.sys_version = cls.lab.py_sys_version()
        with open(os.path.join(cls.lab.home, "environment.yml"), "w") as f:
            f.write(ENV_YML)
        os.makedirs(os.path.join(cls.lab.tmp, "tinyfs"))
        cls.results = {}
        for name, rc, cmd in load_commands():
            args, env, answer, knobs = plan_command(cls.lab, name, cmd)
            env.setdefault("CONDA_OVERRIDE_CUDA", "")
            if answer is not None:
                res = cls.lab.run_pty(args, answer, env=env)
            else:
                res = cls.lab.run(args, env=env, knobs=knobs)
            cls.results[name] = (rc, res)

    @classmethod
    def tearDownClass(cls):
        if cls.lab:
            cls.lab.close()

    def norm(self, text):
        return normalize(text, self.lab, self.sys_version)

    # -- comparisons ------------------------------------------------------------------------------
    def compare_json(self, name, real_text, ours_text):
        real_parts = real_text.split("\0")
        ours_parts = ours_text.split("\0")
        real = json.loads(self.norm(real_parts[-1]))
        ours = json.loads(self.norm(ours_parts[-1]))
        diff = shape_diff(_strip(real), _strip(ours))
        self.assertIsNone(diff, "%s: JSON structure differs: %s" % (name, diff))
        if name in JSON_EXACT:
            self.assertEqual(canon(real), canon(ours), "%s: JSON values differ" % name)
        elif isinstance(real, dict):
            for k in ("exception_name", "exception_type", "conda_version", "platform", "root_prefix",
                      "envs", "envs_dirs", "pkgs_dirs", "channels", "config_files"):
                if k in real:
                    self.assertEqual(real[k], ours[k], "%s: value of %r differs" % (name, k))
        # progress lines before the JSON document (21-install-bigblob-json)
        self.assertEqual(len(real_parts) > 1, len(ours_parts) > 1, "%s: progress lines" % name)
        for part in ours_parts[:-1]:
            doc = json.loads(part)
            self.assertEqual(set(doc), {"fetch", "finished", "maxval", "progress"})
        if len(real_parts) > 1:
            self.assertEqual(json.loads(real_parts[-2])["finished"], json.loads(ours_parts[-2])["finished"])

    def compare_text(self, name, real, ours, stream):
        real, ours = self.norm(real), self.norm(ours)
        if "pty" in name:
            real = SPIN.sub("<spin>", real.replace("\r\n", "\n"))
            ours = SPIN.sub("<spin>", ours.replace("\r\n", "\n"))
        rb, rblock, ra = split_download_block(real)
        ob, oblock, oa = split_download_block(ours)
        if rblock or oblock:
            rbars, obars = bars(rblock), bars(oblock)
            self.assertEqual(rbars, obars, "%s: download bars differ" % name)
            if rbars:
                self.assertTrue(all(p == 100 for _, p in obars.values()), "%s: a bar stopped early" % name)
                self.assertEqual({len(m) for m in re.findall(r"\r[^\r\n\x1b]+% ", rblock)},
                                 {len(m) for m in re.findall(r"\r[^\r\n\x1b]+% ", oblock)},
                                 "%s: bar width" % name)
            else:
                self.assertEqual(rblock, oblock, "%s: empty download section" % name)
            real, ours = rb + "<download>" + ra, ob + "<download>" + oa
        if "\r" in real and stream == "stderr":
            # classic solver's tqdm conflict search, then the error
            rnoise, real = real.rsplit("\r", 1)
            onoise, ours = ours.rsplit("\r", 1) if "\r" in ours else ("", ours)
            for word in ("Building graph of deps", "Examining", "Determining conflicts",
                         "Examining conflict for"):
                self.assertIn(word, rnoise)
                self.assertIn(word, onoise, "%s: tqdm conflict search missing" % name)
        rl, ol = real.split("\n"), ours.split("\n")
        if name in UNORDERED:
            rl, ol = sorted(rl), sorted(ol)
        if "Package " in real and "conflicts for:" in real:
            rl, ol = _sorted_conflicts(rl), _sorted_conflicts(ol)
        self.assertEqual(rl, ol, "%s (%s) differs from the real capture" % (name, stream))

    def check_capture(self, name):
        rc, res = self.results[name]
        self.assertEqual(res.rc, rc, "%s: exit code\n%r" % (name, res))
        if name in MISSING:
            return getattr(self, "missing_" + name.split("-", 1)[0])(res)
        real_out = fixture(name, "stdout") or ""
        real_err = fixture(name, "stderr") or ""
        if name == "51g-search":
            self.assertEqual(real_out, "")  # redirect artifact, see plan_command
            self.assertRegex(res.out, r"^Loading channels: \.\.\.working\.\.\. done\n# Name {23}Version {11}"
                                      r"Build  Channel {13}\nhello-conda {20}0\.9\.0 {11}pyh_0  channel")
            return
        self.assertEqual(bool(real_out), bool(res.out), "%s: stdout empty vs not\n%r" % (name, res))
        self.assertEqual(bool(real_err), bool(res.err), "%s: stderr empty vs not\n%r" % (name, res))
        for stream, real, ours in (("stdout", real_out, res.out), ("stderr", real_err, res.err)):
            if not real:
                continue
            if real.lstrip("\0").startswith(("{", "[")) or "\0{" in real:
                self.compare_json(name, real, ours)
            else:
                self.compare_text(name, real, ours, stream)

    # -- the captures absent from the corpus folder: real conda 23.7 text ---------------------------
    HTTP_MSG = ("\nCondaHTTPError: HTTP 000 CONNECTION FAILED for url "
                "<http://127.0.0.1:9/nochannel/linux-64/current_repodata.json>\nElapsed: -\n\n"
                "An HTTP error occurred when trying to retrieve this URL.\n"
                "HTTP errors are often intermittent, and a simple retry will get you on your way.\n"
                "'http://127.0.0.1:9/nochannel/linux-64'\n\n\n")

    def missing_43(self, res):
        self.assertEqual(res.out, "Collecting package metadata (current_repodata.json): ...working... failed\n")
        self.assertEqual(res.err, self.HTTP_MSG)

    def missing_44(self, res):
        d = res.json()
        self.assertEqual(set(d), {"caused_by", "elapsed_time", "error", "exception_name", "exception_type",
                                  "message", "reason", "response_details", "status_code", "url"})
        self.assertEqual(d["exception_name"], "CondaHTTPError")
        self.assertEqual(d["exception_type"], "<class 'conda.exceptions.CondaHTTPError'>")
        self.assertEqual((d["status_code"], d["reason"], d["elapsed_time"]), ("000", "CONNECTION FAILED", "-"))
        self.assertEqual(d["error"], self.HTTP_MSG.strip("\n") + "\n")
        self.assertIn("Connection refused", d["caused_by"])
        self.assertEqual(res.err, "")

    def missing_46(self, res):
        # conda's _parse_spec_str strips the leading '==' when no build follows: 'hello-conda >1'
        self.assertTrue(res.out.endswith("Solving environment: ...working... failed\n"), res.out)
        self.assertIn("unsuccessful attempt using repodata from current_repodata.json", res.out)
        self.assertRegex(res.err, r"^\nPackagesNotFoundError: The following packages are not available "
                                  r"from current channels:\n\n  - hello-conda\[version='>1'\]\n")

    def missing_54(self, res):
        self.assertIn("\nDownloading and Extracting Packages\n", res.out)
        self.assertIn("bigblob-1.0          | 2.0 MB    |", res.out)
        self.assertNotIn("Preparing transaction", res.out)
        self.assertEqual(self.norm(res.err), "\nCondaError: Failed to write to /mnt/tinyfs/pkgs/"
                                             "bigblob-1.0-0.tar.bz2\n  errno: 28\n\n")

    def missing_55(self, res):
        d = res.json()
        self.assertEqual(d["exception_name"], "CondaMultiError")
        self.assertEqual(d["error"], "Multiple Errors Encountered.")
        self.assertEqual(d["errors"][0]["errno"], 28)
        self.assertEqual(d["errors"][0]["exception_type"], "<class 'conda.CondaError'>")
        self.assertTrue(self.norm(d["errors"][0]["target_path"]).startswith("/mnt/tinyfs/pkgs/bigblob"))

    def missing_56(self, res):
        self.assertIn("Executing transaction: ...working... failed\n"
                      "Rolling back transaction: ...working... done\n", res.out)
        self.assertRegex(self.norm(res.err),
                         r"^ERROR conda\.core\.link:_execute\(\d+\): An error occurred while installing "
                         r"package 'file:///srv/conda-channel::bigblob-1\.0-0'\.\n\n"
                         r"\[Errno 28\] No space left on device: '/mnt/tinyfs/env/[^']+'\n\(\)\n\n$")

    def missing_57(self, res):
        # real conda bug: CondaMultiError.dump_map() on a plain OSError -> traceback, no JSON
        self.assertEqual(res.out, "")
        self.assertIn("Traceback (most recent call last):", res.err)
        self.assertRegex(res.err, r"AttributeError: 'OSError' object has no attribute 'dump_map'\n$")


def _strip(v):
    if isinstance(v, dict):
        return {k: ("<volatile>" if k in JSON_VOLATILE else _strip(x)) for k, x in v.items()}
    if isinstance(v, list):
        return [_strip(x) for x in v]
    return v


def _sorted_conflicts(lines):
    """Conflict lines of one package come from a set in conda: compare them order-free."""
    out, block = [], []
    for line in lines:
        if " -> " in line or re.match(r"^[\w.-]+[=<>]", line):
            block.append(line)
            continue
        out.extend(sorted(block))
        block = []
        out.append(line)
    return out + sorted(block)


def _make_test(name):
    def test(self):
        self.check_capture(name)
    test.__doc__ = "capture %s" % name
    return test


for _name, _rc, _cmd in load_commands():
    setattr(CaptureReplay, "test_%s" % re.sub(r"\W", "_", _name), _make_test(_name))


if __name__ == "__main__":
    unittest.main()

import re
import unittest

import onramp
from onramp import checks
import evidence_variants as variants

STATUSES = {"pass", "warn", "fail", "skip"}
REQUIRED = {"gpu.count", "torch.cuda-build", "driver.cuda", "python.pin", "conda.dirs", "quota.room",
            "bashrc.quiet", "bashrc.conda-init", "conda.channels", "nvidia-smi.works", "login.heavy-work"}


class ChecksTest(unittest.TestCase):
    def test_registry(self):
        self.assertEqual(set(checks.CHECKS), REQUIRED)
        for c in checks.CHECKS.values():
            with self.subTest(c.id):
                self.assertTrue(c.title.en and c.title.zh)
                self.assertRegex(c.title.zh, r"[\u4e00-\u9fff]")

    def test_duplicate_id_refused(self):
        with self.assertRaises(ValueError):
            checks.check("gpu.count", checks.T("x", "x"))(lambda ev: None)

    def test_every_variant_gives_the_expected_results(self):
        for name in variants.VARIANTS:
            found = {f.id: f.status for f in checks.evaluate(variants.load(name))}
            for check_id, status in variants.expected(name).items():
                with self.subTest(variant=name, check=check_id):
                    self.assertEqual(found[check_id], status)

    def test_every_check_has_a_pass_and_a_problem_case(self):
        seen = {c: set() for c in checks.CHECKS}
        for name in variants.VARIANTS:
            for check_id, status in variants.expected(name).items():
                seen[check_id].add(status)
        for check_id, statuses in seen.items():
            with self.subTest(check_id):
                self.assertIn("pass", statuses)
                self.assertTrue(statuses & {"warn", "fail"})

    def test_both_languages_and_concrete_fixes(self):
        for name in variants.VARIANTS:
            ev = variants.load(name)
            en, zh = checks.run_all(ev, "en"), checks.run_all(ev, "zh")
            for a, b in zip(en, zh):
                with self.subTest(variant=name, check=a["id"]):
                    self.assertEqual(set(a), {"id", "status", "title", "message", "fix"})
                    self.assertEqual((a["id"], a["status"]), (b["id"], b["status"]))
                    self.assertIn(a["status"], STATUSES)
                    self.assertTrue(a["message"] and b["message"])
                    self.assertRegex(b["message"] + b["title"], r"[\u4e00-\u9fff]")
                    if a["status"] in ("warn", "fail"):
                        self.assertRegex(a["fix"], r"`[^`]+`", "a fix quotes the command to run")
                        self.assertRegex(b["fix"], r"`[^`]+`")
                        self.assertRegex(b["fix"], r"[\u4e00-\u9fff]")
                    else:
                        self.assertEqual(a["fix"], "")

    def test_missing_evidence_is_skipped_not_raised(self):
        cases = {"empty": {}, "no steps": {"host": "aha"}, "steps not a list": {"steps": None},
                 "empty steps": {"steps": [{"step": "verify"}]}, "bare options": {"options": {}, "steps": []}}
        for name, ev in cases.items():
            found = checks.evaluate(ev)
            for f in found:
                with self.subTest(case=name, check=f.id):
                    self.assertNotIn("could not run", f.message.en)
                    self.assertIn(f.status, ("skip", "pass"))
        skipped = {f.id: f.message.en for f in checks.evaluate({})}
        self.assertIn("verify.facts.device_count", skipped["gpu.count"])

    def test_a_broken_check_does_not_hide_the_others(self):
        def broken(ev):
            raise KeyError("boom")
        checks.CHECKS["zz.broken"] = checks.Check("zz.broken", checks.T("Broken", "坏的"), broken)
        try:
            found = {f.id: f for f in checks.evaluate(variants.base())}
        finally:
            del checks.CHECKS["zz.broken"]
        self.assertEqual(found["zz.broken"].status, "skip")
        self.assertIn("KeyError", found["zz.broken"].message.en)
        self.assertEqual(found["gpu.count"].status, "pass")

    def test_current_evidence_is_the_default(self):
        onramp.set_evidence(variants.load("count-mismatch"))
        try:
            self.assertEqual({r["id"]: r["status"] for r in checks.run_all()}["gpu.count"], "fail")
        finally:
            onramp.set_evidence({})

    def test_lang_is_checked(self):
        self.assertEqual(checks.run_all({}, "zh_CN")[0]["message"], checks.run_all({}, "zh")[0]["message"])
        with self.assertRaises(ValueError):
            checks.run_all({}, "fr")

    def test_messages_quote_the_evidence(self):
        found = {r["id"]: r for r in checks.run_all(variants.load("nvidia-smi-failing"))}
        self.assertIn("Driver/library version mismatch", found["nvidia-smi.works"]["message"])
        found = {r["id"]: r for r in checks.run_all(variants.load("driver-too-old"))}
        self.assertTrue(re.search(r"11\.4.*12\.1|12\.1.*11\.4", found["driver.cuda"]["message"]))


class FactsTest(unittest.TestCase):
    def test_quota_parsing(self):
        from onramp.facts import parse_quota
        text = ("Disk quotas for user s (uid 1):\n     Filesystem   space   quota   limit   grace   files\n"
                "/very/long/filesystem/name\n                  9G*    10G     12G   6days     10\n"
                "      /dev/sdb   512000  1000000 1200000   5\n")
        rows = parse_quota(text)
        self.assertEqual([r["filesystem"] for r in rows], ["/very/long/filesystem/name", "/dev/sdb"])
        self.assertTrue(rows[0]["over"])
        self.assertEqual(rows[0]["limit_bytes"], 10 * 1024 ** 3)
        self.assertEqual(rows[1]["used_bytes"], 512000 * 1024)

    def test_smi_table(self):
        from onramp.facts import parse_smi
        table = parse_smi(variants.facts(variants.base(), "verify")["nvidia_smi"])
        self.assertEqual(table["driver_version"], "565.57.01")
        self.assertEqual(table["cuda_version"], "12.7")
        self.assertEqual(table["gpus"][0]["memory_total_mib"], 81559)

    def test_placement(self):
        from onramp.facts import on_compute_node
        cases = {"srun --gres=gpu:1 -- nvidia-smi": True, "env A=1 srun hostname": True,
                 "/usr/bin/sbatch job.sh": True, "conda install x": False, "env X=srun conda list": False}
        for command, expected in cases.items():
            with self.subTest(command):
                self.assertEqual(on_compute_node({"command": command, "where": "login"}), expected)
        self.assertTrue(on_compute_node({"command": "python x.py", "where": "job"}))


if __name__ == "__main__":
    unittest.main()

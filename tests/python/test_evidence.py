import json
import os
import sys
import tempfile
import types
import unittest

import onramp
import evidence_variants as variants


class EvidenceTest(unittest.TestCase):
    def tearDown(self):
        sys.modules.pop("_onramp", None)
        onramp.set_evidence({})
        onramp.take_result()

    def test_read_only_everywhere(self):
        ev = onramp.set_evidence(variants.base())
        mutations = {
            "top-level key": lambda: ev.__setitem__("host", "x"),
            "delete key": lambda: ev.__delitem__("host"),
            "nested options": lambda: ev["options"].__setitem__("gpus", 8),
            "steps list": lambda: ev["steps"].append({}),
            "step facts": lambda: ev["steps"][0]["facts"].__setitem__("login_node", "x"),
            "fact list": lambda: ev["steps"][0]["facts"]["pkgs_dirs"].append("/tmp"),
            "command": lambda: ev["steps"][0]["commands"][0].__setitem__("exit_code", 1),
            "packages": lambda: ev["packages"][0].update(version="0"),
            "gpu history": lambda: ev["gpu_history"][0]["gpus"][0].__setitem__("util_percent", 1),
        }
        for name, mutate in mutations.items():
            with self.subTest(name):
                with self.assertRaises((TypeError, AttributeError)):
                    mutate()
        self.assertEqual(onramp.evidence()["host"], variants.base()["host"])

    def test_thaw_round_trips_to_json(self):
        data = variants.base()
        self.assertEqual(onramp.thaw(onramp.set_evidence(data)), data)
        json.dumps(onramp.thaw(onramp.evidence()))

    def test_set_evidence_copies(self):
        data = {"host": "aha", "options": {"gpus": 1}}
        ev = onramp.set_evidence(data)
        data["options"]["gpus"] = 4
        self.assertEqual(ev["options"]["gpus"], 1)

    def test_set_evidence_wants_an_object(self):
        for bad in ([], "text", None, 3):
            with self.subTest(bad=bad):
                with self.assertRaises(TypeError):
                    onramp.set_evidence(bad)

    def test_load_evidence(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump({"host": "阿哈", "steps": []}, f, ensure_ascii=False)
        try:
            self.assertEqual(onramp.load_evidence(f.name)["host"], "阿哈")
            self.assertEqual(onramp.evidence()["host"], "阿哈")
        finally:
            os.unlink(f.name)

    def test_empty_by_default(self):
        onramp.set_evidence({})
        self.assertEqual(dict(onramp.evidence()), {})

    def test_builtin_module_wins(self):
        onramp.set_evidence({"host": "set-by-test"})
        fake = types.ModuleType("_onramp")
        fake.evidence_json = lambda: json.dumps({"host": "from-cpp", "steps": [{"step": "identify"}]})
        sys.modules["_onramp"] = fake
        ev = onramp.evidence()
        self.assertEqual(ev["host"], "from-cpp")
        with self.assertRaises(TypeError):
            ev["steps"][0]["step"] = "x"
        fake.evidence_json = lambda: ""
        self.assertEqual(dict(onramp.evidence()), {})

    def test_submodules_on_demand(self):
        import subprocess
        package_dir = os.path.dirname(os.path.dirname(os.path.abspath(onramp.__file__)))
        code = ("import sys; sys.path.insert(0, %r); import onramp; assert 'onramp.report' not in sys.modules; "
                "print(len(onramp.checks.run_all({})), callable(onramp.report.render), onramp.snippets.discover('/-'))"
                % package_dir)
        out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True)
        self.assertEqual(out.stdout.strip(), "11 True []", out.stderr)
        with self.assertRaises(AttributeError):
            onramp.nothing_here

    def test_result_is_taken_once(self):
        self.assertIsNone(onramp.take_result())
        onramp.result("warn", "disk 90% full", "conda clean --all -y")
        self.assertEqual(onramp.take_result(), {"status": "warn", "message": "disk 90% full",
                                                "fix": "conda clean --all -y"})
        self.assertIsNone(onramp.take_result())
        onramp.result("pass", "ok")
        onramp.result("fail", "later wins")
        self.assertEqual(onramp.take_result()["status"], "fail")

    def test_result_status_is_checked(self):
        onramp.result("skip", "no GPU step yet")
        self.assertEqual(onramp.take_result()["status"], "skip")
        for bad in ("ok", "error", "", "PASS"):
            with self.subTest(bad=bad):
                with self.assertRaises(ValueError):
                    onramp.result(bad, "x")


if __name__ == "__main__":
    unittest.main()

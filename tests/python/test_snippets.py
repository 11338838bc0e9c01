import os
import tempfile
import unittest

from onramp import snippets

FILES = {
    "gpu_memory.py": '"""Enough GPU memory for my model\n\nLonger text."""\nimport onramp\n',
    "disk.py": "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# 检查磁盘空间\nimport onramp\n",
    "broken.py": "# Half-written check\ndef f(:\n",
    "plain.py": "import onramp\n",
    "_helper.py": "# not a snippet\n",
    ".hidden.py": "# not a snippet\n",
    "notes.txt": "# not python\n",
}
EXPECTED = [("broken", "Half-written check"), ("disk", "检查磁盘空间"), ("gpu_memory", "Enough GPU memory for my model"),
            ("plain", "plain")]


class SnippetsTest(unittest.TestCase):
    def test_discover(self):
        with tempfile.TemporaryDirectory() as folder:
            for name, text in FILES.items():
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write(text)
            os.mkdir(os.path.join(folder, "sub.py"))
            found = snippets.discover(folder)
        self.assertEqual([(s["name"], s["title"]) for s in found], EXPECTED)
        for s in found:
            with self.subTest(s["name"]):
                self.assertTrue(os.path.isabs(s["path"]))
                self.assertTrue(s["path"].endswith(s["name"] + ".py"))

    def test_missing_folder(self):
        self.assertEqual(snippets.discover("/nonexistent/onramp/snippets"), [])


if __name__ == "__main__":
    unittest.main()

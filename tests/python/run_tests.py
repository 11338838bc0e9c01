"""Runs the Python package's tests with `python3 -I` (isolated, like the embedded interpreter): -I ignores
PYTHONPATH, so the source package and this folder are put on sys.path here."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "..", "..", "python"), HERE]

if __name__ == "__main__":
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=1 if "-q" in sys.argv else 2).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)

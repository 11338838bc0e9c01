"""Onramp lab stand-in for conda (23.7.4 by default, 25.5.1 layouts with conda.version=25).

See ../README.md. Entry point: ``onramp_conda.cli:main``.
"""

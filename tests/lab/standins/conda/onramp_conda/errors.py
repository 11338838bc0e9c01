"""Conda's exception classes, with the same text, ``dump_map`` keys and exit codes.

Printing follows ``conda.exceptions.print_conda_exception`` of 23.7:
non-JSON -> stderr ``"\\n%r\\n"`` plus the logger's newline; JSON -> the
``dump_map`` as sorted, indented JSON on stdout (rc != 0) followed by ``"\\n"``.
"""

import json
import sys


class CondaError(Exception):
    return_code = 1

    def __init__(self, message, caused_by=None, **kwargs):
        self.message = message
        self._kwargs = kwargs
        self._caused_by = caused_by
        super().__init__(message)

    def __str__(self):
        try:
            return self.message % self._kwargs
        except (TypeError, KeyError, ValueError):
            return self.message

    def __repr__(self):
        return "%s: %s" % (self.__class__.__name__, str(self))

    def dump_map(self):
        result = {k: v for k, v in vars(self).items() if not k.startswith("_")}
        result.update(
            exception_type="<class '%s.%s'>" % (
                "conda" if type(self) is CondaError else "conda.exceptions", self.__class__.__name__),
            exception_name=self.__class__.__name__,
            message=str(self),
            error=repr(self),
            caused_by=repr(self._caused_by),
        )
        result.update(self._kwargs)
        return result



class CondaMultiError(CondaError):
    def __init__(self, errors):
        self.errors = errors
        super().__init__(None)

    def __repr__(self):
        errs = []
        for e in self.errors:
            if isinstance(e, OSError) and not isinstance(e, CondaError):
                errs.append(str(e))
            else:
                errs.append(e.__repr__())
        return "\n".join(errs)

    def __str__(self):
        return "\n".join(str(e) for e in self.errors) + "\n"

    def dump_map(self):
        # real conda calls error.dump_map() on every error: a plain OSError has
        # none, which is the --json traceback captured in 57-no-space-env-prefix-json
        return dict(
            exception_type="<class 'conda.CondaMultiError'>",
            exception_name="CondaMultiError",
            errors=tuple(error.dump_map() for error in self.errors),
            error="Multiple Errors Encountered.",
        )


class ArgumentError(CondaError):
    return_code = 2

    def __init__(self, message, **kwargs):
        super().__init__(message, **kwargs)


class CondaValueError(CondaError, ValueError):
    def __init__(self, message, *args, **kwargs):
        super().__init__(message, *args, **kwargs)


class CondaEnvironmentError(CondaError, EnvironmentError):
    def __init__(self, message, *args):
        super().__init__(message, *args)


class CondaSystemExit(CondaError, SystemExit):
    return_code = 0

    def __init__(self, *args):
        msg = " ".join(str(arg) for arg in args)
        super().__init__(msg)


class DryRunExit(CondaError):
    return_code = 0

    def __init__(self):
        super().__init__("Dry run. Exiting.")


class EnvironmentLocationNotFound(CondaError):
    def __init__(self, location):
        super().__init__("Not a conda environment: %(location)s", location=location)


class EnvironmentNameNotFound(CondaError):
    def __init__(self, environment_name):
        message = ("Could not find conda environment: %(environment_name)s\n"
                   "You can list all discoverable environments with `conda info --envs`.")
        super().__init__(message, environment_name=environment_name)


class DirectoryNotACondaEnvironmentError(CondaError):
    def __init__(self, target_directory):
        message = ("The target directory exists, but it is not a conda environment.\n"
                   "Use 'conda create' to convert the directory to a conda environment.\n"
                   "  target directory: %(target_directory)s\n")
        super().__init__(message, target_directory=target_directory)


class PackagesNotFoundError(CondaError):
    def __init__(self, packages, channel_urls=()):
        format_list = lambda iterable: "  - " + "\n  - ".join(str(x) for x in iterable)
        if channel_urls:
            message = ("The following packages are not available from current channels:\n"
                       "\n"
                       "%(packages_formatted)s\n"
                       "\n"
                       "Current channels:\n"
                       "\n"
                       "%(channels_formatted)s\n"
                       "\n"
                       "To search for alternate channels that may provide the conda package you're\n"
                       "looking for, navigate to\n"
                       "\n"
                       "    https://anaconda.org\n"
                       "\n"
                       "and use the search bar at the top of the page.\n")
            packages_formatted = format_list(packages)
            channels_formatted = format_list(channel_urls)
        else:
            message = ("The following packages are missing from the target environment:\n"
                       "%(packages_formatted)s\n")
            packages_formatted = format_list(packages)
            channels_formatted = ""
        super().__init__(message, packages=[str(p) for p in packages],
                         packages_formatted=packages_formatted,
                         channel_urls=list(channel_urls),
                         channels_formatted=channels_formatted)


class UnsatisfiableError(CondaError):
    """``chains``: list of lists of strings (requested spec -> ... -> dep)."""

    def __init__(self, message, unsatisfiable):
        super().__init__(message, unsatisfiable=unsatisfiable)


class UnavailableInvalidChannel(CondaError):
    def __init__(self, channel_name, channel_url, status_code, reason=None, is_file=False,
                 location_for_index=None):
        message = ("The channel is not accessible or is invalid.\n"
                   "\n"
                   "You will need to adjust your conda configuration to proceed.\n"
                   "Use `conda config --show channels` to view your configuration's current state,\n"
                   "and use `conda config --show-sources` to view config file locations.\n")
        if is_file:
            message += ("\n"
                        "As of conda 4.3, a valid channel must contain a `noarch/repodata.json` and\n"
                        "associated `noarch/repodata.json.bz2` file, even if `noarch/repodata.json` is\n"
                        "empty. Use `conda index %s`, or create `noarch/repodata.json`\n"
                        "and associated `noarch/repodata.json.bz2`.\n" % location_for_index)
        reason = (reason or "UNAVAILABLE OR INVALID").upper()
        status_code = status_code or "000"
        super().__init__(
            "HTTP %s %s for channel %s <%s>\n\n%s" % (status_code, reason, channel_name,
                                                      channel_url, message),
            channel_name=channel_name, channel_url=channel_url, status_code=status_code,
            reason=reason, response_details="")


class CondaHTTPError(CondaError):
    def __init__(self, message, url, status_code, reason, elapsed_time, caused_by=None):
        status_code = status_code or "000"
        reason = (reason or "CONNECTION FAILED").upper()
        elapsed_time = elapsed_time or "-"
        full = ("HTTP %s %s for url <%s>\nElapsed: %s\n\n" % (status_code, reason, url, elapsed_time)
                + message)
        super().__init__(full.replace("%", "%%"), caused_by=caused_by, url=url,
                         status_code=status_code, reason=reason, elapsed_time=elapsed_time,
                         response_details="")


class InvalidVersionSpec(CondaError, ValueError):
    def __init__(self, invalid_spec, details):
        super().__init__("Invalid version '%(invalid_spec)s': %(details)s",
                         invalid_spec=invalid_spec, details=details)


class InvalidMatchSpec(CondaError, ValueError):
    def __init__(self, invalid_spec, details):
        super().__init__("Invalid spec '%(invalid_spec)s': %(details)s",
                         invalid_spec=invalid_spec, details=details)


def _json_default(o):
    if isinstance(o, (set, tuple)):
        return list(o)
    return str(o)


def print_exception(exc, json_mode, out=None, err=None):
    out = out or sys.stdout
    err = err or sys.stderr
    if isinstance(exc, DryRunExit) and json_mode:
        return
    if json_mode:
        text = json.dumps(exc.dump_map(), indent=2, sort_keys=True, default=_json_default)
        stream = out if exc.return_code else err
        stream.write(text + "\n\n")
        stream.flush()
    else:
        err.write("\n%r\n\n" % (exc,))
        err.flush()

"""torch.backends.mps (stand-in): Apple GPUs never exist on the lab's Linux node."""


def is_available():
    return False


def is_built():
    return False

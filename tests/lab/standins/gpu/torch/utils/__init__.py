"""torch.utils (stand-in): empty; nothing under it is modelled."""

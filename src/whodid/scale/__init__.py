"""Coding a corpus on more than one core: worker processes on this machine, or a Dask cluster.

Both are `Coder`s, like `Pipeline` itself: articles in, results out in input order, so the store, the
command line and a user's code work the same whichever codes the articles.
"""

from whodid.scale.cluster import DaskCoder
from whodid.scale.processes import ProcessCoder

__all__ = ["DaskCoder", "ProcessCoder"]

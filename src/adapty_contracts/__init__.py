"""adapty-contracts: the hand-written half of the project (spec pipeline, mock, harness, client helper).

The generated client is the separate package `adapty_api_client` (generated/); this package may import it,
never the other way round.
"""

__version__ = "0.1.0"

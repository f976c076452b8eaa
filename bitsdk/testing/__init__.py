"""A real in-process loopback exchange (Bybit V5 or Bitget V2/V3) for offline tests and demos.

Usage::

    from bitsdk.testing import LoopbackExchange

    with LoopbackExchange("bybit") as ex:
        print(ex.rest_url, ex.ws_urls)
        options = ex.client_options()   # base_url, ws_url, api_key, api_secret (+ api_pass)

See :class:`LoopbackExchange` for the API and :class:`Faults` for fault injection.
"""

from ._common import Credentials
from ._exchange import LoopbackExchange
from ._faults import Faults

__all__ = ["Credentials", "Faults", "LoopbackExchange"]

"""The exceptions that mean "the reply did not reach the channel", whatever layer raised them.

msrest wraps transport failures in ClientRequestError; the connector raises
ErrorResponseException (an HttpOperationError) when the channel answers with
an error status; aiohttp/requests errors may surface unwrapped. The
conversation asks `is_delivery_error` instead of naming msrest's types itself.
"""

from __future__ import annotations

import aiohttp
import requests
from msrest.exceptions import ClientRequestError, HttpOperationError

DELIVERY_ERRORS = (ClientRequestError, HttpOperationError, aiohttp.ClientError, requests.RequestException)


def is_delivery_error(error: BaseException) -> bool:
    return isinstance(error, DELIVERY_ERRORS)

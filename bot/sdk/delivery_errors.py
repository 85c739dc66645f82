"""The exceptions that mean "the reply did not reach the channel", whatever layer raised them.

msrest wraps transport failures in ClientRequestError; the connector raises
ErrorResponseException (an HttpOperationError) when the channel answers with
an error status; aiohttp/requests errors may surface unwrapped; and a reply
cannot go out without the bot's token (TokenUnavailable, from
bot/sdk/outbound_token.py, when the login endpoint fails or does not answer in
time). The conversation asks `is_delivery_error` instead of naming the types itself.
"""

from __future__ import annotations

import aiohttp
import requests
from msrest.exceptions import ClientRequestError, HttpOperationError

from .outbound_token import TokenUnavailable

DELIVERY_ERRORS = (ClientRequestError, HttpOperationError, aiohttp.ClientError, requests.RequestException,
                   TokenUnavailable)


def is_delivery_error(error: BaseException) -> bool:
    return isinstance(error, DELIVERY_ERRORS)

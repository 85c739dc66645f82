"""Invoke responses as the SDK carries them from a turn back to the HTTP answer.

An invoke (Teams' adaptiveCard/action, composeExtension/query) is answered in
the HTTP response to the request itself. A turn hands its answer to the SDK as
an InvokeResponse, which the adapter passes back to bot/web. The conversation
builds every body as plain JSON (dicts), never as msrest models, so nothing
between the turn and the HTTP answer has to serialise a model: the SDK's
serializer_helper, which its own ActivityHandler invoke paths use, fails on
plain dicts and turned such answers into a 500.
"""

from __future__ import annotations

from botbuilder.core import InvokeResponse

__all__ = ["InvokeResponse", "invoke_response"]


def invoke_response(status: int, body: dict | None = None) -> InvokeResponse:
    """The answer to an invoke: an HTTP status and a JSON body (None: no body)."""
    return InvokeResponse(status=int(status), body=body)

"""Numbers in real pastes that are not codes, and codes in notations of their own.

A stack frame's line and column, a generated type's arity, a phone's model, an OS
or browser version, a build number or a count read as a code would be looked up,
missed, and then block the words of the question from being matched. And real
codes come written as IIS substatuses, enum listings and status lines.
"""

import pytest

from tests.support.matching import assert_answers, targets


@pytest.mark.parametrize(
    "paste",
    [
        "at send (client.js:175:24)",
        "at com.example.Caller.dial(Caller.java:42)",
        "at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
        "at Program.<Main>d__1`1.MoveNext()",
        "System.Collections.Generic.List`1[System.String]",
        "in C:\\src\\Bot\\Startup.cs:line 118",
        "Redmi 8 running Android 10",
        "Redmi Note 9, Samsung Galaxy 21",
        "iOS 17.2 on an iPhone 12",
        "Chrome 120 and Edge 121 on Windows 11",
        "SDK v4.4 on Node 18",
        "build 22621",
        "Build: 1234",
        "Build #4521",
        "249 users in the tenant",
        "about 10M messages a month",
        "we have 500 agents and 120 devices",
        "MAX_RETRIES = 500",
        "pageSize=500",
    ],
)
def test_numbers_that_are_not_codes(paste):
    assert targets(paste) == []


@pytest.mark.parametrize(
    "paste, expected",
    [
        ("HTTP Error 504.0 - Gateway Timeout", [("http", 504)]),  # IIS status.substatus
        ("IIS says 401.2 unauthorized", [("http", 401)]),
        ("CALL_TIMEOUT = 408", [("code", 408)]),  # an enum listing
        ("HTTP/1.1 403 Forbidden", [("http", 403)]),  # status lines
        ("SIP/2.0 480 Temporarily Unavailable", [("http", 480)]),
        ("the adapter: 412", [("any", 412)]),  # prose with a colon, not a setting
        ("latency 450.5 ms", []),  # a decimal with a unit is a quantity, even in the 4xx range
        ("INFO in main: Code:->400, Subcode:-> 8581", [("pair", 400, 8581)]),  # arrows as separators
        ("[14:33:41]POST403directline.conversationUpdate", [("http", 403)]),  # method, status and path glued
        ("[14:33:41]POST200directline.startConversation", []),  # a success is no error
        ("a Teams bot created in September 2025", []),  # a year after its month
    ],
)
def test_codes_in_other_notations(paste, expected):
    assert targets(paste) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # the numbers around the error no longer hide it
        ("Redmi 8, Android 10, Chrome 120: Failed to create CallAgent, an instance already exists for this identity",
         ("acs-calling-sdk", 409, 40228)),
        ("249 users see: The Destination/To number opted out of receiving messages from you", ("acs-sms-delivery", 4007, None)),
        ("at send (client.js:175:24) Failed to start video, permission was not granted", ("acs-calling-sdk", 403, 43001)),
        # and codes in their own notations are answered
        ("bot: HTTP Error 503.0 - Service Unavailable", ("bot-service", 503, None)),
        ("call automation enum CALL_TIMEOUT = 408", ("acs-call-automation", 408, None)),
        ("HTTP/1.1 403 Forbidden from directline.botframework.com", ("bot-service", 403, None)),
    ],
)
def test_answers_in_pastes(explain, question, expected):
    assert_answers(explain(question), expected)

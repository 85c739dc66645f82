"""Where a bot runs is not whose error it is.

A Teams bot on AWS Lambda that keeps its state in Cosmos DB and gets "412
Precondition failed while saving state" has the Bot Service's 412: AWS and
Cosmos DB are named as the place it runs and stores, only_alone in
catalog/foreign_products.toml. Alone they are still someone else's error, and
a messaging service of theirs (Amazon SNS) named beside our bot still is too.
"""

import pytest

from tests.support.matching import assert_answers, assert_none_naming


@pytest.mark.parametrize(
    "question, expected",
    [
        ("python teams bot on aws lambda with CosmosDB storage: when a user sends several messages quickly, "
         "parallel invocations fail with 412 Precondition failed while saving state", ("bot-service", 412, None)),
        ("my bot runs on EC2 behind API Gateway and Direct Line answers 502", ("bot-service", 502, None)),
    ],
)
def test_a_bot_hosted_on_aws_is_still_a_bot(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, name",
    [
        ("aws lambda returns 502 when invoked", "Amazon Web Services"),
        ("cosmos db query returns 429", "Azure Cosmos DB"),
        ("teams bot on aws lambda publishes to amazon sns and gets 403 AuthorizationError",
         "Amazon Web Services (SNS, Pinpoint, Connect, Chime)"),
    ],
)
def test_alone_or_beside_their_own_messaging_it_is_theirs(explain, question, name):
    assert_none_naming(explain(question), name)

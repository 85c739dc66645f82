"""Words many products use say what kind of product, not whose.

"chat" is the Chat SDK's word, and every chat product's: a React chat component,
a streaming site's chat, a self-hosted chat server. With nothing else of
Communication Services beside it, a 401 "in chat" is not claimed as the Chat
SDK's 401: the answer is 'none', offering the Chat SDK's row first. The same
holds for "channel" and the Bot Service. One of the product's own words beside
it (ACS, ChatClient, chat thread, the @azure/communication-chat package) makes
it the product's again. These words are data: `weak_signals` in catalog/data/.

A product named by its own name outweighs a generic phrase inside that name:
"Omnichannel chat SDK" is Omnichannel's, not the Chat SDK's.
"""

import pytest

from tests.support.matching import assert_answers, ident


@pytest.mark.parametrize(
    "question, first_offered",
    [
        ("sending a message to kick chat: 401 {\"data\":{},\"message\":\"Unauthorized\"}", ("acs-chat", 401, None)),
        ("EmbeddedChat react component: GET http://192.168.222.132:3000/api/v1/channels.members?roomId=100 "
         "401 (Unauthorized) even though login works", ("acs-chat", 401, None)),
        ("chat 403", ("acs-chat", 403, None)),
    ],
)
def test_a_chat_named_only_as_a_chat_is_offered_not_claimed(explain, question, first_offered):
    d = explain(question)
    assert d.status == "none"
    assert ident(d.matches[0]) == first_offered


@pytest.mark.parametrize(
    "question, expected",
    [
        ("acs chat 401", ("acs-chat", 401, None)),
        ("chat sdk 401", ("acs-chat", 401, None)),
        ("ChatThreadClient sendMessage 403", ("acs-chat", 403, None)),
        ("@azure/communication-chat 1.5.0 sendMessage returns 429", ("acs-chat", 429, None)),
    ],
)
def test_one_of_the_products_own_words_beside_it_makes_it_ours_again(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_product_named_by_its_own_name_outweighs_a_generic_phrase_inside_it(explain):
    d = explain("omnichannel chat sdk: getChatToken comes back 401 and all I get is ChatTokenRetrievalFailure")
    assert_answers(d, ("omnichannel-messaging", 401, None))


def test_a_weak_word_still_keeps_the_last_product_from_steering(explain):
    # A kind of product is named: it is not the conversation's last product by default.
    assert explain("chat 403", context="bot-service").status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        # "REST API" is any service's: the bot's host names whose API it is.
        ('python skype bot over the REST API: replying to https://skype.botframework.com/v3/conversations/.../activities '
         'returns 404 {"code": "BadArgument", "message": "Unknown conversation"}', ("bot-service", 404, None)),
        # "conversation id" is any messaging API's: Direct Line names whose it is.
        ("we proxy whatsapp through Direct Line and reuse one conversation id per user forever; "
         "after a few idle weeks POST /activities gives 404 Bad Argument Unknown conversation", ("bot-service", 404, None)),
        # ... and beside the product's own words they count for it again.
        ("ACS REST API returns 401", ("acs-rest", 401, None)),
        ("CommunicationIdentityClient getToken RestError 401", ("acs-rest", 401, None)),
        ("messaging API returns 404", ("omnichannel-messaging", 404, None)),
    ],
)
def test_generic_api_words_give_way_to_the_product_named(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_jwt_error_of_some_other_service_is_not_the_rag_apis(explain):
    d = explain('Logger.ERROR: error establishing presence subscription: Could not parse the token ... '
                'error: "authentication/jwt/invalid" statusCode: 401')
    assert d.status == "none"


def test_a_jwt_beside_the_rag_apis_own_words_is_its(explain):
    assert_answers(explain("upload jwt 401"), ("rag-api", 401, None))

"""A failed REST call of an ACS service is answered from the ACS REST API's common codes.

The Azure SDKs report a REST call's failure in their own shapes: JS `RestError`, .NET
`Azure.RequestFailedException`, Java `HttpResponseException` and generated `ErrorException`
classes, Python `HttpResponseError`, and the ACS error body `{"CommunicationError": {...}}`.
The client class names the service (ChatThreadClient, SmsClient, PhoneNumbersClient); the
status comes as a number or a name. A service's own table often lacks the status (the Chat
SDK's has no 400 or 404), but the ACS REST API's common error codes hold every ACS REST
call's statuses (acs-rest.toml: statuses_for). So the shape names the REST API beside the
service: the service's own row of a status still comes first.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ChatThreadClient.removeParticipant fails: RestError: NotFound", ("acs-rest", 404, None)),
        ("chatClient.CreateChatThreadAsync throws Azure.RequestFailedException: Service request failed.\n"
         "Status: 422 (Unprocessable Entity)", ("acs-rest", 422, None)),
        ('com.azure.communication.chat ChatThreadAsyncClient: HttpResponseException Status code 400, '
         '{"CommunicationError":{"Code":"BadRequest"}}', ("acs-rest", 400, None)),
        ("PhoneNumbersClient purchase fails with HttpResponseException: Status code 429", ("acs-rest", 429, None)),
        ("ACS identity: azure.core.exceptions.HttpResponseError: (NotFound) Operation returned 404",
         ("acs-rest", 404, None)),
        # azure-core's Python exceptions are named for their status
        ("azure.core.exceptions.ResourceNotFoundError: (NotFound) from ChatThreadClient.send_message",
         ("acs-rest", 404, None)),
        ("azure-communication-sms: azure.core.exceptions.ClientAuthenticationError: Operation returned an invalid "
         "status 'Unauthorized'", ("acs-sms-api", 401, None)),
        # PSTN's table has 403 and 404 only as SIP codes of a call's end (403/560403): a REST call's are the API's
        ("Azure.Communication.PhoneNumbers: RequestFailedException Status: 403 (Forbidden) when purchasing",
         ("acs-rest", 403, None)),
        ("PhoneNumbersClient.beginPurchasePhoneNumbers RestError 404", ("acs-rest", 404, None)),
        # a product named by one word only ("sms") still has its REST failures found
        ('sms send returns {"CommunicationError":{"Code":"TooManyRequests"}}', ("acs-rest", 429, None)),
        # the service's own row, where it has one
        ("ChatThreadClient sendMessage fails: RestError: Forbidden", ("acs-chat", 403, None)),
        ("SmsClient.send throws RestError 401", ("acs-sms-api", 401, None)),
        ("sms RestError 401", ("acs-sms-api", 401, None)),
        ('com.azure.communication.chat ChatThreadAsyncClient: HttpResponseException Status code 401, '
         '{"CommunicationError":{"Code":"Unauthorized"}}', ("acs-chat", 401, None)),
    ],
)
def test_a_rest_failure_of_an_acs_service_finds_the_status(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "chat sdk 404",  # no REST failure said: the Chat SDK has no 404, other rows are suggestions
        "ChatClient.createChatThread rejects: RestError with status 413",  # no ACS REST row has 413
        "RestError: Unauthorized",  # whose REST call? nobody named
        "KeyVault SecretClient: azure.core.exceptions.ResourceNotFoundError: (SecretNotFound)",
        "Azure.RequestFailedException: Service request failed. Status: 404 (Not Found) from BlobContainerClient",
    ],
)
def test_without_an_acs_service_or_its_status_there_is_no_answer(explain, question):
    assert explain(question).status != "answer"

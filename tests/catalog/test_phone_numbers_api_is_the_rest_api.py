"""The ACS phone numbers API (buying, listing, updating, releasing numbers) is the ACS REST API's.

Managing numbers is no call: PSTN's table holds 404 and 500 only as the SIP codes of a call's
end (404/560404), while a failed management call is answered by the REST API's common rows.
The phone numbers client or one of its operations, named, names the REST API too.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question, expected",
    [
        ("listPurchasedPhoneNumbers in python returns 401 after I rotated the key", ("acs-rest", 401, None)),
        ("releasePhoneNumber says Not Found for a toll-free number we still see in the portal", ("acs-rest", 404, None)),
        ("acs purchasePhoneNumbers fails with status 500 for the UK order", ("acs-rest", 500, None)),
    ],
)
def test_managing_numbers_is_the_rest_api(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_call_to_a_number_keeps_pstns_rows(explain):
    d = explain("outbound PSTN call ended with 404 subcode 560404")
    assert_ours(d, ("acs-pstn", 404, 560404))

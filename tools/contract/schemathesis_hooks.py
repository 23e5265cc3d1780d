"""Schemathesis hooks for the API's contract fuzz (see README, "API contract").

The OpenAPI document names three string formats that JSON Schema cannot express and the API
checks in code; without a strategy the fuzzer would draw arbitrary text for them and report the
API's correct 400s as "valid data rejected":

- ``phone``: a number valid for its region's numbering plan (libphonenumber), so the strategy
  draws real-shaped US and UK numbers in E.164 and national formats;
- ``time-zone``: an IANA zone name;
- ``idempotency-key``: any printable text, but one key per request: reused with another request it
  is (rightly) a 422, so the strategy draws a fresh UUID each time;
- ``cursor``: an opaque page cursor that only the list which returned it can read. A fuzzer cannot
  forge one, so it asks for the first page (empty cursor); the 400 for a forged cursor is covered
  by the API's own tests.
"""

import uuid

import schemathesis
from hypothesis import strategies as st

_US_AREA_CODES = ["212", "310", "415", "512", "617", "702", "786", "917"]

_phones = st.builds(
    lambda area, exchange, line, style: style.format(a=area, e=exchange, l=line),
    st.sampled_from(_US_AREA_CODES),
    st.integers(min_value=200, max_value=999).map(str),
    st.integers(min_value=1000, max_value=9999).map(str),
    st.sampled_from(["+1{a}{e}{l}", "({a}) {e}-{l}", "{a}-{e}-{l}", "1{a}{e}{l}"]),
)

schemathesis.openapi.format("phone", _phones)
schemathesis.openapi.format(
    "time-zone",
    st.sampled_from(
        ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London", "UTC"]
    ),
)
schemathesis.openapi.format("cursor", st.just(""))
schemathesis.openapi.format("idempotency-key", st.builds(lambda: str(uuid.uuid4())))

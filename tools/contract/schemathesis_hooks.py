"""Schemathesis hooks for the API's contract fuzz (see README, "API contract").

The OpenAPI document names three string formats that JSON Schema cannot express and the API
checks in code; without a strategy the fuzzer would draw arbitrary text for them and report the
API's correct 400s as "valid data rejected":

- ``phone``: a number valid for its region's numbering plan (libphonenumber), so the strategy
  draws real-shaped US and UK numbers in E.164 and national formats;
- ``time-zone``: an IANA zone name;
- ``idempotency-key``: any visible ASCII, but one key per request: reused with another request it
  is (rightly) a 422. The strategy draws a fresh UUID, and ``before_call`` below swaps every valid
  key for a fresh one, since the coverage phase builds boundary values ("0", 255 zeros) from the
  constraints alone and would send them with several bodies. Invalid keys are sent as drawn;
- ``cursor``: an opaque page cursor that only the list which returned it can read. A fuzzer cannot
  forge one, so it asks for the first page (empty cursor); the 400 for a forged cursor is covered
  by the API's own tests;
- ``sms-template``: a campaign message whose ``{{ name }}`` placeholders must name variables the
  campaign has (standard ones, or those its ``mode`` declares); the strategy uses standard ones only,
  which every campaign has;
- ``phone-csv``: CSV text whose header row names a ``phone`` column; the strategy writes rows
  without quotes, so that every draw parses (rows with a bad number are reported, not refused);
- ``binary``: every file this API takes (a ``multipart/form-data`` part) is such a CSV, so the
  built-in generator (sample images, random bytes) is replaced by the same CSV, as bytes.

- ``schedule-time``: when a queued call is due, at most 90 days ahead (a time in the past means
  now); the strategy draws times from a day ago to 80 days ahead, with an offset.

A queued call's ``campaign_id`` must name one of the caller's campaigns, which a fuzzer cannot
know: ``before_call`` leaves it out of positive cases of the call queue routes (a random one is a
404 for a single call, and a rejected row in a bulk queue). The API's own tests cover it.

One constraint spans two fields, which JSON Schema cannot say: a campaign's
``schedule.calling_hours`` needs ``start`` before ``end`` (the API answers 400 naming ``end``
otherwise). ``before_call`` puts the two in order in positive cases only; negative cases keep
whatever they drew, and the API's own tests cover the 400.
"""

import re
import uuid
from datetime import datetime, timedelta, timezone

import schemathesis
from hypothesis import strategies as st
from schemathesis.transport.serialization import Binary

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

_OFFSETS = [timezone.utc, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
schemathesis.openapi.format(
    "schedule-time",
    st.builds(
        lambda seconds, zone: (datetime.now(timezone.utc) + timedelta(seconds=seconds)).astimezone(zone).isoformat(),
        st.integers(min_value=-86_400, max_value=80 * 86_400),
        st.sampled_from(_OFFSETS),
    ),
)

_STANDARD_VARIABLES = ["first_name", "last_name", "full_name", "company", "phone"]
# Text around the placeholders: no braces (a lone "}}" or "{{" is a syntax error) and no NUL.
_template_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="{}\x00"), max_size=200)
schemathesis.openapi.format(
    "sms-template",
    st.builds(
        lambda before, name, after: f"Hi{before}{{{{ {name} }}}}{after}",
        _template_text,
        st.sampled_from(_STANDARD_VARIABLES),
        _template_text,
    ),
)

# CSV values that need no quoting: no quote, comma, line break or NUL.
_csv_value = st.text(alphabet=st.characters(codec="utf-8", exclude_characters='",\r\n\x00'), max_size=20)
_phone_csv = st.builds(
    lambda rows: "phone,first_name\n" + "".join(f"{phone},{name}\n" for phone, name in rows),
    st.lists(st.tuples(_phones | _csv_value, _csv_value), max_size=5),
)
schemathesis.openapi.format("phone-csv", _phone_csv)
schemathesis.openapi.format("binary", _phone_csv.map(lambda text: Binary(text.encode())))


_VALID_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,255}")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    """A fresh key per request for every valid Idempotency-Key (see the module's docstring)."""
    if not case.headers:
        _order_calling_hours(case)
        _drop_campaign_ids(case)
        return
    # A case probing another header (e.g. Authorization left out) is left exactly as drawn: an edit
    # makes schemathesis re-derive the case's scenario, and that probe would then be lost.
    probe = getattr(getattr(getattr(case, "meta", None), "phase", None), "data", None)
    probed = str(getattr(probe, "parameter", "") or "").lower()
    location = str(getattr(probe, "parameter_location", "") or "").lower()
    if "header" in location and probed not in ("", "idempotency-key"):
        return
    _order_calling_hours(case)
    _drop_campaign_ids(case)
    for name, value in list(case.headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and _VALID_IDEMPOTENCY_KEY.fullmatch(value):
            case.headers[name] = str(uuid.uuid4())


_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d|24:00")


def _order_calling_hours(case):
    """``start`` before ``end`` in a positive case's ``schedule.calling_hours`` (see the docstring)."""
    mode = getattr(getattr(getattr(case, "meta", None), "generation", None), "mode", None)
    if str(getattr(mode, "value", mode)).lower() != "positive" or not isinstance(case.body, dict):
        return
    schedule = case.body.get("schedule")
    hours = schedule.get("calling_hours") if isinstance(schedule, dict) else None
    if not isinstance(hours, dict):
        return
    start, end = hours.get("start"), hours.get("end")
    if not (isinstance(start, str) and isinstance(end, str) and _CLOCK.fullmatch(start) and _CLOCK.fullmatch(end)):
        return
    if start > end:
        hours["start"], hours["end"] = end, start
    elif start == end:
        hours["start"], hours["end"] = ("00:00", end) if end != "00:00" else (start, "24:00")


_CALL_QUEUE_PATHS = ("/api/calls/queue", "/api/calls/bulk-queue")


def _is_positive(case):
    mode = getattr(getattr(getattr(case, "meta", None), "generation", None), "mode", None)
    return str(getattr(mode, "value", mode)).lower() == "positive"


def _drop_campaign_ids(case):
    """No ``campaign_id`` in a positive case's queued calls (see the module's docstring)."""
    path = getattr(getattr(case, "operation", None), "path", "")
    if path not in _CALL_QUEUE_PATHS or not _is_positive(case) or not isinstance(case.body, dict):
        return
    rows = case.body.get("calls") if path.endswith("bulk-queue") else [case.body]
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            row.pop("campaign_id", None)

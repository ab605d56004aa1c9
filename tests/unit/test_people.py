"""Person validation: clear messages naming the field; valid people round-trip the database."""

import datetime as dt
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borrador.core.errors import ValidationError
from borrador.core.people import PERSON_KEYS, parse_person, person_to_data
from borrador.core.text import US_STATES
from borrador.services import normalise_email
from tests.helpers.people import sample_person

TODAY = dt.date(2026, 11, 26)


def parse(data):
    return parse_person(data, today=TODAY, normalise_email=normalise_email)


def field_of(data):
    with pytest.raises(ValidationError) as caught:
        parse(data)
    return caught.value.field, str(caught.value)


def test_sample_person_parses_and_normalises_email():
    person = parse(sample_person(emails=["Someone@EXAMPLE.Org"]))
    assert person.emails == ("Someone@example.org",)
    assert person.addresses[0].postal_code == "60608"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "a\x00b"}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "evil\u202ename"}, "name"),
        ({"name": "bell\x07"}, "name"),
        ({"birth_date": "1979-02-30"}, "birth_date"),
        ({"birth_date": "28/02/1979"}, "birth_date"),
        ({"birth_date": "2030-01-01"}, "birth_date"),
        ({"state": "XX"}, "state"),
        ({"language": "Spanish!"}, "language"),
        ({"emails": ["not-an-address"]}, "emails[0]"),
        ({"emails": ["ok@example.org", "a@b"]}, "emails[1]"),
        ({"phones": ["call me"]}, "phones[0]"),
        ({"other_names": "one string"}, "other_names"),
        ({"other_names": ["x"] * 21}, "other_names"),
        (
            {"addresses": [{"street": "1 A St", "city": "X", "state": "CA", "postal_code": "9"}]},
            "addresses[0].postal_code",
        ),
        ({"addresses": [{"street": "", "city": "X", "state": "CA"}]}, "addresses[0].street"),
        (
            {"addresses": [{"street": "1 A", "city": "X", "state": "CA", "current": "yes"}]},
            "addresses[0].current",
        ),
        (
            {"addresses": [{"street": "1 A", "city": "X", "state": "CA", "county": "Y"}]},
            "addresses[0]",
        ),
        ({"ssn": "000-00-0000"}, "person"),
        ({"immigration_status": "x"}, "person"),
    ],
)
def test_invalid_input_names_the_field(overrides, field):
    got_field, message = field_of(sample_person(**overrides))
    assert got_field == field
    assert message.startswith(field)


def test_unknown_keys_are_named():
    _, message = field_of(sample_person(ssn="1", a_number="2"))
    assert "'a_number'" in message and "'ssn'" in message


def test_foreign_address_keeps_its_own_postal_code():
    person = parse(
        sample_person(
            addresses=[
                {
                    "street": "Av. Siempre Viva 1",
                    "city": "Oaxaca",
                    "state": "Oax.",
                    "postal_code": "68000",
                    "country": "mx",
                }
            ]
        )
    )
    assert person.addresses[0].country == "MX"


# -- property: any valid person round-trips through the encrypted database -------------------


def _clean(text: str) -> bool:
    try:
        parse({"name": text})
    except ValidationError:
        return False
    return True


names = st.text(min_size=1, max_size=60).map(str.strip).filter(_clean)
addresses = st.fixed_dictionaries(
    {
        "street": names,
        "city": names,
        "state": st.sampled_from(sorted(US_STATES)),
        "postal_code": st.from_regex(r"\A\d{5}(-\d{4})?\Z"),
        "unit": st.one_of(st.just(""), names),
        "from": st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), TODAY).map(str)),
    }
)
local_parts = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
persons = st.fixed_dictionaries(
    {
        "name": names,
        "other_names": st.lists(names, max_size=4),
        "birth_date": st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), TODAY)),
        "state": st.sampled_from(["", *sorted(US_STATES)]),
        "language": st.sampled_from(["en", "es", "pt-BR", "hat"]),
        "emails": st.lists(local_parts.map(lambda s: f"{s}@example.org"), max_size=3),
        "phones": st.lists(st.from_regex(r"\A\+?1? ?\(\d{3}\) \d{3}-\d{4}\Z"), max_size=3),
        "addresses": st.lists(addresses, max_size=12),
        "notes": st.text(max_size=200)
        .map(str.strip)
        .filter(lambda t: _clean(t or "x") or "\n" in t),
    }
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=persons)
def test_any_valid_person_round_trips(session, data):
    try:
        person = parse(data)
    except ValidationError as exc:  # e.g. notes with a control char: refused, field named
        assert exc.field in PERSON_KEYS or exc.field.split("[")[0] in PERSON_KEYS
        return
    stored = session.repos.people.add(person, session.clock.now())
    loaded = session.people.get(stored.id)
    assert loaded == stored
    assert loaded.name == person.name and loaded.addresses == person.addresses
    assert parse(person_to_data(loaded)) == person


@settings(max_examples=2000, deadline=None)
@given(
    data=st.dictionaries(
        st.sampled_from([*sorted(PERSON_KEYS), "extra"]),
        st.one_of(
            st.text(),
            st.integers(),
            st.none(),
            st.lists(st.text()),
            st.dictionaries(st.text(), st.text()),
        ),
    )
)
def test_arbitrary_input_gives_a_result_or_a_named_error(data):
    try:
        parse(data)
    except ValidationError as exc:
        assert exc.field and exc.problem

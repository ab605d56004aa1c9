"""`borrador letters …` and `borrador templates check` as a person runs them."""

import json

import pypdf


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_show_escalate(run, tmp_path):
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text(
        json.dumps(
            {
                "name": "Łukasz Żółć",
                "state": "CO",
                "language": "es",
                "birth_date": "1991-03-04",
                "emails": ["lukasz@example.org"],
                "addresses": [
                    {
                        "street": "9 Invented Ave",
                        "city": "Denver",
                        "state": "CO",
                        "postal_code": "80205",
                    }
                ],
            }
        )
    )
    ok(run("people", "add", "--from-file", str(person)))
    out = tmp_path / "letters"
    made = ok(
        run(
            "letters",
            "make",
            "--person",
            "1",
            "--pack",
            "marketing",
            "--kind",
            "delete",
            "--combined",
            "--out",
            str(out),
        )
    )
    assert "Request 1: delete to acxiom (privacy-co)" in made
    combined = pypdf.PdfReader(out / "letters-combined.pdf")
    assert "Łukasz Żółć" in "".join(p.extract_text() for p in combined.pages)
    assert sorted(p.name for p in out.iterdir())[0] == "letters-combined.pdf"
    assert "C.R.S. §6-1-1306" in ok(run("letters", "show", "1"))
    refused = run(
        "letters",
        "make",
        "--person",
        "1",
        "--broker",
        "ice-foia",
        "--kind",
        "records",
        "--out",
        str(out),
        input="n\n",
    )
    assert refused.returncode != 0 and "tells the agency" in refused.stderr
    # sent the day it was drafted: a letter cannot go out before Borrador wrote it
    ok(run("requests", "mark", "1", "sent", "--channel", "mail"))
    follow = ok(
        run(
            "letters",
            "make",
            "--kind",
            "follow-up",
            "--request",
            "1",
            "--format",
            "txt",
            "--out",
            str(out),
        )
    )
    assert "follow-up about 1" in follow
    bad = run("letters", "make", "--kind", "follow-up", "--person", "1", "--out", str(out))
    assert bad.returncode == 2 and "--request" in bad.stderr
    assert "All templates are valid." in ok(run("templates", "check"))

"""Invented people for tests. None of them is a real person."""

from __future__ import annotations

from typing import Any


def sample_person(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Xiomara Pruebas Inventada",
        "other_names": ["Xiomara Inventada"],
        "birth_date": "1979-02-28",
        "state": "IL",
        "language": "es",
        "emails": ["xiomara.pruebas@example.net"],
        "phones": ["312-555-0199"],
        "addresses": [
            {
                "street": "742 Calle Ficticia",
                "unit": "2B",
                "city": "Chicago",
                "state": "IL",
                "postal_code": "60608",
                "country": "US",
                "current": True,
            },
        ],
        "notes": "",
    }
    data.update(overrides)
    return data

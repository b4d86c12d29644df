"""Case files that lead to every route's documents (shared by the tests and make bench-pdf)."""

from __future__ import annotations

import copy
from typing import Any

BASE: dict[str, Any] = {
    "version": 1,
    "as_of": "2026-03-02",
    "language": "nl",
    "role": "employee",
    "situation": {
        "employment": "permanent",
        "sick_since": "2025-09-01",
        "still_sick": True,
        "disputes": [],
        "first_opinion": {"present": True, "date": "2026-02-02", "author": "bedrijfsarts"},
        "talked": True,
        "relationship": "good",
        "mediation": "not_tried",
        "expert_opinion": "none",
        "wage": "paid",
        "employer_passive": False,
        "union_member": False,
        "legal_insurance": False,
        "cao_expert": False,
    },
    "parties": {
        "employee": {"name": "Zoë Ĳsselmeer-Öztürk", "address": "Dorpsstraat 1\n1234 AB Ede"},
        "employer": {"name": "Bakkerij Brood & Zo B.V.", "address": "Industrieweg 5\n6711 AA Ede"},
        "bedrijfsarts": {"name": "Arbodienst Gezond Werk"},
        "own_view": "De bedrijfsarts zegt dat ik 4 uur per dag kan werken. Ik kan dat niet: "
        "mijn rug wordt na 2 uur erger. <script>alert(1)</script>",
    },
}

# name -> (changes to the situation, role); each leads to the route in its name (primary).
ROUTE_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "talk": ({"talked": False, "disputes": ["suitable_work"]}, "employee"),
    "mediation": ({"relationship": "broken", "disputes": ["relationship"]}, "employee"),
    "expert_opinion": (
        {"disputes": ["fitness_own_work", "suitable_work"], "wage": "stopped"},
        "employee",
    ),
    "second_opinion": ({"disputes": ["medical_advice_doubt"]}, "employee"),
    "legal_advice": (
        {
            "disputes": ["suitable_work"],
            "wage": "stopped",
            "mediation": "failed",
            "union_member": True,
            "expert_opinion": "requested",
        },
        "employee",
    ),
    "court": (
        {
            "disputes": ["fitness_own_work"],
            "wage": "stopped",
            "expert_opinion": "for_requester",
            "union_member": True,
        },
        "employee",
    ),
    # a complaint about the bedrijfsarts' conduct (domain §4 [AQ])
    "complaint": ({"disputes": ["doctor_conduct"]}, "employee"),
}


def case_file_for(name: str, *, role: str | None = None, **situation: Any) -> dict[str, Any]:
    changes, default_role = ROUTE_CASES.get(name, ({}, "employee"))
    data = copy.deepcopy(BASE)
    data["role"] = role or default_role
    data["situation"].update(changes)
    data["situation"].update(situation)
    if data["role"] == "advisor":
        data["parties"]["advisor"] = {"name": "Jan Vakbond"}
    if data["role"] == "employer":
        data["parties"]["employer"]["contact"] = "Petra HR"
    return data

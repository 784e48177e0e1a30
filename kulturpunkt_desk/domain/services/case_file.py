"""The case number and case handler a programme's letters carry (models.case_file).

One validation for both kinds of programme, so the Kulturpunkt programme and the EKR
partnership accept the same case numbers, phones and e-mails.
"""

from __future__ import annotations

from .. import validation as v
from ..errors import Collector


def case_file_values(
    c: Collector, case_number: str, handler_name: str, handler_phone: str, handler_email: str
) -> dict[str, object]:
    """The four letter-block fields, checked; errors go to `c` under the field names."""
    return {
        "case_number": c.run(v.optional, case_number, "case_number", "Sagsnummer", 60),
        "case_handler_name": c.run(v.optional, handler_name, "case_handler_name", "Sagsbehandler"),
        "case_handler_phone": c.run(
            v.phone, handler_phone, "case_handler_phone", "Sagsbehandlers direkte telefon"
        ),
        "case_handler_email": c.run(
            v.email, handler_email, "case_handler_email", "Sagsbehandlers e-mail"
        ),
    }


def case_number_for(own: str, programme: str) -> str:
    """An area's case number: its own when entered, else its programme's."""
    return own.strip() or programme.strip()

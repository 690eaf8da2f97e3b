"""The deal card's part about the customer: its company and its contacts."""

from __future__ import annotations

from models.deal_parties import deal_company, deal_contacts
from ui.customers import deal_parties_blocks


def party_blocks(session, deal, loc) -> list[dict]:
    """Blocks for the card; ``deal`` was read through its visibility rule."""
    return deal_parties_blocks(
        deal,
        loc,
        company=deal_company(session, deal),
        links=deal_contacts(session, deal),
    )

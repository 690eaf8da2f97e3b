"""A register of made-up Czech and English companies and contacts, for timing.

Names are drawn from lists with diacritics (Nováková, Dvořák, Žlutý kůň), one
company for every five contacts, e-mails made from the names. Rows go in by the
batch, and their search terms are built by the same functions the bot uses
(``models.customer_search``), so the index is what the bot would have written.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import insert

import migrations
from models import get_workspace, make_engine, make_session_factory, transaction
from models.customer_search import COMPANY, CONTACT, company_terms, contact_terms
from models.customers import Company, Contact, SearchTerm
from models.search import fold

SEED = 20261204
BATCH = 2_000
CONTACTS_PER_COMPANY = 5
ACTOR = "U_ALICE"

CZECH_FIRST = (
    "Jana", "Petr", "Jiří", "Eva", "Tomáš", "Lucie", "Martin", "Hana", "Jan",
    "Kateřina", "Lukáš", "Veronika", "Ondřej", "Zuzana", "Michal", "Šárka",
    "Radek", "Markéta", "Vojtěch", "Božena", "Štěpán", "Alžběta", "Matěj", "Iva",
)  # fmt: skip
CZECH_LAST = (
    ("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Dvořák", "Dvořáková"),
    ("Černý", "Černá"), ("Procházka", "Procházková"), ("Kučera", "Kučerová"),
    ("Veselý", "Veselá"), ("Horák", "Horáková"), ("Němec", "Němcová"),
    ("Pokorný", "Pokorná"), ("Marek", "Marková"), ("Pospíšil", "Pospíšilová"),
    ("Hájek", "Hájková"), ("Král", "Králová"), ("Jelínek", "Jelínková"),
    ("Růžička", "Růžičková"), ("Beneš", "Benešová"), ("Fiala", "Fialová"),
    ("Sedláček", "Sedláčková"), ("Doležal", "Doležalová"), ("Zeman", "Zemanová"),
    ("Kolář", "Kolářová"), ("Navrátil", "Navrátilová"), ("Čermák", "Čermáková"),
    ("Urban", "Urbanová"), ("Vaněk", "Vaňková"), ("Blažek", "Blažková"),
    ("Kříž", "Křížová"), ("Kovář", "Kovářová"), ("Bartoš", "Bartošová"),
)  # fmt: skip
CZECH_FEMALE = frozenset((
    "Jana", "Eva", "Lucie", "Hana", "Kateřina", "Veronika", "Zuzana", "Šárka",
    "Markéta", "Božena", "Alžběta", "Iva",
))  # fmt: skip
ENGLISH_FIRST = (
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
    "William", "Elizabeth", "David", "Susan", "Richard", "Jessica", "Joseph",
    "Sarah", "Thomas", "Karen", "Chloé", "Zoë", "Renée", "Seán", "Ólafur", "Łukasz",
)  # fmt: skip
ENGLISH_LAST = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
    "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson",
    "White", "Harris", "Clark", "Lewis", "Walker", "O'Brien", "Müller", "Ørsted",
)  # fmt: skip
COMPANY_FIRST = (
    "Žlutý", "Modrý", "Zelená", "Český", "Moravský", "Pražská", "Brněnská",
    "Severní", "Jižní", "Nová", "Stará", "Velká", "Malá", "Horní", "Dolní",
    "Acme", "Global", "Northern", "United", "Bright", "Blue", "Silver", "Golden",
    "Rapid", "Smart", "Prime", "Alpha", "Delta", "Vltava", "Šumava", "Krkonoše",
)  # fmt: skip
COMPANY_SECOND = (
    "kůň", "strojírna", "pekárna", "stavby", "logistika", "software", "energie",
    "obchod", "tiskárna", "mlékárna", "doprava", "systémy", "technika", "služby",
    "Solutions", "Systems", "Logistics", "Foods", "Energy", "Industries",
    "Software", "Consulting", "Trading", "Labs", "Works", "Partners",
)  # fmt: skip
COMPANY_FORM = ("s.r.o.", "a.s.", "spol. s r.o.", "v.o.s.", "Ltd", "Inc.", "GmbH")
JOB_TITLES = ("CEO", "CFO", "Nákupčí", "Ředitel", "IT manager", "Purchasing",
              "Head of Sales", "Technik", "Jednatel", "Office manager")  # fmt: skip


@dataclass(frozen=True)
class Register:
    team_id: str
    companies: list[str]  # names, to draw realistic queries from
    contacts: list[str]
    seconds: float


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        first = rng.choice(CZECH_FIRST)
        last = rng.choice(CZECH_LAST)[1 if first in CZECH_FEMALE else 0]
    else:
        first, last = rng.choice(ENGLISH_FIRST), rng.choice(ENGLISH_LAST)
    return f"{last} {first}" if rng.random() < 0.2 else f"{first} {last}"


def company_name(rng: random.Random, number: int) -> str:
    """Unique by a number in the name, as "Žlutý kůň 12 s.r.o."."""
    parts = (rng.choice(COMPANY_FIRST), rng.choice(COMPANY_SECOND))
    return f"{parts[0]} {parts[1]} {number} {rng.choice(COMPANY_FORM)}"


def seed_register(url: str, team_id: str, contacts: int) -> Register:
    """Migrate ``url`` and give ``team_id`` ``contacts`` contacts and companies."""
    started = time.perf_counter()
    migrations.upgrade(url)
    engine = make_engine(url)
    with transaction(make_session_factory(engine)) as session:
        get_workspace(session, team_id)
    rng = random.Random(SEED)
    company_names = [
        company_name(rng, n) for n in range(1, contacts // CONTACTS_PER_COMPANY + 2)
    ]
    contact_names = [person_name(rng) for _ in range(contacts)]
    try:
        with engine.begin() as connection:
            ids = _insert_companies(connection, team_id, company_names)
            for first in range(0, contacts, BATCH):
                batch = contact_names[first : first + BATCH]
                _insert_contacts(connection, team_id, batch, ids, company_names, rng)
        _settle(engine)
    finally:
        engine.dispose()
    return Register(
        team_id, company_names, contact_names, time.perf_counter() - started
    )


def _settle(engine) -> None:
    """On PostgreSQL, what autovacuum does soon after a bulk load: planner
    statistics and a visibility map, so plans are those of a live register."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")


def _insert_companies(connection, team_id: str, names: list[str]) -> list[int]:
    ids: list[int] = []
    for first in range(0, len(names), BATCH):
        rows = [_company_row(team_id, name) for name in names[first : first + BATCH]]
        statement = insert(Company).returning(Company.id, sort_by_parameter_order=True)
        ids += connection.execute(statement, rows).scalars().all()
    terms = [
        _term(team_id, COMPANY, record_id, term)
        for record_id, name in zip(ids, names, strict=True)
        for term in company_terms(SimpleNamespace(name=name))
    ]
    for first in range(0, len(terms), BATCH * 4):
        connection.execute(insert(SearchTerm), terms[first : first + BATCH * 4])
    return ids


def _insert_contacts(connection, team_id, names, company_ids, company_names, rng):
    rows, companies = [], []
    for name in names:
        index = rng.randrange(len(company_ids))
        email = f"{'.'.join(fold(name).split())}.{rng.randrange(10**6)}@firma{index}.cz"
        rows.append(_contact_row(team_id, name, email, company_ids[index], rng))
        companies.append(company_names[index])
    statement = insert(Contact).returning(Contact.id, sort_by_parameter_order=True)
    ids = connection.execute(statement, rows).scalars().all()
    terms = [
        _term(team_id, CONTACT, record_id, term)
        for record_id, row, company in zip(ids, rows, companies, strict=True)
        for term in contact_terms(SimpleNamespace(**row), company)
    ]
    connection.execute(insert(SearchTerm), terms)


def _company_row(team_id: str, name: str) -> dict:
    return {
        "team_id": team_id, "name": name, "name_folded": fold(name),
        "registration_no": "", "vat_no": "", "address": "", "website": "",
        "notes": "", "created_by": ACTOR,
    }  # fmt: skip


def _contact_row(team_id, name, email, company_id, rng) -> dict:
    return {
        "team_id": team_id, "name": name, "name_folded": fold(name),
        "company_id": company_id, "job_title": rng.choice(JOB_TITLES),
        "email": email, "email_folded": email.casefold(), "phone": "",
        "notes": "", "created_by": ACTOR,
    }  # fmt: skip


def _term(team_id: str, kind: str, record_id: int, term: str) -> dict:
    return {"team_id": team_id, "kind": kind, "record_id": record_id, "term": term}

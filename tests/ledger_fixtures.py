"""Hand-built documents, mentions and claims for the ledger tests (texts written here)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from readouts.records import Document, Evidence, Extraction, GapClaim, Mention, Participant


def person(name: str, country: str, office: str) -> Participant:
    """Return a resolved participant with a registry-style slug id."""
    slug = name.lower().replace(" ", "-")
    return Participant(text=name, person_id=slug, name=name, country=country, office=office)


def office(country: str, office_type: str) -> Participant:
    """Return an unnamed participant known only by country and office."""
    return Participant(text=f"{country} {office_type}", country=country, office=office_type)


BLINKEN = person("Antony Blinken", "USA", "foreign_minister")
LAVROV = person("Sergey Lavrov", "RUS", "foreign_minister")
BIDEN = person("Joe Biden", "USA", "head_of_state")
PUTIN = person("Vladimir Putin", "RUS", "head_of_state")
TRUMP = person("Donald Trump", "USA", "head_of_state")
AUSTIN = person("Lloyd Austin", "USA", "defense_minister")
SHOIGU = person("Sergei Shoigu", "RUS", "defense_minister")
BELOUSOV = person("Andrei Belousov", "RUS", "defense_minister")
ERDOGAN = person("Recep Tayyip Erdogan", "TUR", "head_of_state")
ANTONOV = person("Anatoly Antonov", "RUS", "ambassador")


def doc_id(name: str) -> str:
    """Return a 16-hex id for a test document name."""
    return hashlib.sha256(name.encode()).hexdigest()[:16]


class Doc:
    """A test document and its extraction, built up mention by mention."""

    def __init__(
        self, name: str, published: str | None, url: str | None = None, body: str = ""
    ) -> None:
        self.id = doc_id(name)
        self.published = published
        self.url = url if url is not None else f"https://{name}.example.com/story"
        self.body = body
        self.mentions: list[Mention] = []
        self.claims: list[GapClaim] = []

    def _evidence(self, text: str | None) -> tuple[Evidence, ...]:
        if not text:
            return ()
        if text not in self.body:
            self.body = (self.body + " " + text).strip()
        start = self.body.index(text)
        return (Evidence(self.id, start, start + len(text), text),)

    def mention(
        self,
        participants: Sequence[Participant],
        mode: str = "phone",
        status: str = "occurred",
        date: str | None = None,
        text: str | None = None,
        **kw: object,
    ) -> Doc:
        """Add a mention; ``text`` becomes its evidence (appended to the body if new)."""
        self.mentions.append(
            Mention(
                doc_id=self.id,
                participants=tuple(participants),
                mode=mode,
                status=status,
                date=date,
                evidence=self._evidence(text),
                **kw,  # type: ignore[arg-type]
            )
        )
        return self

    def claim(
        self,
        participants: Sequence[Participant],
        type: str,
        since: str | None,
        mode: str = "unspecified",
        text: str | None = None,
    ) -> Doc:
        """Add a gap claim."""
        self.claims.append(
            GapClaim(
                doc_id=self.id,
                participants=tuple(participants),
                type=type,
                mode=mode,
                since=since,
                evidence=self._evidence(text),
            )
        )
        return self

    def document(self) -> Document:
        return Document(
            id=self.id,
            body=self.body,
            raw=self.body,
            title=None,
            published=self.published,
            url=self.url,
            source=f"/tmp/{self.id}.txt",
        )

    def extraction(self) -> Extraction:
        return Extraction(
            doc_id=self.id,
            mentions=tuple(self.mentions),
            gap_claims=tuple(self.claims),
            published=self.published,
        )

    def item(self) -> tuple[Document, Extraction]:
        return self.document(), self.extraction()


def store_docs(store: object, docs: Sequence[Doc], update: bool = True) -> None:
    """Store documents with their extractions and fold them into the ledger."""
    from readouts.resolve import update_ledger

    store.add_documents([d.document() for d in docs])  # type: ignore[attr-defined]
    for d in docs:
        store.save_extraction(d.extraction(), "test")  # type: ignore[attr-defined]
    if update:
        update_ledger(store, [d.id for d in docs])

"""The SYNTHETIC demo's dialogue: in each municipality with citizens, the first
caseworker offers meeting times over the next two weeks, and the first two citizens
have a short conversation with the job centre; the first has booked a meeting.
Deterministic: the rows follow from the load date and the ids."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import DANISH_TIME
from app.models import (
    Author,
    Caseworker,
    Citizen,
    MeetingKind,
    MeetingSlot,
    Message,
    MessageThread,
    User,
)

TIMES = (time(9, 0), time(10, 30), time(13, 0))
PLACES = {
    MeetingKind.IN_PERSON: "Jobcentret, Borgerservice, indgang A",
    MeetingKind.PHONE: "Vi ringer til dig på det nummer, vi har",
    MeetingKind.VIDEO: "Linket kommer i en besked dagen før",
}
CONVERSATION = (
    "Hej. Jeg har fået et brev om et kursus, men jeg forstår ikke, hvornår det "
    "begynder. Kan I hjælpe?",
    "Hej. Kurset begynder mandag kl. 9. Book gerne en tid, så gennemgår vi det "
    "sammen. (Syntetisk demobesked.)",
)


def _weekdays(today: date, count: int) -> list[date]:
    days, day = [], today
    while len(days) < count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


def create_demo_dialogue(
    session: Session, today: date, report: Callable[[str], None] | None = None
) -> None:
    """Meeting times, conversations and one booking per municipality with citizens.

    Plain rows with times from the load date, so a load repeats exactly."""
    session.flush()
    morning = datetime.combine(today, time(8, 0), tzinfo=DANISH_TIME).astimezone(UTC)
    first_worker: dict[int, tuple[int, int]] = {}
    for worker_id, user_id, municipality_id in session.execute(
        select(Caseworker.id, User.id, User.municipality_id)
        .join(User, User.id == Caseworker.user_id)
        .order_by(Caseworker.id)
    ):
        first_worker.setdefault(municipality_id, (worker_id, user_id))
    slots = threads = 0
    for municipality_id, (worker_id, user_id) in sorted(first_worker.items()):
        citizens = session.scalars(
            select(Citizen.id)
            .where(Citizen.municipality_id == municipality_id)
            .order_by(Citizen.id)
            .limit(2)
        ).all()
        if not citizens:
            continue
        offered = []
        for n, day in enumerate(_weekdays(today, 6)):
            kind = list(MeetingKind)[n % len(MeetingKind)]
            starts = datetime.combine(day, TIMES[n % len(TIMES)], tzinfo=DANISH_TIME)
            slot = MeetingSlot(
                municipality_id=municipality_id,
                caseworker_id=worker_id,
                starts_at=starts.astimezone(UTC),
                minutes=30,
                kind=kind,
                place=PLACES[kind],
                assisted=False,
                withdrawn=False,
                version=0,
            )
            session.add(slot)
            offered.append(slot)
        slots += len(offered)
        for n, citizen_id in enumerate(citizens):
            thread = MessageThread(
                citizen_id=citizen_id,
                municipality_id=municipality_id,
                created_at=morning,
            )
            session.add(thread)
            session.flush()
            for author, body, minutes, writer in (
                (Author.CITIZEN, CONVERSATION[0], 0, None),
                (Author.JOB_CENTRE, CONVERSATION[1], 45, user_id),
            ):
                session.add(
                    Message(
                        thread_id=thread.id,
                        citizen_id=citizen_id,
                        author=author,
                        author_user_id=writer,
                        body=body,
                        sent_at=morning + timedelta(minutes=minutes),
                        read_at=morning + timedelta(minutes=minutes + 30)
                        if author is Author.CITIZEN or n == 1
                        else None,
                    )
                )
            threads += 1
        booked = offered[1]
        booked.citizen_id = citizens[0]
        booked.booked_at = morning
        booked.version = 1
    session.flush()
    if report:
        report(f"Dialogue: {slots:,} meeting times offered, {threads:,} conversations.")

"""Forward Plan items for tests, made through the services as people make them."""

import datetime
from unittest import mock

from forwardplan import services
from forwardplan.models import DecisionMakerType


def complete_fields(**overrides):
    """What reg 9(1) asks an item to say, filled in: a Cabinet decision a few months away."""
    fields = dict(
        title="Award of the school meals contract",
        summary="Whether to award the contract for school meals from September.",
        decision_maker_type=DecisionMakerType.CABINET,
        expected_from=datetime.date(2027, 3, 1),
        documents="Report of the Director of Children's Services",
        documents_how="From Democratic Support, Ballard House, Plymouth, or on the council's website",
        other_documents="",
        contact_name="Olive Officer",
        contact_email="olive.officer@council.example",
        contact_phone="",
        expected_exempt=False,
        exempt_paragraphs=[],
    )
    fields.update(overrides)
    return fields


def draft_item(author, **overrides):
    return services.create_item(actor=author, **complete_fields(**overrides))


def submitted_item(author, **overrides):
    return services.submit(draft_item(author, **overrides), actor=author)


def published_item(author, democratic_support, **overrides):
    return services.publish(submitted_item(author, **overrides), actor=democratic_support)


def clock(moment):
    """Stop the clock (an aware datetime) for everything that reads django.utils.timezone.now."""
    return mock.patch("django.utils.timezone.now", return_value=moment)

"""Placeholder until the review views land (being written in this change)."""

from django.http import Http404


def py(request, **kwargs):
    raise Http404


def record(request, **kwargs):
    raise Http404


def sign_off(request, **kwargs):
    raise Http404


def return_record(request, **kwargs):
    raise Http404


def urgency(request, **kwargs):
    raise Http404


def record_agreement(request, **kwargs):
    raise Http404


def sign(request, **kwargs):
    raise Http404


def publish(request, **kwargs):
    raise Http404


def withdraw(request, **kwargs):
    raise Http404


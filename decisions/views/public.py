"""Placeholder until the public views land (being written in this change)."""

from django.http import Http404


def py(request, **kwargs):
    raise Http404


def decision_list(request, **kwargs):
    raise Http404


def detail(request, **kwargs):
    raise Http404


def appendix(request, **kwargs):
    raise Http404


"""Placeholder until the authoring views land (being written in this change)."""

from django.http import Http404


def py(request, **kwargs):
    raise Http404


def start(request, **kwargs):
    raise Http404


def task(request, **kwargs):
    raise Http404


def consultation_add(request, **kwargs):
    raise Http404


def consultation_remove(request, **kwargs):
    raise Http404


def appendix_add(request, **kwargs):
    raise Http404


def appendix_remove(request, **kwargs):
    raise Http404


def appendix_download(request, **kwargs):
    raise Http404


def paper_add(request, **kwargs):
    raise Http404


def paper_remove(request, **kwargs):
    raise Http404


def check_answers(request, **kwargs):
    raise Http404


def task_list(request, **kwargs):
    raise Http404

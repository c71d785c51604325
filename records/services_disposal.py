"""OLGB-6: disposing of a record's background papers' files once their retention date has passed, and
deleting stored files once a change has committed.

A part of `records.services.RecordServices`, kept apart to keep each module short: it uses the
record's `lock`, `record_event`, `permissions` and `workflow`.
"""

from functools import partial

from django.db import transaction
from django.utils import timezone

from council import pagecache
from records.retention import disposable_papers
from records.services_pdf import require
from records.workflow import DISPOSE_PAPERS


def delete_files(storage, names):
    """Delete stored files; called on commit, so a rolled-back change keeps them."""
    for name in names:
        storage.delete(name)


class DisposalServices:
    @transaction.atomic
    def dispose_papers(self, record, *, actor):
        """OLGB-6: Democratic Support disposes of the files of the record's background papers once their
        retention date has passed. Each paper stays listed, saying when its file went; the files go once
        this has committed; the history says whose decision it was and which papers. Returns them."""
        locked = self.lock(record)
        require(self.permissions.can_dispose_papers(actor, locked))
        self.workflow.check(locked, DISPOSE_PAPERS)
        papers, now = disposable_papers(locked), timezone.now()
        for paper in papers:
            stored = paper.file
            paper.file, paper.disposed_at = "", now
            paper.save(update_fields=["file", "disposed_at"])
            transaction.on_commit(partial(delete_files, stored.storage, [stored.name]))
        titles = "; ".join(paper.title for paper in papers)
        self.record_event(
            locked,
            actor=actor,
            action=DISPOSE_PAPERS,
            from_status=locked.status,
            comment=f"Files disposed of: {titles}",
        )
        pagecache.bump()
        return papers

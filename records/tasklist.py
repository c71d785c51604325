"""The authoring task list every kind of record shares: each task is declared once, as a `Task`.

A kind of record lists its tasks in its own `tasklist` module (`decisions/tasklist.py`,
`scrutiny/tasklist.py`); the task list page, each task page, "Save and continue", the error
links of check your answers and the record's section grouping all read that one list.
"""

from collections.abc import Callable
from dataclasses import dataclass

# Not an answer: what a blank field holds.
BLANK = (None, "", [], False)


@dataclass(frozen=True)
class Task:
    slug: str
    title: str
    # The page's main form (a ModelForm of the record); None when the page is a list with its own buttons.
    form: type | None = None
    # What "Save and continue" checks; only its problems that belong to this task are shown.
    rules: Callable | None = None
    # The numbered sections of the council's form the task fills in, and how the task list names them.
    sections: tuple[str, ...] = ()
    caption: str = ""
    # Untouched and without problems, an optional task is "Optional", not a task still to do.
    optional: bool = False
    # The child rows (related names) whose presence means the task is started.
    children: tuple[str, ...] = ()
    # Where a problem that no field of the main form shows is fixed on the page.
    anchor: str = "main-content"

    def __post_init__(self):
        if self.sections and not self.caption:
            object.__setattr__(self, "caption", _caption(self.sections))


def _caption(numbers):
    """ "Section 16", "Sections 5 and 6", "Sections 7, 8 and 8b", "Sections 1 to 4b": as the form names them."""
    if len(numbers) == 1:
        return f"Section {numbers[0]}"
    if len(numbers) > 3:
        return f"Sections {numbers[0]} to {numbers[-1]}"
    return f"Sections {', '.join(numbers[:-1])} and {numbers[-1]}"


class TaskList:
    """A kind of record's tasks, in order, and what the authoring pages ask of them.

    A mapping of slug to `Task`, in the task list's order: iterating gives the slugs."""

    def __init__(self, tasks, *, model, prefilled=(), anchors=None):
        self.tasks = list(tasks)
        self.by_slug = {task.slug: task for task in self.tasks}
        self.model = model
        # Filled in when the record is started: not a sign that the author has started a task.
        self.prefilled = set(prefilled)
        # field -> the id of the element that fixes it, for problems no field of the form shows.
        self.anchors = anchors or {}

    def __iter__(self):
        return iter(self.by_slug)

    def __len__(self):
        return len(self.tasks)

    def __contains__(self, slug):
        return slug in self.by_slug

    def __getitem__(self, slug):
        return self.by_slug[slug]

    @property
    def titles(self):
        return {task.slug: task.title for task in self.tasks}

    @property
    def section_task(self):
        """{section number: the slug of the task that fills it in}."""
        return {number: task.slug for task in self.tasks for number in task.sections}

    def problems_by_task(self, problems):
        """{task slug: [Problem]} for the task list's statuses."""
        result = {task.slug: [] for task in self.tasks}
        for problem in problems:
            result[problem.task].append(problem)
        return result

    def following(self, slug):
        """The task after this one, or None after the last: "Save and continue" goes there."""
        slugs = [task.slug for task in self.tasks]
        rest = slugs[slugs.index(slug) + 1 :]
        return rest[0] if rest else None

    def task_problems(self, slug, record):
        task = self.by_slug[slug]
        return [p for p in task.rules(record) if p.task == slug] if task.rules else []

    def started(self, task, record):
        if any(getattr(record, name).all() for name in task.children):
            return True
        if task.form is None:
            return False
        names = [n for n in task.form._meta.fields if n not in self.prefilled]
        return any(self.model._meta.get_field(n).value_from_object(record) not in BLANK for n in names)

    def statuses(self, record, problems, url):
        """[{slug, title, caption, status, completed, url}] for the task list page."""
        tasks = []
        for task in self.tasks:
            started = self.started(task, record)
            if problems[task.slug]:
                status = "Incomplete" if started else "Not yet started"
            else:
                status = "Completed" if started or not task.optional else "Optional"
            tasks.append(
                {
                    "slug": task.slug,
                    "title": task.title,
                    "caption": task.caption,
                    "status": status,
                    "completed": status == "Completed",
                    "url": url(task.slug),
                }
            )
        return tasks

    def elsewhere_anchor(self, problem):
        """The id a problem no field shows links to on its own task page."""
        if problem.field.startswith("section-"):
            return problem.field
        default = self.by_slug[problem.task].anchor if problem.task in self.by_slug else "main-content"
        return self.anchors.get(problem.field, default)

    def field_anchor(self, slug, field):
        """The id of the field a problem is about on its task page (radios: first option; dates: day)."""
        task = self.by_slug[slug]
        if task.form is None or field.startswith("section-"):
            return field if field.startswith("section-") else task.anchor
        name = getattr(task.form, "aliases", {}).get(field, field)
        if name not in task.form.base_fields:
            return self.anchors.get(field, task.anchor)
        widget = task.form.base_fields[name].widget
        if getattr(widget, "input_type", "") in {"radio", "checkbox"} and hasattr(widget, "choices"):
            return f"id_{name}_1"
        if hasattr(widget, "widgets"):
            return f"id_{name}_0"
        return f"id_{name}"

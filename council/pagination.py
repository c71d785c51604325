"""The GOV.UK pagination component's links for a Django page: numbers around the current page,
the first and last, and ellipses between (https://design-system.service.gov.uk/components/pagination/)."""


def page_links(page, query=""):
    """[{"number", "url", "current"} or {"ellipsis": True}], plus prev/next urls, for components/pagination.html."""
    prefix = f"?{query}&page=" if query else "?page="
    last = page.paginator.num_pages
    wanted = {1, last, page.number - 1, page.number, page.number + 1}
    items, previous = [], 0
    for number in sorted(n for n in wanted if 1 <= n <= last):
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "url": f"{prefix}{number}", "current": number == page.number})
        previous = number
    return {
        "items": items if last > 1 else [],
        "previous": f"{prefix}{page.number - 1}" if page.has_previous() else None,
        "next": f"{prefix}{page.number + 1}" if page.has_next() else None,
    }

"""Views of briefing reports and committees, one module per audience."""

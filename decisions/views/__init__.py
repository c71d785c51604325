"""Views of decision records, one module per audience: authoring, review (staff workflow), public."""

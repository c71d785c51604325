"""Static files as production serves them: WhiteNoise's compressed manifest storage (hashed names,
cached forever), with Django's rewriting of JavaScript module imports turned on, so that
`static/js/init.js` imports GOV.UK Frontend by its hashed name too. Without it the browser fetched
the unhashed `govuk-frontend.min.js` as well as the hashed one the page preloads."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True

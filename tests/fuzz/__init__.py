"""atheris fuzz targets (``make fuzz`` runs :mod:`tests.fuzz.run_all`)."""

"""Exports of the archive: the dossier PDF, its bibliography, and text formats."""

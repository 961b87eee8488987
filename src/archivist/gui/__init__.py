"""The desktop app (PySide6): window, library, reader, notes, dossiers; it calls the core only."""

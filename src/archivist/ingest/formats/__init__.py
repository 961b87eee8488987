"""One importer per format (plain text, Markdown, HTML, MHTML), each bytes in, an Extraction out."""

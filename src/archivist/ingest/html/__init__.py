"""HTML: parsing and rendering the tree to text with offsets, DOM helpers, dropping page
furniture, and finding the main content (Readability-style scoring)."""

"""Text primitives every importer shares: sniffing and decoding bytes, invisible characters,
what a line of text is (textmeta), repeated page furniture, and freeing memory after a big page."""

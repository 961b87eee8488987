"""Page metadata: title, authors, dates and site from meta tags, schema.org JSON-LD and the
page's citation, and Markdown front matter."""

"""Python-Markdown extensions of the gradient descent site, listed under `markdown_extensions`.

They hold the page transformations in the form that MkDocs and Material's successor (Zensical)
both run.
"""

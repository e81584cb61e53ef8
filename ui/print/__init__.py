"""The app's one print path: HTML -> paginated A4 document -> PDF, printer or preview.

Screens build HTML (see ui/print/week_pdf.py) and hand it to ui.print.document:

    from ui.print import document
    if document.ensure_cjk_font(self):               # warns the user when Chinese can't print
        document.preview(self, html, title="活动清单 · 11月18日")
        document.print_dialog(self, html, title=...)
        pages = document.render_pdf(html, path, title=...)

Every page gets a header (community name, title) and "第 N / M 页"; tables written with
<thead> repeat their header rows on each page they continue onto.
"""

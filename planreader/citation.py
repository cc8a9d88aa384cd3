"""Ready-made citations of documents and measures, in either language (pages and open data use the same)."""
from __future__ import annotations

from planreader.data.catalog import PlanMeasure
from planreader.data.model import Document
from planreader.i18n import act_date

_ACT = {
    ("order", "az"): "Azərbaycan Respublikası Prezidentinin {date} tarixli {num} nömrəli Sərəncamı",
    ("order", "en"): "Order of the President of the Republic of Azerbaijan No. {num} of {date}",
    ("law", "az"): "Azərbaycan Respublikasının {date} tarixli {num} nömrəli Qanunu",
    ("law", "en"): "Law of the Republic of Azerbaijan No. {num} of {date}",
}


def act_reference(doc: Document, lang: str) -> str:
    date = act_date(doc.date, lang)
    return _ACT[(doc.kind, lang)].format(date=date, num=doc.number)


def cite_document(doc: Document, lang: str) -> str:
    approves = doc.approves.in_lang(lang)
    if lang == "az":
        return f"{approves} ({act_reference(doc, lang)} ilə təsdiq edilmişdir)"
    return f"{approves}, approved by {act_reference(doc, lang)}"


def cite_measure(pm: PlanMeasure, doc: Document, lang: str) -> str:
    if lang == "az":
        return f"{cite_document(doc, lang)}, tədbir {pm.num}."
    return f"{cite_document(doc, lang)}, measure {pm.num} (unofficial English translation)."

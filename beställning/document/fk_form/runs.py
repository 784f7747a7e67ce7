"""Reading and writing the text of runs (w:r), the smallest piece of text Word formats.

Reading turns text nodes, tabs and breaks into a plain string; writing does the reverse, and
cleans the copied run properties so a value never inherits a placeholder's grey style, a hidden
flag or a revision mark from the blank it replaces.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from beställning.document.fk_form.ooxml import W_BR, W_CR, W_PPR, W_R, W_RPR, W_T, W_TAB, W_VAL, Element


def run_text(run: Element) -> str:
    parts = []
    for child in run:
        if child.tag == W_T:
            parts.append(child.text or "")
        elif child.tag == W_TAB:
            parts.append("\t")
        elif child.tag in (W_BR, W_CR):
            parts.append("\n")
    return "".join(parts)


def paragraph_text(paragraph: Element) -> str:
    """Everything a reader sees in the paragraph, including the contents of controls."""
    return "".join(run_text(r) for r in paragraph.iter(W_R))


def clean_rpr(rpr: Element | None, *, plain: bool = False) -> Element | None:
    """A copy of run properties fit for a value: no placeholder style, revision marks or hiding."""
    if rpr is None:
        return None
    result = copy.deepcopy(rpr)
    result.tag = W_RPR
    drop = {qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo", "vanish", "rPrChange")}
    if plain:
        drop |= {qn(f"w:{t}") for t in ("b", "bCs", "u", "caps", "smallCaps")}
    for child in list(result):
        style = child.get(W_VAL, "").casefold()
        placeholder = child.tag == qn("w:rStyle") and ("placeholder" in style or "platsh" in style)
        if child.tag in drop or placeholder:
            result.remove(child)
    return result


def set_run_text(run: Element, text: str) -> None:
    """Replace the run's text; \\n becomes a line break (w:br) and \\t a tab."""
    for child in list(run):
        if child.tag != W_RPR:
            run.remove(child)
    rpr = run.find(W_RPR)
    if rpr is not None:
        clean = clean_rpr(rpr)
        run.replace(rpr, clean if clean is not None else rpr)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                run.append(OxmlElement("w:tab"))
            if part:
                node = OxmlElement("w:t")
                node.text = part
                node.set(qn("xml:space"), "preserve")
                run.append(node)


def new_run(text: str, rpr: Element | None) -> Element:
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(rpr)
    set_run_text(run, text)
    return run


def mark_rpr(paragraph: Element) -> Element | None:
    """The paragraph mark's run properties: how Word formats text typed into an empty paragraph."""
    node = paragraph.find(f"{W_PPR}/{W_RPR}")
    return clean_rpr(node, plain=True)

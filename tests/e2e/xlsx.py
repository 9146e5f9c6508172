"""Reads an .xlsx workbook the way a spreadsheet does, for the e2e tests:
unzips it and parses its XML (zipfile, ElementTree), nothing else.

    from xlsx import Workbook
    wb = Workbook("report.xlsx")
    wb.names                       # sheet names, in order
    s = wb.sheet("汇总")
    s.value("A1"), s.fmt("H6")     # a cell's value (str or float) and number format
    s.fill("P3")                   # its solid fill's colour ("C6EFCE"), or None
    s.merged                       # {"A1:J1", ...}
    s.rows                         # number of the last row with a cell
"""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
# Built-in number formats Excel does not spell out in styles.xml.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 49: "@"}


def _text(el):
    """The text of a shared or inline string: its <t>, or its runs' <t>s."""
    return "".join(t.text or "" for t in el.iter("{%s}t" % NS["m"]))


def col_row(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col - 1, int(m.group(2)) - 1


def ref(col, row):
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return "%s%d" % (name, row + 1)


class Sheet:
    def __init__(self, name, root, strings, xfs):
        self.name = name
        self.root = root
        self.cells = {}  # "A1" -> (value, style index)
        for c in root.iter("{%s}c" % NS["m"]):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            if t == "s":
                value = strings[int(v.text)]
            elif t == "inlineStr":
                value = _text(c.find("m:is", NS))
            elif t == "str":
                value = v.text or ""
            elif v is None:
                value = None  # a blank cell (formatted)
            else:
                value = float(v.text)
            self.cells[c.get("r")] = (value, int(c.get("s", "0")))
        self.xfs = xfs
        self.merged = {m.get("ref") for m in root.iter("{%s}mergeCell" % NS["m"])}
        self.rows = max((int(r.get("r")) for r in root.iter("{%s}row" % NS["m"])), default=0)
        setup = root.find("m:pageSetup", NS)
        self.page_setup = dict(setup.attrib) if setup is not None else {}
        fit = root.find("m:sheetPr/m:pageSetUpPr", NS)
        self.fit_to_page = fit is not None and fit.get("fitToPage") == "1"
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        self.pane = dict(pane.attrib) if pane is not None else {}
        af = root.find("m:autoFilter", NS)
        self.autofilter = af.get("ref") if af is not None else None

    def value(self, r):
        return self.cells.get(r, (None, 0))[0]

    def fmt(self, r):
        return self.xfs[self.cells[r][1]]["format"]

    def bold(self, r):
        return self.xfs[self.cells[r][1]]["bold"]

    def font(self, r):
        return self.xfs[self.cells[r][1]]["font"]

    def fill(self, r):
        return self.xfs[self.cells[r][1]]["fill"]

    def bordered(self, r):
        return self.xfs[self.cells[r][1]]["border"]

    def column(self, col, first, last):
        """The values of column `col` (a letter) from row `first` to `last` (1-based)."""
        return [self.value("%s%d" % (col, r)) for r in range(first, last + 1)]


class Workbook:
    def __init__(self, path):
        z = zipfile.ZipFile(path)
        self.zip = z
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter("{%s}Relationship" % NS["rel"])}
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            strings = [_text(si) for si in sst.findall("m:si", NS)]
        styles = ET.fromstring(z.read("xl/styles.xml"))
        formats = dict(BUILTIN_FORMATS)
        for nf in styles.iter("{%s}numFmt" % NS["m"]):
            formats[int(nf.get("numFmtId"))] = nf.get("formatCode")
        fonts = [f.find("m:b", NS) is not None for f in styles.find("m:fonts", NS)]
        font_names = [(f.find("m:name", NS).get("val") if f.find("m:name", NS) is not None else None)
                      for f in styles.find("m:fonts", NS)]
        fills = []
        for f in styles.find("m:fills", NS):
            pattern = f.find("m:patternFill", NS)
            color = pattern.find("m:fgColor", NS) if pattern is not None else None
            solid = pattern is not None and pattern.get("patternType") == "solid"
            fills.append(color.get("rgb")[-6:] if solid and color is not None and color.get("rgb") else None)
        borders = [any(len(side) or side.get("style") for side in b) for b in styles.find("m:borders", NS)]
        xfs = []
        for xf in styles.find("m:cellXfs", NS):
            xfs.append({
                "format": formats.get(int(xf.get("numFmtId", "0")), "?"),
                "bold": fonts[int(xf.get("fontId", "0"))],
                "font": font_names[int(xf.get("fontId", "0"))],
                "border": borders[int(xf.get("borderId", "0"))],
                "fill": fills[int(xf.get("fillId", "0"))],
            })
        self.names = []
        self.sheets = {}
        for s in wb.iter("{%s}sheet" % NS["m"]):
            name = s.get("name")
            target = targets[s.get("{%s}id" % NS["r"])]
            path = target if target.startswith("xl/") else "xl/" + target
            self.names.append(name)
            self.sheets[name] = Sheet(name, ET.fromstring(z.read(path)), strings, xfs)
        self.defined_names = [(d.get("name"), d.get("localSheetId"), d.text)
                              for d in wb.iter("{%s}definedName" % NS["m"])]

    def sheet(self, name):
        return self.sheets[name]

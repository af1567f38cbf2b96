#!/usr/bin/python3
"""Validate SpreadsheetML package parts of .xlsx/.xlsm files against the ECMA-376 transitional schemas
(../fixtures/schemas/ooxml). Markup-compatibility is applied first as a consumer does: attributes and elements in
namespaces listed in mc:Ignorable are dropped, mc:AlternateContent keeps its Fallback. xml:space on text
is allowed. Parts in the strict-conformance namespaces (ISO/IEC 29500 Strict, which LibreOffice can write)
are checked against the same schemas with their namespaces mapped to the transitional ones.
Usage: ooxml_check.py [--only PART,PART…] FILE...  Prints one line per failing part; exit 1 if any.

A copy of ../shared/tools/ooxml_check.py (the project's clean clone has no ../shared), with --only (check
just the parts a run wrote) and the strict mapping added."""
import sys, os, zipfile
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
XSD = os.path.join(HERE, "..", "fixtures", "schemas", "ooxml")
STRICT = {
    "http://purl.oclc.org/ooxml/spreadsheetml/main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/officeDocument/relationships": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_schemas = {}

def schema(name):
    if name not in _schemas:
        _schemas[name] = etree.XMLSchema(etree.parse(os.path.join(XSD, name)))
    return _schemas[name]

def apply_mce(root):
    ign = set()
    for el in root.iter():
        v = el.get(f"{{{MC}}}Ignorable")
        if v:
            for p in v.split():
                ns = el.nsmap.get(p)
                if ns: ign.add(ns)
    for el in list(root.iter()):
        if not isinstance(el.tag, str): continue
        for a in list(el.attrib):
            ns = a[1:].split("}")[0] if a.startswith("{") else None
            if ns in ign or ns == MC or (ns == "http://www.w3.org/XML/1998/namespace" and a.endswith("}space")):
                del el.attrib[a]
    for el in list(root.iter(f"{{{MC}}}AlternateContent")):
        fb = el.find(f"{{{MC}}}Fallback")
        parent = el.getparent()
        i = parent.index(el)
        parent.remove(el)
        if fb is not None:
            for k, c in enumerate(list(fb)): parent.insert(i + k, c)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            ns = el.tag[1:].split("}")[0]
            if ns in ign and el.getparent() is not None: el.getparent().remove(el)
    return root

def unstrict(root):
    """Strict namespaces → transitional ones (elements and attributes); other content unchanged."""
    def ns_of(name):
        return name[1:].split("}")[0] if name.startswith("{") else None
    for el in root.iter():
        if not isinstance(el.tag, str): continue
        ns = ns_of(el.tag)
        if ns in STRICT: el.tag = "{%s}%s" % (STRICT[ns], el.tag.split("}")[1])
        for a in list(el.attrib):
            ans = ns_of(a)
            if ans in STRICT:
                v = el.attrib.pop(a)
                el.set("{%s}%s" % (STRICT[ans], a.split("}")[1]), v)
    return etree.fromstring(etree.tostring(root))

def check(path, only=None):
    bad = []
    try:
        z = zipfile.ZipFile(path)
    except Exception as e:
        return [f"{os.path.basename(path)}: not a zip ({e})"]
    for n in z.namelist():
        if only is not None and n not in only: continue
        if n == "[Content_Types].xml": sch = "opc-contentTypes.xsd"
        elif n.endswith(".rels"): sch = "opc-relationships.xsd"
        elif n in ("xl/workbook.xml", "xl/styles.xml") or (n.startswith("xl/worksheets/") and n.endswith(".xml")): sch = "sml.xsd"
        else: continue
        try:
            root = etree.fromstring(z.read(n))
        except etree.XMLSyntaxError as e:
            bad.append(f"{os.path.basename(path)} {n}: not well-formed: {e}"); continue
        s = schema(sch)
        if not s.validate(apply_mce(unstrict(root))):
            bad.append(f"{os.path.basename(path)} {n}: {s.error_log.last_error.message[:200]}")
    return bad

if __name__ == "__main__":
    args = sys.argv[1:]
    only = None
    if args and args[0] == "--only":
        only = set(args[1].split(",")) if args[1] else set()
        args = args[2:]
    out = [l for f in args for l in check(f, only)]
    for l in out: print(l)
    sys.exit(1 if out else 0)

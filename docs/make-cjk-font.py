#!/usr/bin/python3
"""Builds src/main/resources/fonts/NotoSansSC-<Weight>-subset.ttf from Debian's fonts-noto-cjk.

Run from the repository root with Debian's fontTools (apt-get install -y fonts-noto-cjk
python3-fonttools):  /usr/bin/python3 docs/make-cjk-font.py (about 30 s)
Face: "Noto Sans CJK SC" (index 2 of the collection), renamed "Noto Sans SC".
Subset (no OpenType layout tables, no vertical metrics): every GB2312 character (6,763 hanzi and its symbols), CJK symbols and punctuation
(U+3000-303F), CJK compatibility forms (U+FE30-FE4F), half- and fullwidth forms (U+FF00-FFEF),
and every character of messages_zh.properties and frameworks/un-names_zh.properties.
The CFF outlines are converted to TrueType (quadratic) outlines, which PDFBox embeds as a
CIDFontType2 subset.
"""
import pathlib
from fontTools.ttLib import TTCollection
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._g_l_y_f import table__g_l_y_f
from fontTools.ttLib.tables._l_o_c_a import table__l_o_c_a
from fontTools.ttLib import newTable

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-{}.ttc"
OUT = pathlib.Path("src/main/resources/fonts")
RES = pathlib.Path("src/main/resources")


def characters():
    chars = set(range(0x20, 0x7F)) | set(range(0x3000, 0x3040)) | set(range(0xFE30, 0xFE50))
    chars |= set(range(0xFF00, 0xFFF0))
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for name in ("messages_zh.properties", "frameworks/un-names_zh.properties"):
        chars |= {ord(c) for c in (RES / name).read_text("utf-8") if ord(c) >= 0x20}
    return chars


def to_truetype(font):
    """CFF outlines to glyf/loca (max error 1 unit), as fontTools' otf2ttf snippet does."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = newTable("maxp")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyph_order)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font["post"].glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, weight):
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = "Noto Sans SC"
        elif record.nameID == 4:
            record.string = "Noto Sans SC " + weight
        elif record.nameID == 6:
            record.string = "NotoSansSC-" + weight


def build(weight):
    font = TTCollection(SOURCE.format(weight)).fonts[2]
    options = subset.Options()
    options.layout_features = []  # PDFBox applies no OpenType layout to Chinese
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=characters())
    sub.subset(font)
    to_truetype(font)
    # Variation sequences (cmap format 14): PDFBox ignores them, with a warning on every load.
    font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    rename(font, weight)
    out = OUT / f"NotoSansSC-{weight}-subset.ttf"
    font.save(out)
    print(out, out.stat().st_size, "bytes,", len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    for weight in ("Regular", "Bold"):
        build(weight)

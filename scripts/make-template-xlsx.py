#!/usr/bin/env python3
"""Writes data/template.xlsx from data/template.csv and data/template.places.csv.

The workbook has the two sheets the importer looks for: the initiatives (first sheet) and `Places`.
Cells that hold a plain day (YYYY-MM-DD) become Excel date cells, so the template shows both ways
of entering a date: a real date cell, or text ("by 2025", "Nov 2023", "FY2024"). Latitudes and
longitudes are numbers. Run it again after changing the CSV template:

    pip install xlsxwriter==3.2.9 && python3 scripts/make-template-xlsx.py
"""
import csv
import datetime
import pathlib
import re

import xlsxwriter

ROOT = pathlib.Path(__file__).resolve().parent.parent
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def rows(name):
    with open(ROOT / "data" / name, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write_sheet(book, name, table, numbers=()):
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    header = table[0]
    for c, title in enumerate(header):
        sheet.write_string(0, c, title, bold)
        sheet.set_column(c, c, 40 if title in ("summary", "body", "title", "source title") else 16)
    for r, row in enumerate(table[1:], start=1):
        for c, value in enumerate(row):
            if value == "":
                continue
            if header[c] in numbers:
                sheet.write_number(r, c, float(value))
            elif DAY.match(value):
                sheet.write_datetime(r, c, datetime.datetime.strptime(value, "%Y-%m-%d"), date)
            else:
                sheet.write_string(r, c, value, wrap)
    sheet.freeze_panes(1, 0)


def main():
    # A fixed creation time keeps the file the same from run to run.
    book = xlsxwriter.Workbook(str(ROOT / "data" / "template.xlsx"))
    book.set_properties({"title": "Alliance Atlas template", "created": datetime.datetime(2026, 12, 2)})
    write_sheet(book, "Initiatives", rows("template.csv"))
    write_sheet(book, "Places", rows("template.places.csv"), numbers=("lat", "lon"))
    book.close()


if __name__ == "__main__":
    main()

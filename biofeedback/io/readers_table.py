"""Delimited text tables as real tools write them, parsed by pandas' compiled C reader.

Sniffs the separator (tab, semicolon, comma or white space), a decimal comma, a
header line and a UTF-8 BOM from the first lines, then parses the whole file in
one ``pandas.read_csv`` call: never line by line in Python. Columns come back as
float arrays; a column of ISO date-times becomes seconds since its first value.
A table wider than config.FILE_MAX_COLUMNS, or with a line longer than
config.FILE_MAX_LINE_BYTES, is refused from its first 64 KB, before it is
parsed (a million columns took minutes in pandas).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from biofeedback import config

SNIFF_LINES = 50  # lines inspected to choose separator, decimal mark and header
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$|^(nan|NaN|NA|inf|-inf)$")
_DECIMAL_COMMA_CELL = re.compile(r"^[+-]?\d*,\d+$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


class TableError(ValueError):
    """The table cannot be read; the message is a sentence for the user."""


@dataclass(frozen=True, eq=False)
class Table:
    """Columns of a delimited file: names (None without a header) and float arrays."""

    names: list[str] | None
    columns: list[np.ndarray]
    datetime_columns: set[int] = field(default_factory=set)  # ISO date-times, now seconds
    text_columns: dict[int, str] = field(default_factory=dict)  # index -> first non-number cell
    decimal_comma: bool = False  # some numbers were written with a decimal comma (read as one)
    separator: str = ","

    def label(self, index: int) -> str:
        return self.names[index] if self.names else f"column {index + 1}"


def _data_lines(head: str) -> list[str]:
    lines = []
    for line in head.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
        if len(lines) >= SNIFF_LINES:
            break
    return lines


def _cells(line: str, sep: str | None) -> list[str]:
    parts = next(csv.reader([line], delimiter=sep)) if sep else line.split()
    return [p.strip().strip('"').strip("'") for p in parts]


def _is_data_cell(cell: str) -> bool:
    return bool(_NUMBER.match(cell) or _ISO_DATETIME.match(cell)) or cell == ""


def _choose_separator(lines: list[str]) -> str | None:
    body = lines[1:] or lines
    for sep in ("\t", ";"):
        if all(sep in ln for ln in body):
            return sep
    if all("," in ln for ln in body):
        return ","
    return None  # white space (or a single column)


def _comma_is_decimal(lines: list[str]) -> bool:
    """A header-less comma file whose every line is ``digits,digits``: one decimal-comma column?

    Two integer columns have a first column that only grows (sample number or
    time); RR intervals written with a decimal comma do not.
    """
    if not lines or not all(re.fullmatch(r"[+-]?\d+,\d+", ln) for ln in lines):
        return False
    first = np.array([float(ln.split(",")[0]) for ln in lines])
    return bool(first.size > 2 and not np.all(np.diff(first) > 0))


def _head_and_source(data: bytes | Path) -> tuple[str, object, bool]:
    """The first FILE_MAX_LINE_BYTES as text (for sniffing), what pandas reads (a path streams
    from disk), and whether the file goes on after that head."""
    limit = config.FILE_MAX_LINE_BYTES
    if isinstance(data, Path):
        with open(data, "rb") as f:
            raw = f.read(limit + 1)
        return raw[:limit].decode("utf-8-sig", errors="replace"), str(data), len(raw) > limit
    return data[:limit].decode("utf-8-sig", errors="replace"), io.BytesIO(data), len(data) > limit


def excerpt(text: str, limit: int | None = None) -> str:
    """``text`` cut to ``limit`` (FILE_ERROR_EXCERPT_CHARS) characters for an error message, quoted."""
    limit = limit or config.FILE_ERROR_EXCERPT_CHARS
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text) - limit} more characters)"


def name_list(names: list[str], limit: int = 8) -> str:
    """Column names for an error message: at most ``limit``, each cut short, then how many more."""
    cut = [n if len(n) <= 40 else n[:40] + "…" for n in names[:limit]]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(cut) + more


def _refuse_absurd_shape(head: str, truncated: bool, lines: list[str], sep: str | None, name: str) -> None:
    """A line longer than FILE_MAX_LINE_BYTES or more than FILE_MAX_COLUMNS fields: refused now.

    ``lines`` are the sniffed data lines of ``head`` (its complete lines when ``truncated``).
    """
    limit_kb = config.FILE_MAX_LINE_BYTES // 1024
    if truncated and not lines:
        raise TableError(f"{name}: its first line is longer than {limit_kb} KB, so it is no recording "
                         f"table (a table has at most {config.FILE_MAX_COLUMNS} columns)")
    for number, line in enumerate(lines[:SNIFF_LINES], start=1):
        fields = len(_cells(line, sep))
        if fields > config.FILE_MAX_COLUMNS:
            where = "the first line" if number == 1 else f"data line {number}"
            raise TableError(f"{name}: {where} has {fields} fields; a recording table has at most "
                             f"{config.FILE_MAX_COLUMNS} columns (is it written across instead of down?)")


def read_table(data: bytes | Path, name: str) -> Table:
    """Parse ``data`` (a text table's bytes, or its path) into named float columns."""
    head, source, truncated = _head_and_source(data)
    if truncated:  # the last line of the head may be cut: sniff complete lines only
        head = head[:head.rfind("\n") + 1]
    lines = _data_lines(head)
    if not lines and not truncated:
        raise TableError(f"{name} holds no data")
    sep = _choose_separator(lines)
    _refuse_absurd_shape(head, truncated, lines, sep, name)
    decimal = "."
    if sep == ",":
        if _comma_is_decimal(lines):
            sep, decimal = None, ","
    elif any(re.search(r"\d,\d", ln) for ln in lines):
        decimal = ","
    first = _cells(lines[0], sep)
    has_header = not all(_is_data_cell(c) for c in first)
    if has_header and len(first) == 1 and not _looks_like_name(first[0]):
        has_header = False  # a lone odd word is bad data, not a header
    if has_header:  # a row wider than the header: pandas would drop its extra fields without a word
        widths = [len(_cells(ln, sep)) for ln in lines[1:]]
        if widths and max(widths) > len(first):
            if sep == "," and len(first) == 1 and all(re.fullmatch(r"[+-]?\d+,\d+", ln) for ln in lines[1:]):
                sep, decimal = None, ","  # one column of decimal-comma numbers
            else:
                line = next(i for i, w in enumerate(widths) if w > len(first)) + 2
                raise TableError(f"{name}: {_parser_message(f'Expected {len(first)} fields in line {line}, saw {max(widths)}', sep)}")
    fast = _numpy_table(data, head, lines, sep, decimal, has_header, first)
    if fast is not None:
        return fast
    import pandas as pd  # the general reader; plain numeric tables never import it (~0.2 s)

    try:
        with warnings.catch_warnings():  # "... leads to a loss of data": an error here, never a loss
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                source, sep=sep if sep else r"\s+", decimal=decimal,
                header=0 if has_header else None, comment="#", skip_blank_lines=True,
                encoding="utf-8-sig", engine="c", skipinitialspace=sep is not None, index_col=False,
            )
    except pd.errors.ParserWarning as warning:
        raise TableError(f"{name}: rows have more fields than the header names ({warning})".replace(
            " This leads to a loss of data with index_col=False.", "")) from None
    except pd.errors.ParserError as error:
        raise TableError(f"{name}: {_parser_message(str(error), sep)}") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise TableError(f"{name} cannot be read as a text table ({error})") from None
    if frame.shape[0] == 0:
        raise TableError(f"{name} holds no data rows")
    names = [str(c).strip().strip('"') for c in frame.columns] if has_header else None
    columns, datetimes, texts = [], set(), {}
    comma = decimal == ","
    for index in range(frame.shape[1]):
        values, kind, bad = _column(frame.iloc[:, index], decimal)
        columns.append(values)
        comma = comma or kind == "comma"
        if kind == "datetime":
            datetimes.add(index)
        elif kind == "text":
            texts[index] = bad
    return Table(names, columns, datetimes, texts, comma, sep or " ")


_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(nan|NaN|inf|-inf)$")


def _numpy_table(data: bytes | Path, head: str, lines: list[str], sep: str | None, decimal: str,
                 has_header: bool, first: list[str]) -> Table | None:
    """A plain numeric table (dot decimals, no quotes, dates or gaps) by NumPy's C ``loadtxt``.

    None when the sniffed lines are anything else, or when loadtxt refuses the
    file: the pandas reader then handles it and words its errors.
    """
    body = lines[1:] if has_header else lines
    if decimal != "." or '"' in head or not body:
        return None
    if not all(_PLAIN_NUMBER.match(c) for ln in body for c in _cells(ln, sep)):
        return None
    physical = [ln.strip() for ln in head.splitlines()]
    start = next(i for i, ln in enumerate(physical) if ln and not ln.startswith("#"))
    source = data if isinstance(data, Path) else io.StringIO(data.decode("utf-8-sig", errors="replace"))
    try:
        array = np.loadtxt(source, delimiter=sep, comments="#", skiprows=start + int(has_header),
                           ndmin=2, encoding="utf-8-sig", dtype=float)
    except (ValueError, UnicodeDecodeError):
        return None
    if array.shape[0] == 0 or (has_header and array.shape[1] != len(first)):
        return None
    names = [c.strip() for c in first] if has_header else None
    return Table(names, [np.ascontiguousarray(array[:, i]) for i in range(array.shape[1])], separator=sep or " ")


def _looks_like_name(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][\w ()./%-]*", word)) and len(word) <= 40


def _parser_message(message: str, sep: str | None) -> str:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if found:
        expected, line, saw = found.groups()
        text = f"line {line} has {saw} fields where the first rows have {expected}"
        if sep == ",":
            text += " (a decimal comma in a comma-separated file? write '812.5' or use ';')"
        return text
    return message.strip().splitlines()[-1]


def _column(series, decimal: str) -> tuple[np.ndarray, str, str]:
    """(float values, "number" | "comma" | "datetime" | "text", first cell that is not a number) of a pandas
    column; "comma": numbers some of which were written with a decimal comma."""
    import pandas as pd

    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan), "number", ""
    text = series.astype("string").str.strip()
    numbers = pd.to_numeric(text, errors="coerce")
    bad = numbers.isna() & text.notna() & (text != "")
    if bad.any() and (decimal == "," or text[bad].str.fullmatch(_DECIMAL_COMMA_CELL.pattern).all()):
        # quoted decimal commas ("812,5") in a comma-separated file
        numbers = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        bad = numbers.isna() & text.notna() & (text != "")
        if not bad.any():
            return numbers.to_numpy(dtype=float, na_value=np.nan), "comma", ""
    if not bad.any():
        return numbers.to_numpy(dtype=float, na_value=np.nan), "number", ""
    first_bad = str(text[bad].iloc[0])
    if _ISO_DATETIME.match(first_bad) or _ISO_DATETIME.match(str(text.dropna().iloc[0])):
        stamps = pd.to_datetime(text, errors="coerce", format="ISO8601", utc=True)
        if stamps.notna().sum() >= 0.99 * text.notna().sum():
            ns = stamps.to_numpy(dtype="datetime64[ns]").astype("int64").astype(float)
            ns[stamps.isna().to_numpy()] = np.nan
            first_valid = ns[np.isfinite(ns)][0]
            return (ns - first_valid) / 1e9, "datetime", ""
    return numbers.to_numpy(dtype=float, na_value=np.nan), "text", first_bad

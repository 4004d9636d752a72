import { describe, expect, it } from "vitest";
import { readCsvRecord } from "./goCsv";

describe("readCsvRecord (encoding/csv, first record)", () => {
  // Adapted from Go's encoding/csv reader_test.go readTests, first record only.
  const records: [string, string, string[]][] = [
    ["splits at commas", "a,b,c", ["a", "b", "c"]],
    ["gives nothing for an empty value", "", []],
    ["keeps a single field", "nginx", ["nginx"]],
    ["keeps a trailing empty field", "a,b,c,", ["a", "b", "c", ""]],
    ["keeps empty fields between commas", "a,,b", ["a", "", "b"]],
    ["reads a lone comma as two empty fields", ",", ["", ""]],
    ["keeps leading spaces", " a,  b", [" a", "  b"]],
    ["unquotes quoted fields", '"a","b"', ["a", "b"]],
    ["keeps commas inside quotes", '"a,b",c', ["a,b", "c"]],
    ["reads doubled quotes as one", '"a ""quoted"" field"', ['a "quoted" field']],
    ["reads an empty quoted field", '"",x', ["", "x"]],
    ["reads only the first line", "a,b\nc,d", ["a", "b"]],
    ["normalises CRLF", "a,b\r\nc,d\r\n", ["a", "b"]],
    ["keeps a bare CR inside a line", "a,b\rc,d", ["a", "b\rc", "d"]],
    ["drops a CR right before the end", "a\r", ["a"]],
    ["skips leading blank lines", "\n\na,b", ["a", "b"]],
    ["lets a quoted field span lines", '"a\nb",c', ["a\nb", "c"]],
    ["normalises CRLF inside a quoted field", '"a\r\nb",c', ["a\nb", "c"]],
    ["keeps blank lines inside a quoted field", '"\n\n\n\n"', ["\n\n\n\n"]],
  ];
  for (const [behaviour, input, fields] of records) {
    it(behaviour, () => expect(readCsvRecord(input)).toEqual({ ok: true, value: fields }));
  }

  const errors: [string, string, string][] = [
    ["a bare quote", 'a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ["a bare quote in a later field", 'x,y"', 'parse error on line 1, column 4: bare " in non-quoted-field'],
    [
      "a bare quote after a space",
      'a "word","b"',
      'parse error on line 1, column 3: bare " in non-quoted-field',
    ],
    [
      "a doubled quote outside quotes",
      'a""b,c',
      'parse error on line 1, column 2: bare " in non-quoted-field',
    ],
    [
      "a missing closing quote",
      '"a',
      'parse error on line 1, column 3: extraneous or missing " in quoted-field',
    ],
    [
      "a missing closing quote in a later field",
      'a,"b',
      'parse error on line 1, column 5: extraneous or missing " in quoted-field',
    ],
    [
      "text after a closing quote",
      '"a"b',
      'parse error on line 1, column 3: extraneous or missing " in quoted-field',
    ],
    [
      "an extraneous quote",
      '"a "word","b"',
      'parse error on line 1, column 4: extraneous or missing " in quoted-field',
    ],
    [
      "byte columns after multi-byte text",
      'é"',
      'parse error on line 1, column 3: bare " in non-quoted-field',
    ],
    [
      "byte columns at the end of multi-byte text",
      '"é',
      'parse error on line 1, column 4: extraneous or missing " in quoted-field',
    ],
    [
      "an error on a later line",
      '"a\nb',
      'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field',
    ],
    [
      "a bad quote on a later line",
      '"a\nbc"d',
      'record on line 1; parse error on line 2, column 3: extraneous or missing " in quoted-field',
    ],
    ["a value of only newlines", "\n\n", "EOF"],
  ];
  for (const [what, input, error] of errors) {
    it(`reports ${what}`, () => expect(readCsvRecord(input)).toEqual({ ok: false, error }));
  }
});

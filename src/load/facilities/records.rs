//! CSV records with the byte span of every cell in the file, so that a problem in a cell
//! is quoted like a compiler quotes a line. (The `csv` crate reads values but does not
//! say where each field starts in the text, which these diagnostics need.)
//!
//! RFC 4180 as Excel writes it: fields separated by one delimiter, quoted fields with
//! `""` for a quote and line breaks inside, records ended by CRLF or LF. A blank line
//! is a record of one empty cell, as Excel shows it: an empty row.

use std::ops::Range;

/// One cell.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The value: quotes removed, `""` read as `"`.
    pub text: String,
    /// Byte range of the value in the file (inside the quotes of a quoted cell).
    pub span: Range<usize>,
    /// Whether the value is the file's text as is (unquoted, or quoted without `""`).
    pub verbatim: bool,
    /// Text after a quoted value's closing quote (`"a"b`), which is not CSV.
    pub after_quote: Option<Range<usize>>,
}

/// One record: a spreadsheet row.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its cells, left to right.
    pub cells: Vec<Cell>,
    /// Byte offset of its end (before the line end).
    pub end: usize,
}

/// Why the text cannot be read as CSV.
#[derive(Debug)]
pub enum Stop {
    /// A quote opened at this byte offset and never closed.
    Unclosed(usize),
    /// A record with more than [`MAX_CELLS`] cells, starting at this byte offset.
    TooWide(usize),
}

/// The most cells a record may have.
pub const MAX_CELLS: usize = 1000;

/// The delimiter the header line uses: `;` (European Excel) when it has more
/// semicolons than commas outside quotes, else `,`.
pub fn delimiter(text: &str) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0usize, 0usize, false);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas { b';' } else { b',' }
}

/// The records of a text, read one at a time (a sheet is never held twice).
pub struct Records<'t> {
    text: &'t str,
    delim: u8,
    at: usize,
    stopped: bool,
}

/// The records of `text`, cells separated by `delim`.
pub fn records(text: &str, delim: u8) -> Records<'_> {
    Records {
        text,
        delim,
        at: 0,
        stopped: false,
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, Stop>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.at >= self.text.len() {
            return None;
        }
        let r = self.record();
        self.stopped = r.is_err();
        Some(r)
    }
}

impl Records<'_> {
    /// The record at `self.at`; moves past its line end.
    fn record(&mut self) -> Result<Record, Stop> {
        let (text, delim) = (self.text, self.delim);
        let b = text.as_bytes();
        let n = b.len();
        let eol = |i: usize| b[i] == b'\n' || (b[i] == b'\r' && (i + 1 == n || b[i + 1] == b'\n'));
        let mut i = self.at;
        let mut cells = Vec::new();
        loop {
            let cell = if i < n && b[i] == b'"' {
                let open = i;
                let (start, mut seg) = (i + 1, i + 1);
                let mut value = String::new();
                let end = loop {
                    let q = seg + text[seg..].find('"').ok_or(Stop::Unclosed(open))?;
                    if q + 1 < n && b[q + 1] == b'"' {
                        value.push_str(&text[seg..=q]);
                        seg = q + 2;
                    } else {
                        value.push_str(&text[seg..q]);
                        i = q + 1;
                        break q;
                    }
                };
                let rest = i;
                while i < n && b[i] != delim && !eol(i) {
                    i += 1;
                }
                Cell {
                    verbatim: value.len() == end - start,
                    text: value,
                    span: start..end,
                    after_quote: (i > rest).then_some(rest..i),
                }
            } else {
                let start = i;
                while i < n && b[i] != delim && !eol(i) {
                    i += 1;
                }
                Cell {
                    text: text[start..i].to_string(),
                    span: start..i,
                    verbatim: true,
                    after_quote: None,
                }
            };
            cells.push(cell);
            if cells.len() > MAX_CELLS {
                return Err(Stop::TooWide(self.at));
            }
            if i < n && b[i] == delim {
                i += 1;
                continue;
            }
            break;
        }
        let record = Record { cells, end: i };
        if i < n && b[i] == b'\r' {
            i += 1;
        }
        if i < n && b[i] == b'\n' {
            i += 1;
        }
        self.at = i;
        Ok(record)
    }
}

/// A column's spreadsheet letter: 0 is A, 25 is Z, 26 is AA.
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_keep_commas_quotes_and_line_breaks_with_their_spans() {
        let t = "id,name\r\na,\"B, \"\"x\"\"\r\ny\"\r\n\r\nc,d";
        let all = |t: &str| records(t, b',').collect::<Result<Vec<_>, _>>();
        let r = all(t).unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r[1].cells[1].text, "B, \"x\"\r\ny");
        assert!(!r[1].cells[1].verbatim);
        assert_eq!(&t[r[3].cells[1].span.clone()], "d");
        assert_eq!(r[2].cells.len(), 1);
        assert!(matches!(all("a\nc,\"b"), Err(Stop::Unclosed(4))));
        assert!(matches!(
            all(&format!("a\n{}", ",".repeat(MAX_CELLS))),
            Err(Stop::TooWide(2))
        ));
    }

    #[test]
    fn letters_and_delimiters() {
        assert_eq!(
            [0, 25, 26, 701, 702].map(letter),
            ["A", "Z", "AA", "ZZ", "AAA"].map(String::from)
        );
        assert_eq!(delimiter("id;name;\"a,b\"\nx,y,z,w"), b';');
        assert_eq!(delimiter("id,name\n;;;;"), b',');
    }
}

//! The log and the standing table as CSV (for spreadsheets) and the report as JSON.

use serde::Serialize;

use super::{Action, Posting, Report, Standing};

/// The columns of the log, in order.
pub const LOG_COLUMNS: [&str; 12] = [
    "id",
    "date",
    "action",
    "count",
    "design",
    "locale",
    "place",
    "by",
    "state",
    "hash",
    "note",
    "logged_at",
];

/// The columns of the standing table, in order.
pub const STANDING_COLUMNS: [&str; 11] = [
    "place",
    "design",
    "locale",
    "up",
    "last_action",
    "last_date",
    "last_by",
    "since",
    "state",
    "hash",
    "records",
];

/// First characters that make a spreadsheet read a cell as a formula (or that some
/// spreadsheets skip before looking for one).
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Guard a cell against spreadsheet formula injection: a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return (after any apostrophes) gets one more
/// apostrophe in front, so Excel, LibreOffice and Google Sheets show it as text
/// instead of running it. [`unguard`] takes it off again, so nothing is lost.
pub fn guard(cell: &str) -> String {
    if cell.trim_start_matches('\'').starts_with(FORMULA) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The cell as it was before [`guard`].
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA) => rest,
        _ => cell,
    }
}

/// A UTF-8 byte order mark first, so spreadsheets read place names in any script.
const BOM: &str = "\u{feff}";

fn write_rows<const N: usize>(header: [&str; N], rows: Vec<[String; N]>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = "writing CSV to memory cannot fail";
    w.write_record(header).expect(fail);
    for r in rows {
        w.write_record(r.iter().map(|c| guard(c))).expect(fail);
    }
    let bytes = w.into_inner().expect(fail);
    format!(
        "{BOM}{}",
        String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
    )
}

/// The log as CSV: a UTF-8 byte order mark, a header row ([`LOG_COLUMNS`]), one row
/// per record in the order given, CRLF line ends, fields quoted where they hold a
/// comma, a quote or a line break. Every cell that a spreadsheet would take for a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
/// leading apostrophe; [`from_csv`] removes it.
pub fn to_csv(events: &[Posting]) -> String {
    let rows = events
        .iter()
        .map(|e| {
            [
                e.id.to_string(),
                e.date.clone(),
                e.action.as_str().to_string(),
                e.count.to_string(),
                e.design.clone(),
                e.locale.clone(),
                e.place.clone(),
                e.by.clone(),
                e.state.clone(),
                e.hash.clone(),
                e.note.clone(),
                e.logged_at.clone(),
            ]
        })
        .collect();
    write_rows(LOG_COLUMNS, rows)
}

/// The standing table as CSV, written as [`to_csv`] writes the log
/// ([`STANDING_COLUMNS`]).
pub fn standing_csv(rows: &[Standing]) -> String {
    let rows = rows
        .iter()
        .map(|s| {
            [
                s.place.clone(),
                s.design.clone(),
                s.locale.clone(),
                s.up.to_string(),
                s.last_action.as_str().to_string(),
                s.last_date.clone(),
                s.last_by.clone(),
                s.since.clone(),
                s.state.clone(),
                s.hash.clone(),
                s.records.to_string(),
            ]
        })
        .collect();
    write_rows(STANDING_COLUMNS, rows)
}

/// Why a CSV log could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The line of the file (1 is the header).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Read back a log written by [`to_csv`] (formula guards removed).
pub fn from_csv(text: &str) -> Result<Vec<Posting>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let err = |line: u64, message: String| CsvError { line, message };
    let header = r.headers().map_err(|e| err(1, e.to_string()))?.clone();
    if header.iter().ne(LOG_COLUMNS) {
        return Err(err(
            1,
            format!("the header is not {}", LOG_COLUMNS.join(",")),
        ));
    }
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let cell = |i: usize| unguard(rec.get(i).unwrap_or("")).to_string();
        let number = |i: usize| {
            cell(i)
                .parse::<i64>()
                .map_err(|_| err(line, format!("{} is not a number", LOG_COLUMNS[i])))
        };
        let count = u32::try_from(number(3)?)
            .map_err(|_| err(line, "count is out of range".to_string()))?;
        out.push(Posting {
            id: number(0)?,
            date: cell(1),
            action: Action::parse(&cell(2))
                .ok_or_else(|| err(line, format!("unknown action {:?}", cell(2))))?,
            count,
            design: cell(4),
            locale: cell(5),
            place: cell(6),
            by: cell(7),
            state: cell(8),
            hash: cell(9),
            note: cell(10),
            logged_at: cell(11),
        });
    }
    Ok(out)
}

/// The report as pretty JSON with a final newline; fields in the order the types
/// declare them, so the same report always gives the same text.
pub fn to_json(report: &Report) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        report: &'static str,
        #[serde(flatten)]
        body: &'a Report,
    }
    let doc = Doc {
        report: "hotline-kit posting report",
        body: report,
    };
    serde_json::to_string_pretty(&doc).expect("report serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_and_unguard_are_inverse() {
        for cell in [
            "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x", "'plain", "plain", "",
            "a=b",
        ] {
            assert_eq!(unguard(&guard(cell)), cell, "{cell:?}");
        }
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("-1"), "'-1");
        assert_eq!(guard("a-1"), "a-1");
        assert_eq!(guard("'plain"), "'plain");
    }
}

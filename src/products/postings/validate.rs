//! Checking a new record before it is stored: every problem at once, each naming the
//! form field it is about, in plain words, with how to fix it.

use serde::Serialize;

use super::{Action, Posting, place_key, standing};
use crate::base::diag::Diagnostic;
use crate::checks::check::{format_date, parse_date};

/// The most copies one record may name.
pub const MAX_COUNT: u32 = 500;
/// The longest place name, in characters.
pub const MAX_PLACE: usize = 200;
/// The longest note, in characters.
pub const MAX_NOTE: usize = 500;
/// The longest name of the person, in characters.
pub const MAX_BY: usize = 100;

/// A record as the form sends it, before it is checked and stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewPosting {
    /// Design name.
    pub design: String,
    /// Locale code.
    pub locale: String,
    /// Where, in the staff member's words.
    pub place: String,
    /// How many copies.
    pub count: u32,
    /// The day it was done (YYYY-MM-DD).
    pub date: String,
    /// Posted, removed or replaced.
    pub action: Action,
    /// Who did it, as they are shown.
    pub by: String,
    /// Anything else (may be empty; may hold line breaks).
    pub note: String,
}

impl NewPosting {
    /// The record as it is judged and stored: place, note and name trimmed, the
    /// place's and the name's runs of white space made one space, Windows line breaks
    /// in the note made plain ones.
    pub fn cleaned(&self) -> NewPosting {
        let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        NewPosting {
            design: self.design.trim().to_string(),
            locale: self.locale.trim().to_string(),
            place: one_line(&self.place),
            count: self.count,
            date: self.date.trim().to_string(),
            action: self.action,
            by: one_line(&self.by),
            note: self.note.replace("\r\n", "\n").trim().to_string(),
        }
    }
}

/// The designs and locales the kit has: a record must name one of each.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// Design names.
    pub designs: &'a [String],
    /// Locale codes.
    pub locales: &'a [String],
}

/// A problem with one field of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field: `design`, `locale`, `place`, `count`, `date`, `by` or `note`.
    pub field: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl FieldError {
    fn new(field: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// As a diagnostic for the command line.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::error(format!("{}: {}", self.field, self.message)).hint(self.hint.clone())
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (hint: {})", self.field, self.message, self.hint)
    }
}

/// The count a form field holds: a whole number from 1 to [`MAX_COUNT`] in ASCII
/// digits, spaces around it allowed.
pub fn parse_count(text: &str) -> Result<u32, FieldError> {
    let t = text.trim();
    let bad = || {
        FieldError::new(
            "count",
            format!("\"{t}\" is not a number of copies"),
            format!("type a whole number from 1 to {MAX_COUNT}, for example 3"),
        )
    };
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    match t.parse::<u32>() {
        Ok(n) => Ok(n),
        // Only digits, but too long for a number: far above the limit.
        Err(_) => Ok(u32::MAX),
    }
}

/// A character that may not be in a one-line field: control characters, line and
/// paragraph separators, and the bidi embeddings, overrides and isolates that can make
/// a report show text in another order than it was typed.
fn forbidden(c: char, allow_newline: bool) -> bool {
    (c.is_control() && !(allow_newline && (c == '\n' || c == '\t')))
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn describe(c: char) -> String {
    match c {
        '\n' | '\r' => "a line break".into(),
        '\t' => "a tab".into(),
        _ => format!("the invisible character U+{:04X}", c as u32),
    }
}

/// Length and characters of a free-text field.
fn text_field(
    out: &mut Vec<FieldError>,
    field: &'static str,
    value: &str,
    max: usize,
    allow_newline: bool,
    what: &str,
) {
    let n = value.chars().count();
    if n > max {
        out.push(FieldError::new(
            field,
            format!("the {what} is {n} characters long; at most {max} fit"),
            format!("shorten it to {max} characters or fewer"),
        ));
    }
    if let Some(c) = value.chars().find(|&c| forbidden(c, allow_newline)) {
        out.push(FieldError::new(
            field,
            format!("the {what} contains {}", describe(c)),
            if allow_newline {
                "type it again by hand, without pasting".to_string()
            } else {
                "write it on one line, typed by hand, without pasting".to_string()
            },
        ));
    }
}

fn list(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut v: Vec<&str> = names.iter().map(String::as_str).take(SHOWN).collect();
    if names.len() > SHOWN {
        v.push("...");
    }
    v.join(", ")
}

/// Check a new record (as [`NewPosting::cleaned`] makes it) against the kit and the
/// log so far: the design and locale are the kit's; the count is 1 to [`MAX_COUNT`];
/// the date is a real calendar day from 2000-01-01 to `today` (days since 1970-01-01);
/// the place is 1 to [`MAX_PLACE`] characters on one line; the name is given; the note
/// is at most [`MAX_NOTE`] characters; and copies removed or replaced are no more than
/// [`standing`] says are up at that place. Every problem is returned, not the first.
pub fn validate(
    new: &NewPosting,
    known: &Known<'_>,
    today: i64,
    log: &[Posting],
) -> Result<(), Vec<FieldError>> {
    // The place and the name are judged as typed (trimmed): a line break inside a
    // place is refused, not quietly joined into a space.
    let raw = new;
    let new = new.cleaned();
    let mut out = Vec::new();
    if new.design.is_empty() {
        out.push(FieldError::new(
            "design",
            "choose which piece was posted",
            format!("the kit's pieces: {}", list(known.designs)),
        ));
    } else if !known.designs.contains(&new.design) {
        out.push(FieldError::new(
            "design",
            format!("\"{}\" is not a piece of this kit", new.design),
            format!("choose one of: {}", list(known.designs)),
        ));
    }
    if new.locale.is_empty() {
        out.push(FieldError::new(
            "locale",
            "choose the language of the copies",
            format!("the kit's languages: {}", list(known.locales)),
        ));
    } else if !known.locales.contains(&new.locale) {
        out.push(FieldError::new(
            "locale",
            format!("\"{}\" is not a language of this kit", new.locale),
            format!("choose one of: {}", list(known.locales)),
        ));
    }
    if new.count == 0 {
        out.push(FieldError::new(
            "count",
            "the number of copies is 0",
            format!("type how many copies, from 1 to {MAX_COUNT}"),
        ));
    } else if new.count > MAX_COUNT {
        out.push(FieldError::new(
            "count",
            format!(
                "{} copies is more than one record may hold ({MAX_COUNT})",
                new.count
            ),
            format!(
                "check the number; for more than {MAX_COUNT}, make one record per floor or building"
            ),
        ));
    }
    check_date(&mut out, &new.date, today);
    if new.place.is_empty() {
        out.push(FieldError::new(
            "place",
            "say where the copies are",
            "for example: 2nd floor women's restroom, stall 3",
        ));
    }
    text_field(
        &mut out,
        "place",
        raw.place.trim(),
        MAX_PLACE,
        false,
        "place",
    );
    if new.by.is_empty() {
        out.push(FieldError::new(
            "by",
            "say who did it",
            "your name or initials, as the report should show them",
        ));
    }
    text_field(&mut out, "by", raw.by.trim(), MAX_BY, false, "name");
    text_field(&mut out, "note", &new.note, MAX_NOTE, true, "note");
    if new.action != super::Action::Posted && !new.place.is_empty() && new.count > 0 {
        check_up(&mut out, &new, log);
    }
    if out.is_empty() { Ok(()) } else { Err(out) }
}

fn check_date(out: &mut Vec<FieldError>, date: &str, today: i64) {
    let example = format_date(today);
    let exact = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let day = parse_date(date).filter(|&d| exact && format_date(d) == date);
    let Some(day) = day else {
        out.push(FieldError::new(
            "date",
            if date.is_empty() {
                "give the day it was done".to_string()
            } else {
                format!("\"{date}\" is not a day of the calendar")
            },
            format!("write it as year-month-day, for example {example} for today"),
        ));
        return;
    };
    if day > today {
        out.push(FieldError::new(
            "date",
            format!("{date} is in the future (today is {example})"),
            "give the day the copies were actually put up or taken down",
        ));
    } else if date < "2000-01-01" {
        out.push(FieldError::new(
            "date",
            format!("{date} is before the year 2000"),
            format!("check the year; for example {example} for today"),
        ));
    }
}

/// Removed or replaced copies: no more than are up at that place.
fn check_up(out: &mut Vec<FieldError>, new: &NewPosting, log: &[Posting]) {
    let key = place_key(&new.place);
    let up = standing(log)
        .into_iter()
        .find(|s| place_key(&s.place) == key && s.design == new.design && s.locale == new.locale)
        .map_or(0, |s| s.up);
    if new.count <= up {
        return;
    }
    let verb = if new.action == super::Action::Removed {
        "remove"
    } else {
        "replace"
    };
    let message = if up == 0 {
        format!(
            "the log has no copies of {} ({}) up at \"{}\" to {verb}",
            new.design, new.locale, new.place
        )
    } else {
        format!(
            "the log has only {up} copies of {} ({}) up at \"{}\", not {}",
            new.design, new.locale, new.place, new.count
        )
    };
    out.push(FieldError::new(
        "count",
        message,
        "check the place is written as when the copies were posted; if they were put up before anyone logged them, record them as posted first",
    ));
}

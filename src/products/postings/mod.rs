//! The staff posting log and its report. Staff record from a phone "posted N of piece X
//! at place Y on date", "removed", or "damaged, replaced"; each record is a [`Posting`].
//! From the log, [`standing`] tells what is up now at each place (per design and
//! language), with the version of the newest copy put up; [`report`] gathers that and
//! the log of a date range for a facility, which [`to_csv`], [`to_json`] and [`to_pdf`]
//! write for grant reports and audits.
//!
//! Pure: no database, no clock, no files. The web application and `hotline-kit report`
//! read the records from the store and pass them in, with today's date.

mod pdf;
pub mod table;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

pub use pdf::{scene as to_scene, to_pdf};
pub use table::{CsvError, from_csv, standing_csv, to_csv, to_json};
pub use validate::{
    FieldError, Known, MAX_COUNT, MAX_NOTE, MAX_PLACE, NewPosting, parse_count, validate,
};

/// What a record says was done.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// New copies put up.
    #[default]
    Posted,
    /// Copies taken down.
    Removed,
    /// Damaged or worn copies replaced by new ones: as many are up as before.
    Replaced,
}

impl Action {
    /// Every action, in the order forms list them.
    pub const ALL: [Action; 3] = [Action::Posted, Action::Removed, Action::Replaced];

    /// The word stored in the database and written in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Posted => "posted",
            Action::Removed => "removed",
            Action::Replaced => "replaced",
        }
    }

    /// The action a stored word names (exactly as [`Action::as_str`] writes it, in
    /// any letter case, without surrounding spaces); `None` for any other word.
    pub fn parse(word: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(word.trim()))
    }

    /// In words for people: "posted", "removed", "replaced (damaged or worn)".
    pub fn label(self) -> &'static str {
        match self {
            Action::Replaced => "replaced (damaged or worn)",
            a => a.as_str(),
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Action {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::parse(s)
            .ok_or_else(|| format!("`{s}` is not an action: use posted, removed or replaced"))
    }
}

/// One logged event, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The store's record number.
    pub id: i64,
    /// Design name (e.g. `stall-sticker`).
    pub design: String,
    /// Locale code (e.g. `es`).
    pub locale: String,
    /// Where, as staff wrote it (e.g. "2nd floor women's restroom, stall 3").
    pub place: String,
    /// How many copies.
    pub count: u32,
    /// The day it was done (YYYY-MM-DD).
    pub date: String,
    /// Posted, removed or replaced.
    pub action: Action,
    /// Who did it, as they are shown (name or initials).
    pub by: String,
    /// Content hash of the piece when the record was made.
    pub hash: String,
    /// Its review state then: `approved`, `draft` or `changed`.
    pub state: String,
    /// Anything else staff wrote.
    pub note: String,
    /// When the record was made (RFC 3339, UTC).
    pub logged_at: String,
}

impl Posting {
    /// The record to store for a checked [`NewPosting`] (place, note and name trimmed,
    /// the place's runs of white space made one space), with the number, the piece's
    /// content hash and review state now, and the time it is logged, all from the caller.
    pub fn from_new(
        new: &NewPosting,
        id: i64,
        hash: &str,
        state: &str,
        logged_at: &str,
    ) -> Posting {
        let new = new.cleaned();
        Posting {
            id,
            design: new.design,
            locale: new.locale,
            place: new.place,
            count: new.count,
            date: new.date,
            action: new.action,
            by: new.by,
            hash: hash.to_string(),
            state: state.to_string(),
            note: new.note,
            logged_at: logged_at.to_string(),
        }
    }
}

/// The form of a place name that tells places apart: Unicode NFC, lower case, runs of
/// white space made one space, trimmed. "Lobby " and "lobby" are one place.
pub fn place_key(place: &str) -> String {
    place
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The review state word as a report shows it: "approved", else "DRAFT" (a draft, or
/// changed since approval: not the approved version), with the first 12 hex digits of
/// the content hash.
pub fn version_text(state: &str, hash: &str) -> String {
    let h = hash.strip_prefix("sha256:").unwrap_or(hash);
    let short: String = h.chars().take(12).collect();
    let word = match state {
        "approved" => "approved",
        "changed" => "DRAFT (changed since approval)",
        "" => "",
        _ => "DRAFT",
    };
    format!("{word} {short}").trim().to_string()
}

/// What is up at one place, of one design in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The place, as the newest record wrote it.
    pub place: String,
    /// Design name.
    pub design: String,
    /// Locale code.
    pub locale: String,
    /// Copies up now (posted − removed; never below zero).
    pub up: u32,
    /// The newest action.
    pub last_action: Action,
    /// Its date.
    pub last_date: String,
    /// Who did it.
    pub last_by: String,
    /// Date of the newest copy put up (posted or replaced); empty if none was.
    pub since: String,
    /// Content hash of that copy.
    pub hash: String,
    /// Its review state when it was put up (`approved`, `draft`, `changed`).
    pub state: String,
    /// Records behind this row.
    pub records: usize,
}

impl Standing {
    /// Whether the newest copy put up here was the approved version.
    pub fn approved(&self) -> bool {
        self.state == "approved"
    }

    /// "approved 1a2b3c4d5e6f" or "DRAFT 1a2b3c4d5e6f".
    pub fn version(&self) -> String {
        version_text(&self.state, &self.hash)
    }
}

/// The log in the order it happened: by date, then when it was logged, then number.
pub fn chronological(events: &[Posting]) -> Vec<&Posting> {
    let mut v: Vec<&Posting> = events.iter().collect();
    v.sort_by(|a, b| (&a.date, &a.logged_at, a.id).cmp(&(&b.date, &b.logged_at, b.id)));
    v
}

/// What is up now, per place, design and language, from every record in the log (in
/// the order they happened, whatever order they are given in). Posted adds copies,
/// removed takes them away (never below zero), replaced keeps the count (at least the
/// copies it names) and makes its copy the newest. Rows where everything was removed
/// stay, with 0 up. Sorted by place (as [`place_key`] compares them), design, locale.
pub fn standing(events: &[Posting]) -> Vec<Standing> {
    let mut rows: BTreeMap<(String, String, String), Standing> = BTreeMap::new();
    for e in chronological(events) {
        let key = (place_key(&e.place), e.design.clone(), e.locale.clone());
        let row = rows.entry(key).or_insert_with(|| Standing {
            place: e.place.clone(),
            design: e.design.clone(),
            locale: e.locale.clone(),
            up: 0,
            last_action: e.action,
            last_date: e.date.clone(),
            last_by: e.by.clone(),
            since: String::new(),
            hash: String::new(),
            state: String::new(),
            records: 0,
        });
        match e.action {
            Action::Posted => row.up = row.up.saturating_add(e.count),
            Action::Removed => row.up = row.up.saturating_sub(e.count),
            Action::Replaced => row.up = row.up.max(e.count),
        }
        if e.action != Action::Removed {
            row.since = e.date.clone();
            row.hash = e.hash.clone();
            row.state = e.state.clone();
        }
        row.place = e.place.clone();
        row.last_action = e.action;
        row.last_date = e.date.clone();
        row.last_by = e.by.clone();
        row.records += 1;
    }
    rows.into_values().collect()
}

/// Copies up now at one place, of one design in one language (0 if none).
pub fn up_at(events: &[Posting], place: &str, design: &str, locale: &str) -> u32 {
    let key = place_key(place);
    standing(events)
        .iter()
        .find(|s| place_key(&s.place) == key && s.design == design && s.locale == locale)
        .map_or(0, |s| s.up)
}

/// Copies up per design and per language, and how many places have any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Copies up in all.
    pub copies: u32,
    /// Places with at least one copy up.
    pub places: usize,
    /// Copies up that are not the approved version.
    pub not_approved: u32,
    /// Per design, by name.
    pub designs: BTreeMap<String, u32>,
    /// Per locale, by code.
    pub locales: BTreeMap<String, u32>,
}

/// The totals of a standing table.
pub fn totals(rows: &[Standing]) -> Totals {
    let mut t = Totals::default();
    let mut places = std::collections::BTreeSet::new();
    for r in rows.iter().filter(|r| r.up > 0) {
        t.copies = t.copies.saturating_add(r.up);
        if !r.approved() {
            t.not_approved = t.not_approved.saturating_add(r.up);
        }
        *t.designs.entry(r.design.clone()).or_default() += r.up;
        *t.locales.entry(r.locale.clone()).or_default() += r.up;
        places.insert(place_key(&r.place));
    }
    t.places = places.len();
    t
}

/// The report of one facility: what is up at the end of the range, and the log of the
/// range.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The facility's name (empty when the kit names none).
    pub facility: String,
    /// First day of the range (YYYY-MM-DD), if one was asked for.
    pub from: Option<String>,
    /// Last day of the range, if one was asked for.
    pub to: Option<String>,
    /// The day the report was made.
    pub made: String,
    /// What is up at the end of the range (from every record up to its last day).
    pub standing: Vec<Standing>,
    /// Totals of `standing`.
    pub totals: Totals,
    /// The records of the range, in the order they happened.
    pub events: Vec<Posting>,
}

/// What to say when the log is empty.
pub const NOTHING_YET: &str = "No postings recorded yet.";
/// How to record them.
pub const HOW_TO_RECORD: &str = "Staff record each posting in the web application's posting log (hotline-kit serve, then Posting log): what was posted, removed or replaced, where, how many and on which day.";

/// The report of `events` for `facility` between `from` and `to` (both days included,
/// YYYY-MM-DD; `None` leaves that end open), made on `made`.
pub fn report(
    facility: &str,
    events: &[Posting],
    from: Option<&str>,
    to: Option<&str>,
    made: &str,
) -> Report {
    let upto: Vec<Posting> = events
        .iter()
        .filter(|e| to.is_none_or(|t| e.date.as_str() <= t))
        .cloned()
        .collect();
    let standing = standing(&upto);
    let totals = totals(&standing);
    let events = chronological(&upto)
        .into_iter()
        .filter(|e| from.is_none_or(|f| e.date.as_str() >= f))
        .cloned()
        .collect();
    Report {
        facility: facility.trim().to_string(),
        from: from.map(str::to_string),
        to: to.map(str::to_string),
        made: made.to_string(),
        standing,
        totals,
        events,
    }
}

impl Report {
    /// "all records", "from 2026-01-01", "2026-01-01 to 2026-06-30", "up to 2026-06-30".
    pub fn range_text(&self) -> String {
        match (&self.from, &self.to) {
            (None, None) => "all records".into(),
            (Some(f), None) => format!("from {f}"),
            (None, Some(t)) => format!("up to {t}"),
            (Some(f), Some(t)) => format!("{f} to {t}"),
        }
    }

    /// Whether the range holds no records and nothing is up.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.standing.is_empty()
    }
}

#[cfg(test)]
mod tests;

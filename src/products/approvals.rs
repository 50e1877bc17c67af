//! `hotline-kit approve` and `hotline-kit status`: recording the advisory board's and
//! translators' approvals, and showing where every piece stands.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::Path;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::locale::Review;
use crate::load::project::Project;
use crate::products::kit::Selection;
use crate::review::{Approval, Signoff, State};
use crate::scene::Scene;

/// Who approves, and why.
#[derive(Debug, Clone)]
pub struct Reviewer {
    /// Name.
    pub by: String,
    /// Role ("survivor advisory board", "translator").
    pub role: String,
    /// Note.
    pub note: String,
    /// Date (YYYY-MM-DD).
    pub date: String,
}

/// What `approve` (or [`decide`]) did: lines for the command to print, and each
/// piece's state afterwards.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Lines to print.
    pub lines: Vec<String>,
    /// The pieces decided on.
    pub pieces: Vec<Decided>,
}

/// One piece a decision was asked for.
#[derive(Debug, Clone)]
pub struct Decided {
    /// Design.
    pub design: String,
    /// Locale.
    pub locale: String,
    /// The content hash decided on.
    pub hash: String,
    /// Whether an entry was added to the ledger (not when the reviewer's approval of
    /// this content was there already).
    pub recorded: bool,
    /// Where the piece stands afterwards, under the kit's rule.
    pub state: State,
}

/// A reviewer's decision on a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Approve the content as it is now.
    Approve,
    /// Ask for changes; the reason is required and kept in the ledger.
    RequestChanges {
        /// What needs to change, and why.
        reason: String,
    },
}

/// Longest reason for a request for changes, in characters.
pub const MAX_REASON: usize = 2000;

/// Record approvals of the selection's pieces in the ledger at `ledger_path`. The
/// pieces must pass every check first; pieces already approved as they are are left
/// alone. Nothing is written when anything fails.
pub fn approve_pieces(
    project: &Project,
    sel: &Selection,
    ledger_path: &Path,
    who: &Reviewer,
) -> Result<Outcome, Diagnostics> {
    record(project, sel, ledger_path, who, &Decision::Approve, None)
}

/// Record one reviewer's decision on every piece of the selection (what `approve
/// --request-changes` does); [`decide`] is the same for one piece, with the hash seen.
pub fn decide_all(
    project: &Project,
    sel: &Selection,
    ledger_path: &Path,
    who: &Reviewer,
    decision: Decision,
) -> Result<Outcome, Diagnostics> {
    record(project, sel, ledger_path, who, &decision, None)
}

/// Record one reviewer's decision on one piece (the selection must name exactly one
/// design and one locale): what the web application calls when a reviewer presses
/// "approve" or "request changes".
///
/// `seen_hash` is the content hash of the piece the reviewer was shown. When given and
/// the piece's content hash is now different (the piece changed since, or the hash
/// was forged), the decision is refused and nothing is written. The decision is
/// checked against the ledger as it is on disk under its lock, so decisions recorded
/// at the same moment (by the command line or another reviewer) are all kept.
pub fn decide(
    project: &Project,
    sel: &Selection,
    ledger_path: &Path,
    who: &Reviewer,
    decision: Decision,
    seen_hash: Option<&str>,
) -> Result<Outcome, Diagnostics> {
    let (designs, locales, _) = sel.resolve(project);
    if designs.len() != 1 || locales.len() != 1 {
        return Err(Diagnostic::error(format!(
            "a decision is about one piece; this selection has {} design(s) and {} locale(s)",
            designs.len(),
            locales.len()
        ))
        .hint("name one design and one locale")
        .into());
    }
    record(project, sel, ledger_path, who, &decision, seen_hash)
}

/// Record `decision` on every piece of the selection, under the ledger's lock.
fn record(
    project: &Project,
    sel: &Selection,
    ledger_path: &Path,
    who: &Reviewer,
    decision: &Decision,
    seen_hash: Option<&str>,
) -> Result<Outcome, Diagnostics> {
    check_reviewer(who, decision)?;
    let scenes = match decision {
        Decision::Approve => {
            crate::products::kit::prepare(project, sel)
                .map_err(|mut d| {
                    d.push(
                        Diagnostic::error("nothing was approved: fix the errors above first")
                            .hint("a piece that fails `hotline-kit check` cannot be approved"),
                    );
                    d
                })?
                .0
        }
        // A request for changes needs only a piece that can be laid out.
        Decision::RequestChanges { .. } => {
            let (designs, locales, _) = sel.resolve(project);
            let opts = sel.options_for(project);
            let mut scenes = Vec::new();
            for d in &designs {
                for l in &locales {
                    scenes.push(crate::products::kit::compile_with(project, d, l, &opts)?);
                }
            }
            scenes
        }
    };
    if let Some(seen) = seen_hash
        && let Some(s) = scenes.iter().find(|s| s.hash != seen)
    {
        return Err(Diagnostic::error(format!(
            "{} ({}) is not the content that was reviewed: it is {} now, the review was of {}",
            s.design,
            s.locale,
            short(&s.hash),
            short(seen)
        ))
        .hint("nothing was recorded; look at the piece as it is now and decide again")
        .into());
    }
    let rule = &sel.options.rule;
    crate::products::ledger_file::update(ledger_path, |ledger| {
        let mut out = Outcome::default();
        let mut added = 0;
        for s in &scenes {
            let recorded = match decision {
                Decision::Approve => approve_one(project, sel, ledger, s, who, &mut out)?,
                Decision::RequestChanges { reason } => {
                    ledger.request.push(crate::review::Request {
                        design: s.design.clone(),
                        locale: s.locale.clone(),
                        by: who.by.clone(),
                        role: who.role.clone(),
                        date: who.date.clone(),
                        reason: reason.trim().to_string(),
                        hash: s.hash.clone(),
                        after: ledger.approval.len(),
                        inputs: s.inputs.short(),
                    });
                    out.lines.push(format!(
                        "{} ({}): changes requested by {} ({}), content {}: {}",
                        s.design,
                        s.locale,
                        who.by,
                        who.role,
                        short(&s.hash),
                        crate::load::ledger::one_line(reason)
                    ));
                    true
                }
            };
            added += usize::from(recorded);
            out.pieces.push(Decided {
                design: s.design.clone(),
                locale: s.locale.clone(),
                hash: s.hash.clone(),
                recorded,
                state: ledger.state(&s.design, &s.locale, &s.inputs, rule),
            });
        }
        if added > 0 {
            let what = match decision {
                Decision::Approve => "approval(s)",
                Decision::RequestChanges { .. } => "request(s) for changes",
            };
            out.lines.push(format!(
                "recorded {added} {what} in {}",
                ledger_path.display()
            ));
        }
        Ok((out, added > 0))
    })
}

/// A reviewer's name, role and reason as the ledger can keep them: a name, no control
/// characters (they would rewrite a terminal's screen), a reason for a request.
fn check_reviewer(who: &Reviewer, decision: &Decision) -> Result<(), Diagnostics> {
    if who.by.trim().is_empty() {
        return Err(
            Diagnostic::error("--by is empty: an approval needs the reviewer's name")
                .hint("hotline-kit approve poster --locale es --by \"Maria R.\"")
                .into(),
        );
    }
    let unsafe_char = |t: &str, lines: bool| {
        t.chars().any(|c| {
            (c.is_control() && !(lines && (c == '\n' || c == '\t' || c == '\r')))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
    };
    for (what, t) in [
        ("--by", &who.by),
        ("--role", &who.role),
        ("--note", &who.note),
    ] {
        if unsafe_char(t, false) {
            return Err(
                Diagnostic::error(format!("{what} contains control characters"))
                    .hint("write it as plain text on one line")
                    .into(),
            );
        }
    }
    if let Decision::RequestChanges { reason } = decision {
        if reason.trim().is_empty() {
            return Err(Diagnostic::error(
                "a request for changes needs a reason: what should change, and why",
            )
            .hint("hotline-kit approve poster --locale es --by \"Ana\" --request-changes --reason \"the phone number is too small\"")
            .into());
        }
        if unsafe_char(reason, true) || reason.chars().count() > MAX_REASON {
            return Err(Diagnostic::error(format!(
                "the reason is not plain text of at most {MAX_REASON} characters"
            ))
            .hint("write the reason as plain text; control characters are not kept")
            .into());
        }
    }
    Ok(())
}

/// Record one approval in `ledger` (read under its lock) unless it is there already;
/// say what happened in `out`. Returns whether an approval was added.
fn approve_one(
    project: &Project,
    sel: &Selection,
    ledger: &mut crate::review::Ledger,
    s: &Scene,
    who: &Reviewer,
    out: &mut Outcome,
) -> Result<bool, Diagnostics> {
    let rule = &sel.options.rule;
    let now = ledger.state(&s.design, &s.locale, &s.inputs, rule);
    if let State::Approved { by, date, .. } = &now {
        out.lines.push(format!(
            "{} ({}): already approved by {by} on {date}, unchanged",
            s.design, s.locale
        ));
        return Ok(false);
    }
    if let State::Pending { approvals, .. } = &now
        && let Some(a) = approvals
            .iter()
            .find(|a| crate::load::ledger::same_name(&a.by, &who.by))
    {
        out.lines.push(format!(
            "{} ({}): already approved by {} on {}, unchanged; a reviewer counts once: {}",
            s.design,
            s.locale,
            a.by,
            a.date,
            now.waiting_for().join("; ")
        ));
        return Ok(false);
    }
    ledger.approval.push(Approval {
        design: s.design.clone(),
        locale: s.locale.clone(),
        by: who.by.clone(),
        role: who.role.clone(),
        date: who.date.clone(),
        note: who.note.clone(),
        hash: s.hash.clone(),
        inputs: s.inputs.short(),
    });
    out.lines.push(format!(
        "{} ({}): approved by {} ({}), content {}",
        s.design,
        s.locale,
        who.by,
        who.role,
        short(&s.hash)
    ));
    let after = ledger.state(&s.design, &s.locale, &s.inputs, rule);
    if !rule.counts(&who.role) {
        out.lines.push(format!(
            "  note: approvals in the role `{}` do not count under this kit's rule (it needs {})\n  hint: record the approval with --role and one of those roles, or see [review] in kit.toml",
            who.role,
            rule.roles.join(" or ")
        ));
    }
    if !matches!(after, State::Approved { .. }) {
        out.lines.push(format!(
            "  note: it stays marked DRAFT until the board's rule is met: {}",
            after.waiting_for().join("; ")
        ));
        return Ok(true);
    }
    // Still a draft for another reason? Say so now, not at print time.
    // A piece in two languages: the first language's catalog (the second's review
    // state is in the piece's own draft reason).
    let first = crate::load::spec::bilingual::locales_of(&s.locale)[0];
    let cat = project.catalog(first)?;
    let fallback = sel
        .options
        .fallback
        .as_deref()
        .and_then(|f| project.catalog(f).ok());
    let profile = project
        .design(&s.design)
        .ok()
        .and_then(|d| d.notice_of.as_ref())
        .and_then(|id| project.jurisdictions.get(id));
    let also = profile.map(|p| p.draft_notes()).unwrap_or_default();
    if let Some(why) =
        crate::review::draft_reason(cat, s.review, &s.fell_back, fallback, &after, &also)
    {
        let (until, hint) = match profile {
            Some(p) if !also.is_empty() => (
                "its jurisdiction profile is complete and verified",
                format!(
                    "complete and verify {} (see jurisdictions/README.md)",
                    p.source.path.display()
                ),
            ),
            _ => (
                "its text is reviewed",
                format!(
                    "hotline-kit approve --strings --locale {} --status translator-reviewed --by NAME",
                    s.locale
                ),
            ),
        };
        out.lines.push(format!(
            "  note: it stays marked DRAFT until {until}: {why}\n  hint: {hint}"
        ));
    }
    Ok(true)
}

/// Record a review of a locale's strings (all, or the ones named) in
/// `locales/review/CODE.toml` under the project folder, keeping comments and glosses.
pub fn approve_strings(
    project: &Project,
    root: &Path,
    locale: &str,
    messages: &[String],
    status: Review,
    who: &Reviewer,
) -> Result<Outcome, Diagnostics> {
    if who.by.trim().is_empty() {
        return Err(Diagnostic::error("--by is empty: a review needs the reviewer's name").into());
    }
    let cat = project.catalog(locale)?;
    if !matches!(
        status,
        Review::Translated | Review::TranslatorReviewed | Review::SurvivorReviewed
    ) {
        return Err(Diagnostic::error(format!(
            "--status {} cannot be recorded as a review",
            status.as_str()
        ))
        .hint("use translated, translator-reviewed or survivor-reviewed")
        .into());
    }
    // A regional variant's review file holds only its own messages; inherited ones are
    // reviewed in the base they come from.
    let ids: Vec<String> = if messages.is_empty() {
        cat.messages
            .keys()
            .filter(|id| !cat.inherited.contains_key(*id))
            .cloned()
            .collect()
    } else {
        let mut d = Diagnostics::default();
        for m in messages {
            if let Err(e) = cat.get(m) {
                d.push(e);
            } else if let Some(from) = cat.inherited.get(m) {
                d.push(
                    Diagnostic::error(format!(
                        "message `{m}` in `{locale}` is inherited from `{from}`: its review is recorded there"
                    ))
                    .hint(format!(
                        "approve it with --locale {from}, or override it in locales/{locale}.ftl first"
                    )),
                );
            }
        }
        if !d.is_empty() {
            return Err(d);
        }
        messages.to_vec()
    };
    let rel = format!("locales/review/{locale}.toml");
    let path = root.join(&rel);
    // The record as the project reads it (in a facility folder: its own copy, else the
    // shipped one), so that the file written there is complete.
    let text = match project.assets.read_text(&rel) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Diagnostic::error(format!("cannot read {rel}: {e}"))
                .in_file(&path)
                .into());
        }
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        Diagnostic::error(format!("{rel} is not valid TOML: {}", e.message())).in_file(&path)
    })?;
    for id in &ids {
        let gloss = cat.review.get(id).and_then(|r| r.gloss.clone());
        let t = doc
            .entry(id)
            .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
        let Some(t) = t.as_table_mut() else {
            return Err(Diagnostic::error(format!("{rel}: `{id}` is not a table"))
                .in_file(&path)
                .into());
        };
        t["status"] = toml_edit::value(status.as_str());
        t["by"] = toml_edit::value(who.by.as_str());
        t["date"] = toml_edit::value(who.date.as_str());
        if let (None, Some(g)) = (t.get("gloss"), gloss) {
            t["gloss"] = toml_edit::value(g);
        }
        if !who.note.is_empty() {
            t["note"] = toml_edit::value(who.note.as_str());
        }
        t["hash"] = toml_edit::value(crate::load::locale::text_hash(&cat.messages[id]));
    }
    crate::products::kit::write_atomic(&path, doc.to_string().as_bytes())?;
    Ok(Outcome {
        lines: vec![format!(
            "{} message(s) in {locale} recorded as {} by {} in {rel}",
            ids.len(),
            status.as_str(),
            who.by
        )],
        ..Outcome::default()
    })
}

/// A hash shortened for people: `sha256:` and 12 digits. Any text is safe here (a
/// forged hash from a web form): characters, not bytes, and only printable ones.
fn short(hash: &str) -> String {
    let h = hash.strip_prefix("sha256:").unwrap_or(hash);
    let digits: String = h
        .chars()
        .take(12)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    format!("sha256:{digits}")
}

/// One row of `status`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PieceStatus {
    /// Design.
    pub design: String,
    /// Locale.
    pub locale: String,
    /// `approved`, `draft`, `changed`, or `error` when it cannot be made.
    pub status: String,
    /// Ready to print (approved and nothing else keeps it a draft).
    pub printable: bool,
    /// The draft mark's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// Content hash.
    pub hash: String,
    /// Who approved it (or approved it before it changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_on: Option<String>,
    /// What changed since approval.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
    /// A `pending` or `requested` piece: approvals of its content that count so far.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approvals: Option<usize>,
    /// A `pending` or `requested` piece: approvals the kit's rule needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<u32>,
    /// What a `pending` or `requested` piece waits for, in words: "1 of 2 approvals
    /// (needs survivor leader)", "changes requested by Ana on 2026-11-30: ...".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waiting_for: Vec<String>,
    /// Open requests for changes of its content.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<Signoff>,
    /// Why it cannot be made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Review counts of one locale's strings.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StringCounts {
    /// Locale.
    pub locale: String,
    /// Status to number of messages.
    pub counts: BTreeMap<&'static str, usize>,
}

/// Everything `status` reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    /// Pieces.
    pub pieces: Vec<PieceStatus>,
    /// Translations.
    pub strings: Vec<StringCounts>,
}

/// Lay out the selection (without the content checks, so a status is always
/// available) and report each piece's approval state and each locale's string reviews.
pub fn status(project: &Project, sel: &Selection) -> Status {
    use rayon::prelude::*;
    let (designs, locales, _) = sel.resolve(project);
    let opts = sel.options_for(project);
    let jobs: Vec<(String, String)> = designs
        .iter()
        .flat_map(|d| locales.iter().map(move |l| (d.clone(), l.clone())))
        .collect();
    let pieces = jobs
        .par_iter()
        .map(
            |(d, l)| match crate::products::kit::compile_with(project, d, l, &opts) {
                Ok(s) => row(&s),
                Err(e) => PieceStatus {
                    design: d.clone(),
                    locale: l.clone(),
                    status: "error".into(),
                    printable: false,
                    draft: None,
                    hash: String::new(),
                    approved_by: None,
                    approved_on: None,
                    changes: Vec::new(),
                    approvals: None,
                    needed: None,
                    waiting_for: Vec::new(),
                    requests: Vec::new(),
                    error: Some(
                        e.0.iter()
                            .find(|x| x.severity == crate::base::diag::Severity::Error)
                            .map_or_else(|| "cannot be made".into(), |x| x.message.clone()),
                    ),
                },
            },
        )
        .collect();
    Status {
        pieces,
        strings: strings(project, &locales),
    }
}

/// [`status`] of pieces already made: the scenes of a build (each design x locale of
/// the selection that is among them, in the selection's order).
pub fn status_of(project: &Project, sel: &Selection, scenes: &[Scene]) -> Status {
    let (designs, locales, _) = sel.resolve(project);
    let pieces = designs
        .iter()
        .flat_map(|d| locales.iter().map(move |l| (d, l)))
        .filter_map(|(d, l)| {
            scenes
                .iter()
                .find(|s| &s.design == d && &s.locale == l)
                .map(row)
        })
        .collect();
    Status {
        pieces,
        strings: strings(project, &locales),
    }
}

/// How far each locale's strings are reviewed.
fn strings(project: &Project, locales: &[String]) -> Vec<StringCounts> {
    locales
        .iter()
        .filter_map(|l| project.catalogs.get(l))
        .map(|c| {
            let mut counts: BTreeMap<&'static str, usize> =
                Review::ALL.iter().map(|r| (r.as_str(), 0)).collect();
            for id in c.messages.keys() {
                *counts.entry(c.status(id).as_str()).or_default() += 1;
            }
            StringCounts {
                locale: c.code.clone(),
                counts,
            }
        })
        .collect()
}

fn row(s: &Scene) -> PieceStatus {
    let (by, on, changes) = match &s.approval {
        State::NotApproved => (None, None, Vec::new()),
        State::Approved { by, date, .. } => (Some(by.clone()), Some(date.clone()), Vec::new()),
        State::Changed { by, date, changes } => {
            (Some(by.clone()), Some(date.clone()), changes.clone())
        }
        State::Pending {
            approvals, changes, ..
        } => (
            approvals.last().map(|a| a.by.clone()),
            approvals.last().map(|a| a.date.clone()),
            changes.clone(),
        ),
    };
    let (approvals, needed, requests) = match &s.approval {
        State::Pending {
            approvals,
            needed,
            requests,
            ..
        } => (Some(approvals.len()), Some(*needed), requests.clone()),
        _ => (None, None, Vec::new()),
    };
    PieceStatus {
        design: s.design.clone(),
        locale: s.locale.clone(),
        status: s.approval.word().into(),
        printable: s.draft.is_none(),
        draft: s.draft.clone(),
        hash: s.hash.clone(),
        approved_by: by,
        approved_on: on,
        changes,
        approvals,
        needed,
        waiting_for: s.approval.waiting_for(),
        requests,
        error: None,
    }
}

/// One piece in the board's review queue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QueueEntry {
    /// The piece as `status` reports it (under the kit's rule).
    pub piece: PieceStatus,
    /// Approvals of its current content that count under the rule, oldest first.
    pub approvals: Vec<Signoff>,
    /// Approvals of its current content from roles the rule does not name.
    pub not_counted: Vec<Signoff>,
    /// Open requests for changes of its current content, oldest first.
    pub requests: Vec<Signoff>,
    /// Approvals the rule needs.
    pub needed: u32,
    /// Whether it waits for the board: it can be made and is not approved.
    pub waiting: bool,
}

/// The review queue: every piece of the selection with where it stands, its open
/// requests for changes and the approvals of its current content, read from the
/// ledger at `ledger_path` as it is on disk now (not the copy the selection was made
/// with).
pub fn review_queue(
    project: &Project,
    sel: &Selection,
    ledger_path: &Path,
) -> Result<Vec<QueueEntry>, Diagnostics> {
    let mut sel = sel.clone();
    sel.options.approvals = std::sync::Arc::new(crate::review::Ledger::load(ledger_path)?);
    let rule = &sel.options.rule;
    let st = status(project, &sel);
    Ok(st
        .pieces
        .into_iter()
        .map(|p| {
            let board = if p.hash.is_empty() {
                Default::default()
            } else {
                sel.options
                    .approvals
                    .board(&p.design, &p.locale, &p.hash, rule)
            };
            QueueEntry {
                waiting: p.status != "error" && p.status != "approved",
                approvals: board.approvals,
                not_counted: board.not_counted,
                requests: board.requests,
                needed: rule.approvals,
                piece: p,
            }
        })
        .collect())
}

/// The status as text: a design x locale table, what changed, and string reviews.
/// `color` adds terminal colours.
pub fn status_text(st: &Status, color: bool) -> String {
    let paint = |word: &str, printable: bool| -> String {
        let code = match (word, printable) {
            ("approved", true) => "32",
            ("approved", false) | ("changed", _) | ("pending", _) => "33",
            _ => "31",
        };
        let shown = match (word, printable) {
            ("approved", false) => "approved*",
            _ => word,
        };
        if color {
            format!("\x1b[{code}m{shown:<10}\x1b[0m")
        } else {
            format!("{shown:<10}")
        }
    };
    let mut designs: Vec<&str> = st.pieces.iter().map(|p| p.design.as_str()).collect();
    designs.dedup();
    let mut locales: Vec<&str> = st.pieces.iter().map(|p| p.locale.as_str()).collect();
    locales.sort();
    locales.dedup();
    let mut out = String::new();
    let w = designs.iter().map(|d| d.len()).max().unwrap_or(6).max(6) + 2;
    out.push_str(&format!("{:<w$}", "design"));
    for l in &locales {
        out.push_str(&format!("{l:<10}"));
    }
    out.push('\n');
    for d in &designs {
        out.push_str(&format!("{d:<w$}"));
        for l in &locales {
            match st.pieces.iter().find(|p| p.design == *d && p.locale == *l) {
                Some(p) => out.push_str(&paint(&p.status, p.printable)),
                None => out.push_str(&format!("{:<10}", "-")),
            }
        }
        out.push('\n');
    }
    let n = st.pieces.len();
    let ok = st.pieces.iter().filter(|p| p.printable).count();
    out.push_str(&format!(
        "\n{ok} of {n} pieces are approved for print. draft = not approved; changed = changed since approval; approved* = approved, but its text still needs review\n"
    ));
    let changed: Vec<&PieceStatus> = st.pieces.iter().filter(|p| p.status == "changed").collect();
    if !changed.is_empty() {
        out.push_str("\nchanged since approval:\n");
        for p in changed {
            out.push_str(&format!(
                "  {} ({}), approved by {} on {}: {}\n",
                p.design,
                p.locale,
                p.approved_by.as_deref().unwrap_or("?"),
                p.approved_on.as_deref().unwrap_or("?"),
                p.changes.join(", ")
            ));
        }
    }
    if st
        .pieces
        .iter()
        .any(|p| matches!(p.status.as_str(), "pending" | "requested"))
    {
        out.push_str("pending = fewer approvals than the kit's [review] rule needs; requested = changes requested\n\nwaiting for the board:\n");
        for p in st.pieces.iter().filter(|p| !p.waiting_for.is_empty()) {
            out.push_str(&format!(
                "  {} ({}): {}\n",
                p.design,
                p.locale,
                p.waiting_for.join("; ")
            ));
            if !p.changes.is_empty() {
                out.push_str(&format!(
                    "    changed since the last approval: {}\n",
                    p.changes.join(", ")
                ));
            }
        }
    }
    let waiting: Vec<&PieceStatus> = st
        .pieces
        .iter()
        .filter(|p| p.status == "approved" && !p.printable)
        .collect();
    if !waiting.is_empty() {
        out.push_str("\napproved, but still marked DRAFT:\n");
        for p in waiting {
            out.push_str(&format!(
                "  {} ({}): {}\n",
                p.design,
                p.locale,
                p.draft.as_deref().unwrap_or("")
            ));
        }
    }
    for p in st.pieces.iter().filter(|p| p.status == "error") {
        out.push_str(&format!(
            "\n{} ({}) cannot be made: {} (run hotline-kit check)\n",
            p.design,
            p.locale,
            p.error.as_deref().unwrap_or("")
        ));
    }
    out.push_str("\nstrings by review status:\n");
    out.push_str(&format!("  {:<8}", "locale"));
    for r in Review::ALL {
        out.push_str(&format!(" {:>19}", r.as_str()));
    }
    out.push('\n');
    for s in &st.strings {
        out.push_str(&format!("  {:<8}", s.locale));
        for r in Review::ALL {
            out.push_str(&format!(" {:>19}", s.counts.get(r.as_str()).unwrap_or(&0)));
        }
        out.push('\n');
    }
    out
}

/// Whether `status` output should be coloured: a terminal, and NO_COLOR unset.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

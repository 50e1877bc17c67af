//! The approvals ledger (`reviews/approvals.toml`) and what it says of a piece: the
//! inputs a piece is made of (each with a short hash), the content hash over them, and
//! where a piece with those inputs stands (approved, changed since approval, or draft).
//! The content hash itself is computed by the review stage from a laid-out piece.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::hash::digest;

/// Where a piece stands with the advisory board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum State {
    /// No approval recorded for this design and locale.
    #[default]
    NotApproved,
    /// Approved, and the content is exactly what was approved.
    Approved {
        /// Reviewer.
        by: String,
        /// Their role.
        role: String,
        /// When (YYYY-MM-DD).
        date: String,
    },
    /// Approved once, but the content has changed since.
    Changed {
        /// Reviewer of the last approval.
        by: String,
        /// Its date.
        date: String,
        /// What changed, in words ("message poster-headline in es").
        changes: Vec<String>,
    },
    /// The board has spoken about this content but the kit's rule ([`Rule`]) is not
    /// met yet: fewer approvals than it needs (or none from the roles it names), or an
    /// open request for changes. Never the state of a kit with the default rule and a
    /// ledger without requests.
    Pending {
        /// Approvals of this content that count, oldest first.
        approvals: Vec<Signoff>,
        /// How many the rule needs.
        needed: u32,
        /// Roles whose approvals count (empty: any role).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        roles: Vec<String>,
        /// Approvals of this content that do not count (a role the rule does not name).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        not_counted: Vec<Signoff>,
        /// Open requests for changes of this content, oldest first.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        requests: Vec<Signoff>,
        /// What changed since the last approval of other content, when no approval of
        /// this content counts yet.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        changes: Vec<String>,
    },
}

/// One reviewer's word on a piece: an approval, or a request for changes with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signoff {
    /// Reviewer.
    pub by: String,
    /// Their role.
    pub role: String,
    /// When (YYYY-MM-DD).
    pub date: String,
    /// Why changes are needed (requests only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl State {
    /// One word for tables: `draft`, `approved` or `changed`.
    pub fn word(&self) -> &'static str {
        match self {
            State::NotApproved => "draft",
            State::Approved { .. } => "approved",
            State::Changed { .. } => "changed",
            State::Pending { requests, .. } if !requests.is_empty() => "requested",
            State::Pending { .. } => "pending",
        }
    }

    /// What a pending piece still needs, in words: "1 of 2 approvals (needs survivor
    /// leader)", "changes requested by Ana on 2026-11-30: the number is too small";
    /// empty for the other states.
    pub fn waiting_for(&self) -> Vec<String> {
        let State::Pending {
            approvals,
            needed,
            roles,
            requests,
            ..
        } = self
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if approvals.len() < *needed as usize {
            let mut w = format!("{} of {needed} approvals", approvals.len());
            if !roles.is_empty() {
                w.push_str(&format!(" (needs {})", roles.join(" or ")));
            }
            out.push(w);
        }
        for r in requests {
            out.push(format!(
                "changes requested by {} on {}: {}",
                r.by,
                r.date,
                one_line(&r.reason)
            ));
        }
        out
    }
}

/// Text on one line: every run of white space (new lines included) as one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The inputs of one piece: name (`design poster`, `message rf-pay`, `image ...`,
/// `font ...`, `hotline`, `resources`, `qr`, `locale`) to a short hash of its content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Inputs(pub BTreeMap<String, String>);

/// How many hex digits of each input's hash the ledger keeps: enough to tell which
/// input changed; the content hash itself covers the full digests.
const SHORT: usize = 16;

impl Inputs {
    /// Record one input.
    pub fn add(&mut self, name: impl Into<String>, digest: String) {
        self.0.insert(name.into(), digest);
    }

    /// The content hash: SHA-256 over every input's name and digest, in name order.
    pub fn hash(&self) -> String {
        let mut s = String::new();
        for (k, v) in &self.0 {
            s.push_str(k);
            s.push('\t');
            s.push_str(v);
            s.push('\n');
        }
        format!("sha256:{}", digest(s.as_bytes()))
    }

    /// The same inputs with shortened digests, as the ledger stores them.
    pub fn short(&self) -> Inputs {
        Inputs(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), v.chars().take(SHORT).collect()))
                .collect(),
        )
    }

    /// What differs from an approval's inputs, in words: "message poster-headline in
    /// es", "image woman-farmer-dark", "message rf-pay in es (added)".
    pub fn changes(&self, approved: &Inputs, locale: &str) -> Vec<String> {
        let now = self.short();
        let words = |k: &str| -> String {
            match k.split_once(' ') {
                Some(("message", id)) => format!("message {id} in {locale}"),
                Some(("locale", _)) => format!("locale settings of {locale}"),
                _ => k.to_string(),
            }
        };
        let mut out = Vec::new();
        for (k, v) in &now.0 {
            match approved.0.get(k) {
                Some(a) if a == v => {}
                Some(_) => out.push(words(k)),
                None => out.push(format!("{} (added)", words(k))),
            }
        }
        for k in approved.0.keys() {
            if !now.0.contains_key(k) {
                out.push(format!("{} (removed)", words(k)));
            }
        }
        // The layout follows from the other inputs; name it only when it changed on its
        // own (a newer hotline-kit placing things differently).
        if out.len() > 1 {
            out.retain(|c| c != "layout");
        }
        if out == ["layout"] {
            out[0] = "layout (where things sit on the page; a newer hotline-kit?)".into();
        }
        out
    }
}

/// One recorded approval of a piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Design name.
    pub design: String,
    /// Locale code.
    pub locale: String,
    /// Reviewer's name.
    pub by: String,
    /// Reviewer's role ("survivor advisory board", "translator"...).
    pub role: String,
    /// Date (YYYY-MM-DD).
    pub date: String,
    /// Their note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The content hash approved.
    pub hash: String,
    /// The inputs that hash covered (shortened digests), to tell what changed later.
    pub inputs: Inputs,
}

/// One recorded request for changes of a piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// Design name.
    pub design: String,
    /// Locale code.
    pub locale: String,
    /// Reviewer's name.
    pub by: String,
    /// Reviewer's role.
    pub role: String,
    /// Date (YYYY-MM-DD).
    pub date: String,
    /// What needs to change, and why.
    pub reason: String,
    /// The content hash the reviewer saw.
    pub hash: String,
    /// How many approvals the ledger held when the request was recorded: approvals
    /// from that place on came after it.
    pub after: usize,
    /// The inputs that hash covered (shortened digests).
    pub inputs: Inputs,
}

/// The approvals ledger, `reviews/approvals.toml`: every approval and request for
/// changes ever recorded, oldest first. Only ever appended to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Approvals, oldest first.
    #[serde(default)]
    pub approval: Vec<Approval>,
    /// Requests for changes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub request: Vec<Request>,
}

/// The board's rule: when a piece counts as approved (`[review]` in kit.toml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Approvals of the same content needed, by distinct reviewers (at least 1).
    pub approvals: u32,
    /// Only approvals from these roles count (empty: any role).
    pub roles: Vec<String>,
    /// An open request for changes keeps a piece a draft.
    pub open_requests_block: bool,
}

impl Default for Rule {
    /// One approval of the current content, from any role; an open request blocks.
    fn default() -> Self {
        Rule {
            approvals: 1,
            roles: Vec::new(),
            open_requests_block: true,
        }
    }
}

impl Rule {
    /// Whether an approval in `role` counts under this rule.
    pub fn counts(&self, role: &str) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| same_name(r, role))
    }
}

/// Whether two names (of reviewers or roles) are the same person or role: compared
/// without case, accents, invisible characters or differences in spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

fn name_key(name: &str) -> String {
    one_line(&crate::load::content::fold(name))
}

/// What the ledger says of one piece's current content under a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Board {
    /// Approvals of this content that count (one per reviewer, the newest), oldest first.
    pub approvals: Vec<Signoff>,
    /// Approvals of this content from roles the rule does not name.
    pub not_counted: Vec<Signoff>,
    /// Open requests for changes of this content, oldest first.
    pub requests: Vec<Signoff>,
}

/// Where the ledger lives, relative to the kit's folder.
pub const LEDGER: &str = "reviews/approvals.toml";

const LEDGER_HEADER: &str =
    "# Approvals of hotline-kit pieces by the survivor advisory board, written by
# `hotline-kit approve`. Each approval is bound to the piece's content hash: when any
# input changes (design, strings, images, fonts, hotline facts, local resources, QR),
# the piece is a draft again until it is approved anew. `inputs` says what the hash
# covered, so `hotline-kit status` can name what changed. Newest entries are last;
# keep old ones as history.

";

impl Ledger {
    /// Parse the ledger.
    pub fn parse(
        src: &std::sync::Arc<crate::base::diag::Source>,
    ) -> Result<Self, crate::base::diag::Diagnostic> {
        toml::from_str(&src.text).map_err(|e| {
            crate::base::diag::Diagnostic::error(format!(
                "approvals ledger is not valid: {}",
                e.message().trim()
            ))
            .at(src, e.span())
            .hint("record approvals with `hotline-kit approve`; each needs design, locale, by, role, date, hash and inputs")
        })
    }

    /// Read the ledger at `path`; a missing file is an empty ledger.
    pub fn load(path: &std::path::Path) -> Result<Self, crate::base::diag::Diagnostic> {
        match std::fs::read_to_string(path) {
            Ok(t) => Self::parse(&crate::base::diag::Source::new(path.to_path_buf(), t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(crate::base::diag::Diagnostic::error(format!(
                "cannot read {}: {e}",
                path.display()
            ))),
        }
    }

    /// The ledger as TOML, with its explanatory header.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!("{LEDGER_HEADER}{body}")
    }

    /// The newest approval of a design in a locale.
    pub fn latest(&self, design: &str, locale: &str) -> Option<&Approval> {
        self.approval
            .iter()
            .rev()
            .find(|a| a.design == design && a.locale == locale)
    }

    /// What the ledger says of a piece whose current content hash is `hash`.
    ///
    /// Approvals count from the newest approval of the design and locale back to the
    /// newest approval of other content: once the board approved a newer version, an
    /// older approval never comes back, even if the content returns to that version.
    /// Each reviewer counts once. A request for changes is open while the content is
    /// still what the reviewer saw and the same reviewer has not approved it since; a
    /// reviewer's own earlier approval of that content no longer counts.
    pub fn board(&self, design: &str, locale: &str, hash: &str, rule: &Rule) -> Board {
        let mine = |d: &str, l: &str| d == design && l == locale;
        let requests: Vec<&Request> = self
            .request
            .iter()
            .filter(|r| mine(&r.design, &r.locale) && r.hash == hash)
            .filter(|r| {
                !self.approval.iter().skip(r.after).any(|a| {
                    mine(&a.design, &a.locale) && a.hash == hash && same_name(&a.by, &r.by)
                })
            })
            .collect();
        let mut round: Vec<&Approval> = self
            .approval
            .iter()
            .rev()
            .filter(|a| mine(&a.design, &a.locale))
            .take_while(|a| a.hash == hash)
            .filter(|a| !requests.iter().any(|r| same_name(&r.by, &a.by)))
            .collect();
        // The newest approval of each reviewer.
        let mut seen: Vec<String> = Vec::new();
        round.retain(|a| {
            let k = name_key(&a.by);
            let new = !seen.contains(&k);
            seen.push(k);
            new
        });
        round.reverse();
        let sign = |by: &str, role: &str, date: &str, reason: &str| Signoff {
            by: by.to_string(),
            role: role.to_string(),
            date: date.to_string(),
            reason: reason.to_string(),
        };
        let (counted, not_counted): (Vec<&Approval>, Vec<&Approval>) =
            round.into_iter().partition(|a| rule.counts(&a.role));
        Board {
            approvals: counted
                .iter()
                .map(|a| sign(&a.by, &a.role, &a.date, ""))
                .collect(),
            not_counted: not_counted
                .iter()
                .map(|a| sign(&a.by, &a.role, &a.date, ""))
                .collect(),
            requests: requests
                .iter()
                .map(|r| sign(&r.by, &r.role, &r.date, &r.reason))
                .collect(),
        }
    }

    /// Where a piece with these inputs stands under the board's rule.
    pub fn state(&self, design: &str, locale: &str, inputs: &Inputs, rule: &Rule) -> State {
        let hash = inputs.hash();
        let board = self.board(design, locale, &hash, rule);
        let blocked = rule.open_requests_block && !board.requests.is_empty();
        if board.approvals.len() >= rule.approvals.max(1) as usize && !blocked {
            let a = board.approvals.last().expect("at least one approval");
            return State::Approved {
                by: a.by.clone(),
                role: a.role.clone(),
                date: a.date.clone(),
            };
        }
        let changes = || match self.latest(design, locale) {
            Some(a) if a.hash != hash => self.changes_since(a, locale, inputs),
            _ => Vec::new(),
        };
        if board == Board::default() {
            return match self.latest(design, locale) {
                None => State::NotApproved,
                Some(a) => State::Changed {
                    by: a.by.clone(),
                    date: a.date.clone(),
                    changes: changes(),
                },
            };
        }
        State::Pending {
            approvals: board.approvals,
            needed: rule.approvals.max(1),
            roles: rule.roles.clone(),
            not_counted: board.not_counted,
            requests: board.requests,
            changes: changes(),
        }
    }

    /// What changed since approval `a`, in words.
    fn changes_since(&self, a: &Approval, locale: &str, inputs: &Inputs) -> Vec<String> {
        let mut changes = inputs.changes(&a.inputs, locale);
        if changes.is_empty() {
            // The recorded inputs match but the hash does not: the ledger entry was
            // edited by hand.
            changes.push("the recorded hash does not match its inputs".into());
        }
        changes
    }
}

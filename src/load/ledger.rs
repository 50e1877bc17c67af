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
}

impl State {
    /// One word for tables: `draft`, `approved` or `changed`.
    pub fn word(&self) -> &'static str {
        match self {
            State::NotApproved => "draft",
            State::Approved { .. } => "approved",
            State::Changed { .. } => "changed",
        }
    }
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

/// The approvals ledger, `reviews/approvals.toml`: every approval ever recorded, oldest
/// first; the newest for a design and locale is the one that counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Approvals, oldest first.
    #[serde(default)]
    pub approval: Vec<Approval>,
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

    /// Where a piece with these inputs stands.
    pub fn state(&self, design: &str, locale: &str, inputs: &Inputs) -> State {
        match self.latest(design, locale) {
            None => State::NotApproved,
            Some(a) if a.hash == inputs.hash() => State::Approved {
                by: a.by.clone(),
                role: a.role.clone(),
                date: a.date.clone(),
            },
            Some(a) => {
                let mut changes = inputs.changes(&a.inputs, locale);
                if changes.is_empty() {
                    // The recorded inputs match but the hash does not: the ledger entry
                    // was edited by hand.
                    changes.push("the recorded hash does not match its inputs".into());
                }
                State::Changed {
                    by: a.by.clone(),
                    date: a.date.clone(),
                    changes,
                }
            }
        }
    }
}

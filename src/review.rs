//! Survivor advisory board review: approvals bound to the exact content of a piece.
//!
//! A piece's content hash covers everything that determines what it shows: the design
//! file, the strings it uses in its locale, the locale's settings, the illustration
//! files, the font files, the hotline facts, the kit's local resources and the QR
//! payload. Each of these is an *input* with its own short hash, so when a piece changes
//! after approval, `status` can say which input changed. The approvals ledger
//! (`reviews/approvals.toml`) records the hash and the inputs with each approval.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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

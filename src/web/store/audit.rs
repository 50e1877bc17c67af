//! The audit log: every change made through the web application (and account changes
//! from the command line): who, when, from where, what, before and after.

use rusqlite::params;
use serde::Serialize;

use super::{Store, db_error, now_text};
use crate::base::diag::Diagnostic;

/// One audit record.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Row id.
    pub id: i64,
    /// When (UTC).
    pub at: String,
    /// Who (account name, or `command line`).
    pub actor: String,
    /// Their address (web) or `local`.
    pub address: String,
    /// What they did (`login`, `approve`, `kit.update`...).
    pub action: String,
    /// What it was done to (`poster/es`, `user Ana`...).
    pub target: String,
    /// The value before (text or JSON; empty for new things).
    pub before: String,
    /// The value after.
    pub after: String,
}

/// What is recorded.
#[derive(Debug, Clone, Default)]
pub struct Change<'a> {
    /// Who.
    pub actor: &'a str,
    /// From where.
    pub address: &'a str,
    /// What.
    pub action: &'a str,
    /// To what.
    pub target: &'a str,
    /// Before.
    pub before: &'a str,
    /// After.
    pub after: &'a str,
}

impl Store {
    /// Record a change.
    pub fn audit(&self, ch: &Change<'_>) -> Result<(), Diagnostic> {
        self.conn()?
            .execute(
                "INSERT INTO audit (at, actor, address, action, target, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![now_text(), ch.actor, ch.address, ch.action, ch.target, ch.before, ch.after],
            )
            .map(|_| ())
            .map_err(|e| db_error(self.path(), e))
    }

    /// The newest `limit` records, newest first.
    pub fn audit_log(&self, limit: i64) -> Result<Vec<Entry>, Diagnostic> {
        let c = self.conn()?;
        let mut st = c
            .prepare("SELECT id, at, actor, address, action, target, before, after FROM audit ORDER BY id DESC LIMIT ?1")
            .map_err(|e| db_error(self.path(), e))?;
        st.query_map([limit], |r| {
            Ok(Entry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                address: r.get(3)?,
                action: r.get(4)?,
                target: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| db_error(self.path(), e))
    }
}

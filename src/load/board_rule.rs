//! The kit file's `[review]`: the survivor advisory board's rule for when a piece is
//! approved ([`crate::load::ledger::Rule`]), checked setting by setting so that a
//! mistake names its line in kit.toml.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::ledger::Rule;

/// `[review]` as written: each setting with its place in the file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct ReviewSection(pub BTreeMap<String, Spanned<toml::Value>>);

/// The settings `[review]` takes.
const KEYS: &[&str] = &["approvals", "roles", "open_requests_block"];

/// The most approvals a rule may ask for: more is a typo, not a board.
const MOST: i64 = 100;

impl ReviewSection {
    /// The rule it sets, defaults filled in (one approval, any role, open requests
    /// block); every mistake is an error at its line in `src`.
    pub fn rule(&self, src: &Arc<Source>) -> Result<Rule, Diagnostics> {
        let mut rule = Rule::default();
        let mut d = Diagnostics::default();
        for (key, v) in &self.0 {
            let err = |m: String| Diagnostic::error(m).at(src, Some(v.span()));
            match (key.as_str(), v.get_ref()) {
                ("approvals", toml::Value::Integer(n)) if (1..=MOST).contains(n) => {
                    rule.approvals = *n as u32;
                }
                ("approvals", toml::Value::Integer(n)) if *n < 1 => d.push(
                    err(format!(
                        "[review] approvals = {n}: a piece needs at least one approval"
                    ))
                    .hint("approvals = 2 means two different reviewers approve the same content; leave it out for one"),
                ),
                ("approvals", value) => d.push(
                    err(format!(
                        "[review] approvals = {value}: not a number of approvals from 1 to {MOST}"
                    ))
                    .hint("write a whole number without quotes, e.g. approvals = 2"),
                ),
                ("roles", toml::Value::Array(list)) => match role_names(list) {
                    Some(names) if !names.is_empty() => rule.roles = names,
                    Some(_) => d.push(
                        err("[review] roles = []: no approval could ever count".into())
                            .hint("leave roles out to count approvals from any role, or name them: roles = [\"survivor leader\"]"),
                    ),
                    None => d.push(
                        err("[review] roles: every role must be a name in quotes".into())
                            .hint("roles = [\"survivor leader\"] (as given to `hotline-kit approve --role`)"),
                    ),
                },
                ("roles", value) => d.push(
                    err(format!("[review] roles = {value}: not a list of roles"))
                        .hint("write a list in square brackets, even for one role: roles = [\"survivor leader\"]"),
                ),
                ("open_requests_block", toml::Value::Boolean(b)) => rule.open_requests_block = *b,
                ("open_requests_block", value) => d.push(
                    err(format!(
                        "[review] open_requests_block = {value}: must be true or false"
                    ))
                    .hint("open_requests_block = true keeps a piece a draft while a request for changes is open"),
                ),
                (other, _) => d.push(
                    err(format!("[review] has no setting `{other}`"))
                        .hint(format!("[review] takes {}", KEYS.join(", "))),
                ),
            }
        }
        if d.has_errors() { Err(d) } else { Ok(rule) }
    }
}

/// The role names of a `roles` list, trimmed; `None` when one is not a non-empty string.
fn role_names(list: &[toml::Value]) -> Option<Vec<String>> {
    list.iter()
        .map(|r| match r {
            toml::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
        .collect()
}

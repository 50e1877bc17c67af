//! `hotline-kit approve`: record an approval of a piece (bound to its content hash) or
//! of a locale's strings.

use super::args::{Fallback, Global};
use super::context::{load, load_kit, selection};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::locale::Review;
use crate::products::approvals::{Decision, Reviewer};

/// Arguments of `approve`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("fallback", |a| a.help("Allow this locale's text where a locale lacks a message"))
)]
pub struct Args {
    /// Design to approve (see `hotline-kit list`); leave out with --strings.
    #[arg(value_name = "DESIGN", required_unless_present = "strings")]
    pub design: Option<String>,
    /// Locale (repeat for several; `all` for every locale).
    // Its own argument, not the shared [`Locales`]: it is required here, and a required
    // argument keeps its place in the usage line only when declared in place.
    #[arg(long = "locale", value_name = "CODE", required = true)]
    pub locales: Vec<String>,
    /// Reviewer's name.
    #[arg(long, value_name = "NAME")]
    pub by: String,
    /// Reviewer's role.
    #[arg(long, default_value = "survivor advisory board")]
    pub role: String,
    /// A note kept with the approval.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Approve a locale's strings instead of a piece.
    #[arg(long, conflicts_with = "design")]
    pub strings: bool,
    /// With --strings: only these messages (repeat; default: all of the locale's).
    #[arg(long = "message", value_name = "ID", requires = "strings")]
    pub messages: Vec<String>,
    /// With --strings: translated, translator-reviewed or survivor-reviewed.
    #[arg(long, value_name = "STATUS", requires = "strings")]
    pub status: Option<String>,
    /// Record a request for changes instead of an approval (needs --reason). While it
    /// is open the piece stays a draft (see [review] in kit.toml).
    #[arg(long, conflicts_with = "strings", requires = "reason")]
    pub request_changes: bool,
    /// With --request-changes: what should change, and why.
    #[arg(long, value_name = "TEXT", requires = "request_changes")]
    pub reason: Option<String>,
    /// Fallback locale.
    #[command(flatten)]
    pub fallback: Fallback,
}

/// Run `approve`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let p = load(&g.project)?;
    let who = Reviewer {
        by: a.by,
        role: a.role,
        note: a.note,
        date: crate::checks::check::format_date(crate::checks::check::today()),
    };
    let locales = a.locales;
    let out = if a.strings {
        let level = review_level(a.status.as_deref())?;
        let [locale] = locales.as_slice() else {
            return Err(Diagnostic::error("--strings records one locale at a time")
                .hint("give exactly one --locale CODE")
                .into());
        };
        crate::products::approvals::approve_strings(
            &p,
            &g.project,
            locale,
            &a.messages,
            level,
            &who,
        )?
    } else {
        let designs = a.design.into_iter().collect();
        let sel = selection(&kit, designs, locales, vec![], a.fallback.fallback)?;
        match a.reason {
            Some(reason) if a.request_changes => crate::products::approvals::decide_all(
                &p,
                &sel,
                &kit.ledger(),
                &who,
                Decision::RequestChanges { reason },
            )?,
            _ => {
                let mut out =
                    crate::products::approvals::approve_pieces(&p, &sel, &kit.ledger(), &who)?;
                // Keep an image of what was approved, to compare with when it changes.
                out.lines
                    .extend(crate::products::approved_images::save_decided(
                        &p,
                        &sel,
                        &g.project,
                        &out.pieces,
                    ));
                out
            }
        }
    };
    for l in out.lines {
        eprintln!("{l}");
    }
    Ok(())
}

/// The review level `--status` names (default: translator-reviewed).
fn review_level(status: Option<&str>) -> Result<Review, Diagnostic> {
    let status = status.unwrap_or("translator-reviewed");
    Review::ALL
        .into_iter()
        .find(|r| r.as_str() == status)
        .ok_or_else(|| {
            Diagnostic::error(format!("unknown --status `{status}`"))
                .hint("use translated, translator-reviewed or survivor-reviewed")
        })
}

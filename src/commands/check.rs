//! `hotline-kit check`: designs, translations and pieces checked without writing
//! anything; with `--jurisdiction`, the state notice against a state posting law.

use std::path::Path;

use super::args::{Global, Pick, ReportFormat};
use super::context::{Kit, load, load_kit, pick_selection, selection};
use super::report::print_diags;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::kitfile::ComplianceSection;
use crate::products::kit::{self, Selection};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("designs", |a| a.help("Design to check (repeat; default: all)")),
    mut_arg("locales", |a| a.help(
        "Locale to check (repeat; `all` for every locale; default: en and es)"
    )),
    mut_arg("fallback", |a| a.help("Allow this locale's text where a locale lacks a message"))
)]
pub struct Args {
    /// Designs, locales and the fallback locale.
    #[command(flatten)]
    pub pick: Pick,
    /// text (compiler style) or json (for tools).
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Check the kit's state notice against a state posting law instead
    /// (`jurisdictions/ID.toml`, e.g. us-ca; without ID: the kit's [compliance]).
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    pub jurisdiction: Option<String>,
    /// With --jurisdiction: the extra language the law asks for, e.g. the county's
    /// Voting Rights Act language (a locale code).
    #[arg(long, value_name = "CODE", alias = "extra-language")]
    pub county_language: Option<String>,
}

/// Run `check`.
pub fn run(a: Args, g: &Global) -> Result<(), Diagnostics> {
    let kit = load_kit(&g.project, g.kit.as_deref())?;
    let compliance = kit.file.as_ref().and_then(|k| k.compliance.clone());
    let jurisdiction = jurisdiction(a.jurisdiction, compliance.as_ref())?;
    match jurisdiction {
        Some(j) => {
            let county = a.county_language.or_else(|| {
                compliance
                    .as_ref()
                    .filter(|c| c.jurisdiction == j)
                    .and_then(|c| c.county_language.clone())
            });
            notice(&a.pick, a.format, &j, county.as_deref(), &kit, g)
        }
        None => {
            check(&g.project, pick_selection(&kit, a.pick)?, a.format)?;
            if let (Some(c), ReportFormat::Text) = (&compliance, a.format) {
                eprintln!(
                    "note: kit.toml follows {}: `hotline-kit check --jurisdiction` checks the state notice against it",
                    c.jurisdiction
                );
            }
            Ok(())
        }
    }
}

/// `--jurisdiction` alone takes the kit's; plain `check` stays the content check.
fn jurisdiction(
    given: Option<String>,
    compliance: Option<&ComplianceSection>,
) -> Result<Option<String>, Diagnostic> {
    match given.as_deref() {
        Some("") => compliance
            .map(|c| Some(c.jurisdiction.clone()))
            .ok_or_else(|| {
                Diagnostic::error(
                    "--jurisdiction without an ID needs [compliance] jurisdiction in kit.toml",
                )
                .hint("name one, e.g. --jurisdiction us-ca (profiles are in jurisdictions/)")
            }),
        _ => Ok(given),
    }
}

/// The state notice against jurisdiction `j`, rule by rule; fails if any rule is not met.
fn notice(
    pick: &Pick,
    format: ReportFormat,
    j: &str,
    county: Option<&str>,
    kit: &Kit,
    g: &Global,
) -> Result<(), Diagnostics> {
    let designs = &pick.designs.designs;
    if designs.len() > 1 {
        return Err(Diagnostic::error(
            "--jurisdiction checks one notice: give at most one --design",
        )
        .into());
    }
    let p = load(&g.project)?;
    let sel = selection(kit, vec![], vec![], vec![], pick.fallback.fallback.clone())?;
    let report = crate::products::compliance_report::run(
        &p,
        &sel,
        &crate::products::compliance_report::Request {
            jurisdiction: j,
            county,
            design: designs.first().map(String::as_str),
            locales: &pick.locales.locales,
        },
    )?;
    match format {
        ReportFormat::Json => {
            crate::emit(&(serde_json::to_string_pretty(&report).expect("JSON") + "\n"))
        }
        ReportFormat::Text => crate::emit(&report.text()),
    }
    if report.failed() {
        return Err(Diagnostics::default());
    }
    Ok(())
}

/// The content check: every piece made in memory and checked; diagnostics as text or
/// JSON.
fn check(project: &Path, sel: Selection, format: ReportFormat) -> Result<(), Diagnostics> {
    // A facility folder's own copies of shipped files are named first, errors or not.
    let diags = match load(project).inspect(crate::products::facility::print_overrides) {
        Ok(p) => match kit::prepare(&p, &sel).and_then(|r| {
            let audit = crate::products::sheet::audit(&p);
            if audit.has_errors() {
                Err(audit)
            } else {
                Ok(r)
            }
        }) {
            Ok((scenes, warnings)) => {
                if format == ReportFormat::Text {
                    eprint!("{}", crate::checks::check::coverage_table(&p, &scenes));
                    eprintln!("checked {} pieces", scenes.len());
                }
                warnings
            }
            Err(d) => d,
        },
        Err(d) => d,
    }
    .sorted();
    match format {
        ReportFormat::Json => {
            let items: Vec<serde_json::Value> = diags.0.iter().map(Diagnostic::to_json).collect();
            crate::emit(&(serde_json::to_string_pretty(&items).expect("JSON") + "\n"));
            if diags.has_errors() {
                return Err(Diagnostics::default());
            }
        }
        ReportFormat::Text => {
            if diags.has_errors() {
                return Err(diags);
            }
            print_diags(diags.clone());
            eprintln!("no errors, {} warning(s)", diags.warning_count());
        }
    }
    Ok(())
}

//! `hotline-kit check --jurisdiction us-ca [--county-language vi]`: a kit's notice
//! against a state posting law, rule by rule: met, not met (with what was measured), or
//! unverified.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::checks::compliance::{Notice, Outcome, RuleResult, evaluate};
use crate::load::jurisdiction::Profile;
use crate::load::project::Project;
use crate::products::kit::Selection;

/// What to check.
pub struct Request<'a> {
    /// Profile id (`us-ca`).
    pub jurisdiction: &'a str,
    /// The extra language the user named.
    pub county: Option<&'a str>,
    /// The notice design (default: the profile's `state-notice-*`).
    pub design: Option<&'a str>,
    /// Locales the facility posts the notice in (default: those the law requires).
    pub locales: &'a [String],
}

/// The report, for text or JSON.
#[derive(serde::Serialize)]
pub struct Report {
    /// Profile id.
    pub jurisdiction: String,
    /// State.
    pub name: String,
    /// Citation.
    pub law: String,
    /// Profile file.
    pub profile: String,
    /// When the profile was compiled.
    pub compiled: String,
    /// When it was verified against the law ("" if never).
    pub verified: String,
    /// The design checked.
    pub design: String,
    /// The locales checked.
    pub locales: Vec<String>,
    /// Rule by rule.
    pub rules: Vec<RuleResult>,
}

impl Report {
    /// Any rule measured and not met.
    pub fn failed(&self) -> bool {
        self.rules.iter().any(|r| r.outcome == Outcome::NotMet)
    }

    /// The report as a table for people.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{} \u{00b7} {} \u{00b7} {}\n",
            self.name, self.law, self.profile
        );
        if self.verified.is_empty() {
            s.push_str(&format!(
                "Profile compiled {} from secondary sources and NOT verified against the law: \
                 have counsel check it (see jurisdictions/README.md). This is not legal advice.\n",
                self.compiled
            ));
        } else {
            s.push_str(&format!(
                "Profile verified against the law on {}.\n",
                self.verified
            ));
        }
        s.push_str(&format!(
            "Notice checked: {} in {}\n\n",
            self.design,
            self.locales.join(", ")
        ));
        let w = self
            .rules
            .iter()
            .map(|r| r.rule.chars().count())
            .max()
            .unwrap_or(0);
        for r in &self.rules {
            s.push_str(&format!(
                "  {:<10}  {:<w$}  {}\n  {:<10}  {:<w$}  {}\n",
                r.outcome.word(),
                r.rule,
                format_args!("requires: {}", r.required),
                "",
                "",
                format_args!("measured: {}", r.measured),
            ));
        }
        let count = |o: Outcome| self.rules.iter().filter(|r| r.outcome == o).count();
        s.push_str(&format!(
            "\n{} met, {} not met, {} unverified, {} to check by hand.",
            count(Outcome::Met),
            count(Outcome::NotMet),
            count(Outcome::Unverified),
            count(Outcome::ByHand)
        ));
        if count(Outcome::Unverified) > 0 {
            s.push_str(" Compliance is not claimed on unverified points.");
        }
        s.push('\n');
        s
    }
}

/// The profile by id, or an error listing those there are.
pub fn profile<'a>(project: &'a Project, id: &str) -> Result<&'a Profile, Diagnostic> {
    project.jurisdictions.get(id).ok_or_else(|| {
        Diagnostic::error(format!("no jurisdiction profile `{id}`")).hint(
            if project.jurisdictions.is_empty() {
                "there is no jurisdictions/ folder in this project".to_string()
            } else {
                format!(
                    "profiles: {} (files in jurisdictions/)",
                    project
                        .jurisdictions
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
        )
    })
}

/// Lay the notice out in each locale and check it against the profile.
pub fn run(project: &Project, sel: &Selection, req: &Request) -> Result<Report, Diagnostics> {
    let p = profile(project, req.jurisdiction)?;
    let design_name = req
        .design
        .map(str::to_string)
        .unwrap_or_else(|| p.design_name());
    let design = project.design(&design_name)?;
    if let Some(c) = req.county
        && p.languages.extra.is_empty()
    {
        return Err(Diagnostic::error(format!(
            "{} ({}) asks for no extra language, but --county-language {c} was given",
            p.header.name, p.header.law
        ))
        .hint("leave out --county-language for this state")
        .into());
    }
    let mut locales: Vec<String> = if req.locales.is_empty() {
        p.languages.required.clone()
    } else {
        req.locales.to_vec()
    };
    if req.locales.is_empty()
        && let Some(c) = req.county
        && !locales.iter().any(|l| l == c)
    {
        locales.push(c.to_string());
    }
    let opts = sel.options_for(project);
    let mut scenes = Vec::new();
    let mut missing = Vec::new();
    for l in &locales {
        if !project.catalogs.contains_key(l) {
            missing.push((
                l.clone(),
                format!("no locale `{l}` in this project: `hotline-kit locale new {l}`"),
            ));
            continue;
        }
        match crate::products::kit::compile_with(project, &design_name, l, &opts) {
            Ok(s) => scenes.push(s),
            Err(e) => missing.push((
                l.clone(),
                e.0.iter()
                    .find(|d| d.is_error())
                    .map_or_else(|| "cannot be made".into(), |d| d.message.clone()),
            )),
        }
    }
    let names = |c: &str| {
        project
            .catalogs
            .get(c)
            .map_or_else(|| c.to_string(), |cat| format!("{} ({c})", cat.info.name))
    };
    let notice = Notice {
        design,
        scenes: scenes.iter().collect(),
        missing,
    };
    let rules = evaluate(p, &notice, req.county, &names);
    Ok(Report {
        jurisdiction: p.id.clone(),
        name: p.header.name.clone(),
        law: p.header.law.clone(),
        profile: p.source.path.display().to_string(),
        compiled: p.header.compiled.clone(),
        verified: p.header.verified.clone(),
        design: design_name,
        locales,
        rules,
    })
}

//! The kit file (`kit.toml`): what one facility prints. Optional: without it the default
//! kit is built. `hotline-kit init` writes a commented starter file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::hotline::Hotline;
use crate::load::spec::QrKind;
use crate::model::config::Format;

pub use crate::load::resource::{Resource, ResourceField, imitates_hotline};

/// `[facility]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facility {
    /// Facility name (written into PDF metadata).
    #[serde(default)]
    pub name: String,
}

/// `[build]`: what to build when the command line does not say.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildSection {
    /// Designs (default: all).
    #[serde(default)]
    pub designs: Vec<String>,
    /// Locales (default: en, es; "all" for every locale). A pair joined with `+`
    /// (`"en+es"`) puts both languages on one piece, for the designs with a
    /// `[bilingual]` table.
    #[serde(default)]
    pub locales: Vec<String>,
    /// Formats (default: pdf, png).
    #[serde(default)]
    pub formats: Vec<Format>,
    /// Locale whose text may stand in for missing messages (marked on the piece).
    #[serde(default)]
    pub fallback: Option<String>,
    /// Output folder (default: out), relative to the kit file; see [`resolve_out`].
    #[serde(default)]
    pub out: Option<PathBuf>,
}

/// The kit file's `out`, resolved relative to the kit file's folder `kit_dir`. It must
/// stay inside the project folder (or the kit file's folder), symbolic links and `..`
/// resolved; anywhere else needs `--out` on the command line.
pub fn resolve_out(
    out: &Path,
    kit_path: &Path,
    kit_dir: &Path,
    project: &Path,
) -> Result<PathBuf, Diagnostic> {
    let written = out.display().to_string();
    let refuse = |why: String, hint: String| {
        Diagnostic::error(format!("[build] out = \"{written}\": {why}"))
            .in_file(kit_path)
            .hint(hint)
    };
    if written.starts_with('~') {
        return Err(refuse(
            "`~` is not expanded in a kit file".into(),
            "write the folder relative to the kit file (e.g. out = \"out\"), or pass --out on the command line, where the shell expands ~".into(),
        ));
    }
    let joined = kit_dir.join(out);
    let real = crate::base::output::real_path(&joined)
        .map_err(|e| refuse(e.to_string(), String::new()))?;
    let inside = [project, kit_dir]
        .iter()
        .any(|root| std::fs::canonicalize(root).is_ok_and(|r| real.starts_with(r)));
    if !inside {
        return Err(refuse(
            format!("{} is outside the project folder", real.display()),
            format!(
                "a kit file writes only inside its project; to write there, say so on the command line: --out {}",
                real.display()
            ),
        ));
    }
    Ok(joined)
}

/// `[qr]`: one QR target for every piece of the kit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QrSection {
    /// tel, sms or web.
    pub target: QrKind,
}

/// `[checks]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksSection {
    /// Checks whose warnings count as errors for this kit.
    #[serde(default)]
    pub errors: Vec<Spanned<String>>,
}

/// Checks that give warnings and can be made errors.
pub const PROMOTABLE: &[&str] = &[
    "reading-level",
    "sentence-length",
    "words",
    "fact-age",
    "locale-missing",
    "kit-coverage",
];

/// A parsed kit file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitFile {
    /// `[facility]`.
    #[serde(default)]
    pub facility: Facility,
    /// `[build]`.
    #[serde(default)]
    pub build: BuildSection,
    /// `[qr]`.
    #[serde(default)]
    pub qr: Option<QrSection>,
    /// `[[resource]]`.
    #[serde(default)]
    pub resource: Vec<Spanned<Resource>>,
    /// `[[contact]]`: the facility's own contacts for staff.
    #[serde(default)]
    pub contact: Vec<Spanned<crate::load::contact::Contact>>,
    /// `[staff]`: what staff pieces say that only the facility can say.
    #[serde(default)]
    pub staff: crate::load::staff::StaffSection,
    /// `[checks]`.
    #[serde(default)]
    pub checks: ChecksSection,
    /// `[imagery]`.
    #[serde(default)]
    pub imagery: ImagerySection,
    /// `[video]`: slide loops for waiting-room screens, made by `build`.
    #[serde(default)]
    pub video: Option<VideoSection>,
    /// `[counts]`: how many stalls, windows, screens... the facility has, for the
    /// placement plan (`hotline-kit plan`). Designs name the count they go by (`per`).
    #[serde(default)]
    pub counts: std::collections::BTreeMap<String, Spanned<u32>>,
    /// `[compliance]`: the state notice law this facility follows.
    #[serde(default)]
    pub compliance: Option<ComplianceSection>,
    /// `[review]`: the board's rule, as written.
    #[serde(default)]
    pub review: crate::load::board_rule::ReviewSection,
    /// `[print]`: how print files are made and printed.
    #[serde(default)]
    pub print: PrintSection,
    /// The board's rule `[review]` sets, checked (filled in by [`KitFile::parse`]).
    #[serde(skip)]
    pub rule: crate::load::ledger::Rule,
}

/// `[print]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintSection {
    /// `"rgb"` (default) or `"cmyk"`: the colour print PDFs are written in
    /// (`build --color` overrides it).
    #[serde(default)]
    pub color: Option<Spanned<crate::model::config::ColorMode>>,
    /// The spot colour a white-ink plate is written in, the name the print shop's RIP
    /// looks for (default `White`; some want `WhiteInk` or `RDG_WHITE`).
    #[serde(default)]
    pub white_ink: Option<Spanned<String>>,
    /// How this facility prints each design, overriding the design's own `printing`:
    /// `method = { poster = "office", stall-sticker = "shop" }`.
    #[serde(default)]
    pub method: std::collections::BTreeMap<String, Spanned<crate::load::spec::Printing>>,
}

/// The white-ink spot colour's name when the kit names none.
pub const WHITE_INK: &str = "White";

/// Whether `name` can name a spot colour plate: 1 to 63 letters, digits, spaces, `_`
/// or `-`, and not a name PDF or the press already gives a meaning (`All`, `None`, the
/// process inks, the die line).
pub fn spot_name(name: &str) -> Result<(), String> {
    const TAKEN: [&str; 7] = [
        "All",
        "None",
        "Cyan",
        "Magenta",
        "Yellow",
        "Black",
        "CutContour",
    ];
    let n = name.trim();
    if n.is_empty() || n.len() > 63 {
        return Err("a spot colour name has 1 to 63 characters".into());
    }
    if let Some(c) = n
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-')))
    {
        return Err(format!(
            "{c:?} cannot be in a spot colour name: letters, digits, spaces, `_` and `-` only"
        ));
    }
    if let Some(t) = TAKEN.iter().find(|t| t.eq_ignore_ascii_case(n)) {
        return Err(format!(
            "`{t}` already means something on press: the white plate needs a name of its own"
        ));
    }
    Ok(())
}

/// `[compliance]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceSection {
    /// Jurisdiction profile, e.g. "us-ca" (`jurisdictions/us-ca.toml`).
    pub jurisdiction: String,
    /// The county's extra language where the profile asks for one (a locale code).
    #[serde(default)]
    pub county_language: Option<String>,
}

/// `[video]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VideoSection {
    /// Loop formats: "mp4" and/or "html" (default: mp4).
    #[serde(default)]
    pub formats: Vec<crate::model::config::LoopFormat>,
    /// Seconds per slide (default 10; `check` warns under 8).
    #[serde(default)]
    pub seconds: Option<f32>,
    /// Seconds of crossfade (default 0.5).
    #[serde(default)]
    pub crossfade: Option<f32>,
    /// One loop alternating the kit's locales instead of one per locale.
    #[serde(default)]
    pub interleave: bool,
    /// A line along the bottom with the number and the text short code, in each of the
    /// kit's languages in turn.
    #[serde(default)]
    pub crawl: bool,
}

impl VideoSection {
    /// The loop settings, defaults filled in.
    pub fn settings(&self) -> crate::model::config::LoopSettings {
        let d = crate::model::config::Timing::default();
        crate::model::config::LoopSettings {
            formats: if self.formats.is_empty() {
                vec![crate::model::config::LoopFormat::Mp4]
            } else {
                self.formats.clone()
            },
            timing: crate::model::config::Timing {
                seconds: self.seconds.unwrap_or(d.seconds),
                crossfade: self.crossfade.unwrap_or(d.crossfade),
            },
            interleave: self.interleave,
            crawl: self.crawl,
        }
    }
}

/// `[imagery]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagerySection {
    /// "required" (default): a kit whose illustrations miss the diversity rules is an
    /// error; "advisory": a warning.
    #[serde(default)]
    pub diversity: Option<Diversity>,
}

/// How strictly the kit's imagery diversity is enforced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Diversity {
    /// Errors.
    Required,
    /// Warnings.
    Advisory,
}

impl KitFile {
    /// Parse and check a kit file.
    pub fn parse(src: &Arc<Source>) -> Result<Self, Diagnostics> {
        let k: KitFile = toml::from_str(&src.text).map_err(|e| {
            Diagnostics::from(
                Diagnostic::error(format!("kit file is not valid: {}", e.message().trim()))
                    .at(src, e.span())
                    .hint("`hotline-kit init` writes a commented example kit.toml"),
            )
        })?;
        let mut k = k;
        let mut d = Diagnostics::default();
        match k.review.rule(src) {
            Ok(rule) => k.rule = rule,
            Err(e) => d.extend(e.0),
        }
        for r in &k.resource {
            for (_, problem) in r.get_ref().problems() {
                d.push(problem.at(src, Some(r.span())));
            }
        }
        for c in &k.contact {
            for problem in c.get_ref().problems() {
                d.push(problem.at(src, Some(c.span())));
            }
        }
        if let Some(r) = &k.staff.reporting {
            for problem in r.get_ref().problems() {
                d.push(problem.at(src, Some(r.span())));
            }
        }
        if let Some(w) = &k.print.white_ink
            && let Err(why) = spot_name(w.get_ref())
        {
            d.push(
                Diagnostic::error(format!("[print] white_ink = {:?}: {why}", w.get_ref()))
                    .at(src, Some(w.span()))
                    .hint("write the spot colour name the print shop's RIP looks for, e.g. white_ink = \"White\" or \"RDG_WHITE\""),
            );
        }
        for c in &k.checks.errors {
            if !PROMOTABLE.contains(&c.get_ref().as_str()) {
                d.push(
                    Diagnostic::error(format!(
                        "`{}` is not a check that can be made an error",
                        c.get_ref()
                    ))
                    .at(src, Some(c.span()))
                    .hint(format!("checks: {}", PROMOTABLE.join(", "))),
                );
            }
        }
        if d.has_errors() { Err(d) } else { Ok(k) }
    }

    /// Local resources and staff contacts checked against the hotline: a number one
    /// digit away from one of the hotline's, or a name that reads like the national
    /// hotline's on another number, is an error (a look-alike a caller would trust).
    pub fn check_resources(&self, src: &Arc<Source>, hotline: &Hotline) -> Diagnostics {
        let mut d = Diagnostics::default();
        for r in &self.resource {
            for (_, problem) in r.get_ref().hotline_problems(hotline) {
                d.push(problem.at(src, Some(r.span())));
            }
        }
        for c in &self.contact {
            for problem in c.get_ref().hotline_problems(hotline) {
                d.push(problem.at(src, Some(c.span())));
            }
        }
        d
    }

    /// The facility's contacts for staff, without spans.
    pub fn contacts(&self) -> Vec<crate::load::contact::Contact> {
        self.contact.iter().map(|c| c.get_ref().clone()).collect()
    }

    /// The facility's reporting instruction for staff, without its span.
    pub fn reporting(&self) -> Option<crate::load::staff::Reporting> {
        self.staff.reporting.as_ref().map(|r| r.get_ref().clone())
    }

    /// Local resources, without spans.
    pub fn resources(&self) -> Vec<Resource> {
        self.resource.iter().map(|r| r.get_ref().clone()).collect()
    }
}

/// The starter kit file written by `hotline-kit init`.
pub const STARTER: &str = r#"# kit.toml: what this facility prints with hotline-kit.
# Every setting is optional; remove what you do not need. `hotline-kit check` checks it.

[facility]
name = "Example Community Hospital"

[build]
# Designs to build (see `hotline-kit list`); leave out for all.
# The staff pieces (staff-badge-card, staff-poster, staff-poster-letter) are for staff
# areas only and are written in English and Spanish; the safety card goes to every
# patient, in every language.
designs = ["stall-sticker", "window-cling", "poster", "wallet-card", "tv-slides",
           "safety-card", "staff-badge-card", "staff-poster", "staff-poster-letter"]
# Languages (see `hotline-kit locales`); "all" for every language.
locales = ["en", "es"]
# pdf (print shop), png (300 dpi), svg (review in a browser).
formats = ["pdf", "png"]
# Show English where a language lacks a message (the piece then says so). Leave out to
# make a missing message an error.
# fallback = "en"
out = "out"

[qr]
# What the QR code on every piece does: tel (calls the hotline), sms (opens a text to
# 233733) or web (opens humantraffickinghotline.org). No tracking is ever added.
target = "tel"

# Local programs to list on posters and wallet cards, under "Local help".
# [[resource]]
# name = "Example County Anti-Trafficking Program"
# phone = "555-555-0100"
# hours = "Mon-Fri 9-5"
# languages = ["en", "es"]

# Who staff call inside the facility (staff pieces): a US number, an extension of 3 to
# 6 digits, or a number with its extension. One [[contact]] per line.
# [[contact]]
# role = "Social work on call"
# number = "4411"
# hours = "24/7"

# [staff]
# What staff do about reporting (rules differ by state and for patients under 18; the
# tool hard-codes none). Printed on the badge card and the staff poster; leave it out to
# print "follow your facility's policy". One text in English, or one per language:
# reporting = { en = "Under 18: call social work on call first.", es = "Menores de 18: llame primero a trabajo social de guardia." }

# [print]
# How the print files are made. Ask the print shop before changing these.
# color = "cmyk"        # print PDFs in press colour (CMYK); PNG files stay RGB
# white_ink = "White"   # the spot colour of the white-ink plate on clear window clings
# How this facility prints each design: "office" (your own printer: nothing closer
# than 0.25 in to the paper's edge) or "shop" (a print shop, trimmed to size).
# method = { poster = "office", stall-sticker = "shop" }

[imagery]
# Illustrations are chosen across the kit so that at least 4 skin-tone groups, 3 age
# groups, women and men, and 4 labor sectors appear. "required" makes a kit that misses
# this an error; "advisory" a warning.
diversity = "required"

[counts]
# How many of each place the facility has, for the placement plan (`hotline-kit plan`):
# it says how many of each piece to print. Each design names the count it goes by.
stalls = 12              # bathroom stalls (stall stickers)
men_stalls = 0           # stalls in men's restrooms (stall-sticker-men, if built)
women_stalls = 0         # stalls in women's restrooms (stall-sticker-women, if built)
all_gender_stalls = 0    # stalls in all-gender restrooms (stall-sticker-all-gender)
restrooms = 6            # public restrooms (posters)
sample_windows = 2       # urine-sample pass-through windows (window clings)
exam_rooms = 20          # exam rooms (wallet cards in a rack: one rack each)
screens = 2              # waiting-room screens (TV slides)
entrances = 2            # public entrances (state notices)
staff = 150              # members of staff, all roles (a staff badge card each)
staff_rooms = 4          # break rooms and staff-only areas (staff posters)

# [compliance]
# A state's posting law for emergency departments and urgent care (see
# `hotline-kit check --jurisdiction us-ca`). Profiles are in jurisdictions/.
# jurisdiction = "us-ca"
# county_language = "vi"   # the county's Voting Rights Act language, where required

[checks]
# Warnings that this kit treats as errors: reading-level, sentence-length, words,
# fact-age, locale-missing, kit-coverage.
errors = []
"#;

//! `hotline-kit plan`: a placement checklist for facility staff. One block per design of
//! the kit: where it goes (and how high), how many to post (the kit file's `[counts]`
//! times the design's `each`), what to order (the design's durable `stock`, or
//! [`default_stock`] for its kind), how to print it (office printer or print shop: the
//! kit's `[print] method` over the design's `printing`), the files `build` makes for it,
//! its review status in each language (from [`crate::products::approvals::status`]), and
//! a box to tick when it is posted; then a monthly walk-round to replace removed or
//! damaged pieces. As a US Letter PDF (laid out as a [`Scene`] with the project's own
//! text shaping, like the review book), plain text or JSON.
//!
//! The plan is for the staff who put the pieces up: what it says to them names no
//! command, no setting file and no setting (those are for whoever set up the kit, and
//! go to the warnings instead).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::layout::{label, wrapped};
use crate::load::kitfile::KitFile;
use crate::load::project::Project;
use crate::load::spec::{Kind, Medium, Printing, Substrate};
use crate::products::kit::Selection;
use crate::products::pageflow::{Flow, GREEN, GREY, H, LIGHT, NAVY, RED, W, english, outline};
use crate::scene::{DocStatus, Item, Rect, Scene, transformed};

mod pdf;
pub use pdf::{pdf, scene};

/// What `plan` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    /// A printable US Letter checklist.
    Pdf,
    /// The same plan as plain text.
    #[value(alias = "txt")]
    Text,
    /// The plan as JSON, for other tools.
    Json,
}

/// The kit file behind a plan.
#[derive(Debug, Clone, Copy)]
pub struct KitRef<'a> {
    /// The parsed file, if there is one.
    pub file: Option<&'a KitFile>,
    /// Its path (shown in the plan and in diagnostics).
    pub path: Option<&'a Path>,
    /// It was named with `--kit` (so command lines in the plan repeat it).
    pub explicit: bool,
}

/// The whole plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// The facility's name (`[facility] name`; empty when not set).
    pub facility: String,
    /// The kit file the plan was made from (null: the default kit).
    pub kit_file: Option<String>,
    /// The day it was made (YYYY-MM-DD).
    pub date: String,
    /// The hotline as printed, from hotline.toml.
    pub hotline: HotlineLine,
    /// The folder `build` writes into (`[build] out`, else `out`).
    pub out: String,
    /// Pieces (design x locale) not approved for print.
    pub drafts: usize,
    /// Pieces (design x locale) in all.
    pub total_pieces: usize,
    /// One entry per design.
    pub pieces: Vec<Row>,
}

/// The hotline's number and text short code as printed.
#[derive(Debug, Clone, Serialize)]
pub struct HotlineLine {
    /// Phone number.
    pub phone: String,
    /// Text short code.
    pub sms: String,
}

/// One design of the kit, in all of its locales.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Design name.
    pub design: String,
    /// Design title.
    pub title: String,
    /// Locale codes it is built in.
    pub locales: Vec<String>,
    /// Where it goes.
    pub placement: String,
    /// The `[counts]` key it goes by (null: the design names none).
    pub count_name: Option<String>,
    /// That count (null: not set).
    pub count: Option<u32>,
    /// How many per counted place.
    pub each: u32,
    /// How many to post (null: the count is not set).
    pub total: Option<u32>,
    /// Why there is no total, and how to get one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_note: Option<String>,
    /// sticker, cling, poster, card, notice or slides.
    pub kind: &'static str,
    /// print or screen.
    pub medium: &'static str,
    /// What to order: the design's stock, or the default for its kind
    /// ([`default_stock`]); empty for screens.
    pub stock: String,
    /// How it is printed: `office` (the facility's own printer) or `shop` (a print
    /// shop), the kit's `[print] method` over the design's `printing`; null for screens.
    pub printing: Option<Printing>,
    /// The steps to print it that way, in staff words.
    pub how_to_print: Vec<String>,
    /// Finished size.
    pub size: String,
    /// Pages (slides) of the piece.
    pub pages: usize,
    /// Printed mirrored, for second-surface clings.
    pub mirrored: bool,
    /// Label or cut-sheet template for office printers.
    pub label_template: Option<String>,
    /// The command that makes those sheets (for tools; the plan's own text names the
    /// label-sheet file instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet_command: Option<String>,
    /// The label-sheet file of that template (`DESIGN-TEMPLATE.pdf`, as the command and
    /// the web download name it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_sheet: Option<String>,
    /// Files `build` writes for it (under `out`), loops included.
    pub files: Vec<String>,
    /// Slide loops `build` writes for it (the kit's `[video]`).
    pub loops: Vec<String>,
    /// Other designs of the plan that go in the same places (a variant counted by the
    /// same count): post one of them in each place, not all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub same_places_as: Vec<String>,
    /// Review status in each locale.
    pub review: Vec<ReviewLine>,
}

/// Where one locale of a design stands with the survivor advisory board.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewLine {
    /// Locale code.
    pub locale: String,
    /// `approved` (ready to post), `draft`, `changed` (since approval) or `error`.
    pub state: &'static str,
    /// Ready to post.
    pub printable: bool,
    /// Who approved it (also for a piece changed since, or one whose text still needs
    /// review).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_on: Option<String>,
    /// Why it is not ready (the draft mark's text, what changed, or the error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

impl ReviewLine {
    /// One line for people: "approved for print by ... on ..." or "DRAFT – ...".
    pub fn text(&self) -> String {
        match self.state {
            "approved" => match (&self.approved_by, &self.approved_on) {
                (Some(by), Some(on)) => format!("approved for print by {by} on {on}"),
                _ => "approved for print".to_string(),
            },
            "error" => format!(
                "DRAFT \u{2013} cannot be made: {} (whoever set up the kit has to fix this)",
                staff_words(self.why.as_deref().unwrap_or(""))
            ),
            _ => {
                let why = self.why.clone().unwrap_or_else(|| "not approved".into());
                if why.starts_with("DRAFT") {
                    why
                } else {
                    format!("DRAFT \u{2013} {why}")
                }
            }
        }
    }
}

impl Row {
    /// Locales not ready to post.
    pub fn draft_locales(&self) -> Vec<&str> {
        self.review
            .iter()
            .filter(|r| !r.printable)
            .map(|r| r.locale.as_str())
            .collect()
    }

    /// "12 stalls × 1 = 12", or why there is no number.
    pub fn how_many(&self) -> String {
        match (&self.count_name, self.count, self.total) {
            (Some(name), Some(n), Some(t)) => format!(
                "{n} {} \u{00d7} {} = {t} to {}",
                name.replace('_', " "),
                self.each,
                if self.medium == "screen" {
                    "set up"
                } else if self.kind == "card" {
                    // Cards go in a rack or into a hand (a wallet card, the safety
                    // card every patient gets, a badge card), not on a wall.
                    "hand out"
                } else {
                    "post"
                }
            ),
            _ => self
                .count_note
                .clone()
                .unwrap_or_else(|| "count not set".into()),
        }
    }

    /// A short status tag for the block's heading.
    pub fn tag(&self) -> String {
        let drafts = self.draft_locales();
        if drafts.is_empty() {
            "Approved: ready to post".into()
        } else if drafts.len() == self.review.len() {
            "DRAFT: do not post".into()
        } else {
            let ok: Vec<&str> = self
                .review
                .iter()
                .filter(|r| r.printable)
                .map(|r| r.locale.as_str())
                .collect();
            format!(
                "DRAFT in {}: post only {}",
                drafts.join(", "),
                ok.join(", ")
            )
        }
    }

    /// How to print (or show) it, in one sentence; the stock is a field of its own.
    pub fn print_text(&self) -> String {
        if self.medium == "screen" {
            let slides = if self.pages == 1 {
                "1 slide".to_string()
            } else {
                format!("{} slides", self.pages)
            };
            return format!("On a screen, not printed: {slides}, {}.", self.size);
        }
        let mut s = format!("{}, finished size {}", cap(self.kind), self.size);
        if self.mirrored {
            s.push_str(", printed mirrored (second surface)");
        }
        s.push_str(match self.printing {
            Some(Printing::Office) => ": printed on an office printer.",
            _ => ": made by a print shop.",
        });
        s
    }
}

/// A message meant for whoever set up the kit, made fit for staff: no backticks.
fn staff_words(s: &str) -> String {
    s.replace('`', "")
}

/// What to order for a piece of this kind when its design names no `stock`: stock that
/// lasts where the piece goes (shared facts, section 6: destructible vinyl cannot be
/// peeled off whole, a laminate protects against cleaning chemicals, clear film needs
/// white ink under the artwork).
pub fn default_stock(kind: Kind) -> &'static str {
    match kind {
        Kind::Sticker => {
            "Destructible (eggshell) vinyl, which cannot be peeled off whole; permanent adhesive; a laminate over it that stands up to disinfectant and cleaning chemicals."
        }
        Kind::Cling => {
            "Clear static-cling film with white ink printed under the artwork (without it the white parts are see-through), or white static-cling vinyl."
        }
        Kind::Poster | Kind::Notice => {
            "White paper, with a matte laminate that can be wiped clean, or in a frame."
        }
        Kind::Card => "Water- and tear-resistant synthetic stock (synthetic paper).",
        Kind::Slides => "",
    }
}

/// A length in inches for people: "0.125 in".
fn inches(l: crate::base::units::Length) -> String {
    let v = l.to_pt(1.0, 0.0) / 72.0;
    let s = format!("{v:.3}");
    format!("{} in", s.trim_end_matches('0').trim_end_matches('.'))
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The languages line: the count is per place, not per language.
fn languages_text(project: &Project, row: &Row) -> String {
    let names: Vec<String> = row
        .locales
        .iter()
        .map(|l| match project.catalogs.get(l) {
            Some(c) => format!("{} ({l})", c.info.name),
            None => l.clone(),
        })
        .collect();
    if names.len() == 1 {
        names[0].clone()
    } else if row.kind == crate::load::spec::Kind::Notice.name() {
        // A state notice is posted in every language the law asks for, a sign each.
        format!(
            "{}: one sign in each language at each place (counted in How many)",
            names.join(", ")
        )
    } else {
        format!("{}: choose one for each place", names.join(", "))
    }
}

/// Make the plan for a selection (the kit's designs and locales). Warnings (counts not
/// set) come back beside it.
pub fn make(
    project: &Project,
    sel: &Selection,
    kit: KitRef,
    date: &str,
) -> Result<(Plan, Diagnostics), Diagnostics> {
    let (designs, locales, _) = sel.resolve(project);
    known(project, &designs, &locales)?;
    let status = crate::products::approvals::status(project, sel);
    make_with(project, sel, kit, date, status)
}

/// [`make`] with the pieces' status already known (a build that has just made them).
pub fn make_with(
    project: &Project,
    sel: &Selection,
    kit: KitRef,
    date: &str,
    status: crate::products::approvals::Status,
) -> Result<(Plan, Diagnostics), Diagnostics> {
    let (designs, locales, formats) = sel.resolve(project);
    known(project, &designs, &locales)?;
    let out = kit
        .file
        .and_then(|k| k.build.out.clone())
        .unwrap_or_else(|| PathBuf::from("out"));
    let rows = Rows {
        project,
        sel,
        kit,
        out: out.to_string_lossy().trim_end_matches('/').to_string(),
        kit_name: kit
            .path
            .and_then(|p| p.file_name())
            .map_or_else(|| "kit.toml".into(), |n| n.to_string_lossy().into_owned()),
        locales: &locales,
        formats: &formats,
        status: &status,
        // Unreadable templates only cost the sheets' descriptions: `check` reports them.
        templates: crate::products::labels::templates(project).unwrap_or_default(),
    };
    // Counts the kit file lacks, with the designs that go by them.
    let mut missing: Vec<(String, Vec<String>)> = Vec::new();
    let mut pieces = Vec::new();
    for name in &designs {
        pieces.push(rows.row(name, &mut missing)?);
    }
    same_places(project, &designs, &mut pieces);
    let warnings = rows.count_warnings(&missing);
    let drafts = pieces
        .iter()
        .map(|r| r.draft_locales().len())
        .sum::<usize>();
    let total_pieces = pieces.iter().map(|r| r.review.len()).sum();
    Ok((
        Plan {
            facility: kit
                .file
                .map(|k| k.facility.name.clone())
                .unwrap_or_default(),
            kit_file: kit.path.map(|p| p.display().to_string()),
            date: date.to_string(),
            hotline: HotlineLine {
                phone: project.hotline.phone.display.clone(),
                sms: project.hotline.sms.display.clone(),
            },
            out: rows.out,
            drafts,
            total_pieces,
            pieces,
        },
        warnings,
    ))
}

/// Every design and locale of the selection exists (all unknown ones reported at once).
fn known(project: &Project, designs: &[String], locales: &[String]) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    for d in designs {
        if let Err(e) = project.design(d) {
            errors.push(e);
        }
    }
    for l in locales {
        if let Err(e) = project.catalog(l) {
            errors.push(e);
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(())
}

/// What every row of a plan is made from.
struct Rows<'a> {
    project: &'a Project,
    sel: &'a Selection,
    kit: KitRef<'a>,
    /// The folder `build` writes into, without a final slash.
    out: String,
    /// The kit file's name, for hints.
    kit_name: String,
    locales: &'a [String],
    formats: &'a [crate::products::kit::Format],
    status: &'a crate::products::approvals::Status,
    /// The label and cut-sheet templates, for what the office printer prints on.
    templates: std::collections::BTreeMap<String, crate::products::labels::Template>,
}

impl Rows<'_> {
    /// The row of design `name`; a count the kit file lacks is added to `missing`.
    fn row(&self, name: &str, missing: &mut Vec<(String, Vec<String>)>) -> Result<Row, Diagnostic> {
        let d = self.project.design(name)?;
        let (count, count_note) = self.count(name, d, missing);
        let (files, loops) = self.files(name, d);
        let each = if d.kind == crate::load::spec::Kind::Notice {
            d.each * self.locales.len().max(1) as u32
        } else {
            d.each
        };
        let total = count.map(|n| n.saturating_mul(each));
        let printing = match d.medium {
            Medium::Print => Some(
                self.kit
                    .file
                    .and_then(|k| k.print.method.get(name))
                    .map_or(d.printing, |m| *m.get_ref()),
            ),
            Medium::Screen => None,
        };
        let stock = match d.medium {
            Medium::Screen => String::new(),
            Medium::Print if d.stock.trim().is_empty() => default_stock(d.kind).to_string(),
            Medium::Print => d.stock.clone(),
        };
        let how_to_print = match printing {
            Some(Printing::Office) => self.office_steps(name, d),
            Some(Printing::Shop) => self.shop_steps(name, d, total),
            None => Vec::new(),
        };
        Ok(Row {
            design: name.to_string(),
            title: d.title.clone(),
            locales: self.locales.to_vec(),
            placement: if d.audience == crate::load::spec::Audience::Staff {
                format!(
                    "Staff only: never where patients can see it. {}",
                    d.placement
                )
            } else {
                d.placement.clone()
            },
            count_name: d.per.clone(),
            count,
            each,
            total,
            count_note,
            kind: d.kind.name(),
            medium: match d.medium {
                Medium::Print => "print",
                Medium::Screen => "screen",
            },
            stock,
            printing,
            how_to_print,
            size: d.size_text(),
            pages: d.pages.len().max(1),
            mirrored: d.mirror,
            label_template: d.label_template.clone(),
            sheet_command: self.sheet_command(name, d),
            label_sheet: d.label_template.as_ref().map(|t| label_sheet(name, t)),
            files,
            loops,
            same_places_as: Vec::new(),
            review: self.review(name),
        })
    }

    /// The count a design goes by, or why there is none.
    fn count(
        &self,
        name: &str,
        d: &crate::load::spec::Design,
        missing: &mut Vec<(String, Vec<String>)>,
    ) -> (Option<u32>, Option<String>) {
        // Staff words: whoever set up the kit enters the counts.
        let ask = |per: &str| {
            format!(
                "count not set: ask whoever set up the kit to enter how many {} the facility has",
                per.replace('_', " ")
            )
        };
        match (&d.per, self.kit.file) {
            (None, _) => (
                None,
                Some("no count for this piece: decide how many to post".to_string()),
            ),
            (Some(per), Some(k)) => match k.counts.get(per) {
                Some(n) => (Some(*n.get_ref()), None),
                None => {
                    match missing.iter_mut().find(|(c, _)| c == per) {
                        Some((_, names)) => names.push(name.to_string()),
                        None => missing.push((per.clone(), vec![name.to_string()])),
                    }
                    (None, Some(ask(per)))
                }
            },
            (Some(per), None) => (None, Some(ask(per))),
        }
    }

    /// The files `build` writes for a design (loops included), and its loops.
    fn files(&self, name: &str, d: &crate::load::spec::Design) -> (Vec<String>, Vec<String>) {
        // An empty `out`: the files are in the plan's own folder (a batch's facility).
        let out = if self.out.is_empty() {
            String::new()
        } else {
            format!("{}/", self.out)
        };
        let mut files = Vec::new();
        for l in self.locales {
            files.extend(
                crate::products::kit::piece_files(name, l, d.pages.len(), self.formats)
                    .into_iter()
                    .map(|f| format!("{out}{f}")),
            );
        }
        let loops: Vec<String> = match (&self.sel.loops, d.medium) {
            (Some(ls), Medium::Screen) => {
                crate::products::loops::loop_files(name, self.locales, ls)
                    .into_iter()
                    .map(|f| format!("{out}{f}"))
                    .collect()
            }
            _ => Vec::new(),
        };
        files.extend(loops.iter().cloned());
        (files, loops)
    }

    /// How to print design `name` on the facility's own printer, step by step.
    fn office_steps(&self, name: &str, d: &crate::load::spec::Design) -> Vec<String> {
        let mut v = Vec::new();
        if d.mirror {
            // Printed on the adhesive side of clear film: a print shop's work.
            v.push("This mirrored version is printed on the adhesive side of clear film, which an office printer cannot do: have a print shop make it, or print the plain (not mirrored) version instead.".into());
            return v;
        }
        let template = d
            .label_template
            .as_ref()
            .map(|t| (t, self.templates.get(t)));
        match template {
            Some((t, Some(tpl))) if tpl.cut_guides => v.push(format!(
                "Print the label-sheet file {} ({}) on {} sheets of the stock under Order, made for your printer (laser or inkjet). Ask whoever set up the kit for that file if you do not have it.",
                label_sheet(name, t),
                sheet_words(tpl),
                paper_name(tpl.paper)
            )),
            Some((t, Some(tpl))) => {
                v.push(format!(
                    "Print the label-sheet file {} on {}. Ask whoever set up the kit for that file if you do not have it.",
                    label_sheet(name, t),
                    tpl.title
                ));
                if !tpl.verified {
                    v.push("The layout of these labels is not confirmed: first print one page on plain paper and hold it over a label sheet against a light; the pieces must sit on the labels.".into());
                }
            }
            Some((t, None)) => v.push(format!(
                "Print the label-sheet file {} on the sheets it is made for. Ask whoever set up the kit for that file if you do not have it.",
                label_sheet(name, t)
            )),
            None => v.push(format!(
                "Print the PDF file (see Files) on {}.",
                paper(d)
            )),
        }
        v.push("In the print window choose 100% (\"Actual size\"), not \"Fit to page\" or \"Shrink to fit\", so that the piece comes out at its finished size.".into());
        v.push("Keep the printer's margins: do not choose borderless printing.".into());
        if d.pages.len() == 2 {
            v.push(if template.is_some() {
                "It has two sides: print on both sides of the sheet, flipping on the long edge (the second page is the backs).".into()
            } else {
                "It has two sides: print on both sides (the second page is the back).".into()
            });
        }
        if template.is_some_and(|(_, tpl)| tpl.is_some_and(|tpl| tpl.cut_guides)) {
            if d.kind == Kind::Sticker {
                v.push("Put the laminate over the printed sheet, then cut the pieces apart on the printed guides.".into());
            } else {
                v.push("Cut the pieces apart on the printed guides.".into());
            }
        }
        if matches!(d.kind, Kind::Poster | Kind::Notice) {
            v.push(
                "Then laminate it (matte, so that it can be wiped clean) or put it in a frame."
                    .into(),
            );
        }
        v
    }

    /// What to send a print shop for a design, and what to ask for.
    fn shop_steps(
        &self,
        name: &str,
        d: &crate::load::spec::Design,
        total: Option<u32>,
    ) -> Vec<String> {
        let mut v = Vec::new();
        let pdf = self.formats.contains(&crate::products::kit::Format::Pdf);
        let mut send = if pdf {
            "Send the print shop the PDF file of each language you need (see Files)".to_string()
        } else {
            "Ask whoever set up the kit for the PDF files of this piece and send them to the print shop".to_string()
        };
        if d.bleed.to_pt(1.0, 0.0) > 0.0 {
            send.push_str(&format!(
                ". The artwork runs {} past the finished edge on every side (the bleed), for trimming.",
                inches(d.bleed)
            ));
        } else {
            send.push('.');
        }
        v.push(send);
        if d.kind.is_die_cut() {
            v.push(if self.sel.cut_line {
                "It is die-cut to shape: the files carry the cut line (a spot colour named CutContour).".into()
            } else {
                "It is die-cut to shape: the shop also needs the version of the files with the cut line. Ask whoever set up the kit for it.".into()
            });
        }
        let white = self
            .kit
            .file
            .and_then(|k| k.print.white_ink.as_ref())
            .map_or(crate::load::kitfile::WHITE_INK, |w| w.get_ref().as_str());
        let under = if d.mirror { "behind" } else { "under" };
        if d.substrate == Substrate::Clear && d.white_plate {
            v.push(format!(
                "It is printed on clear film with white ink {under} the artwork: the files carry the white ink as a separate plate, a spot colour named {white}. Tell the shop."
            ));
        } else if d.kind == Kind::Cling || d.substrate == Substrate::Clear {
            v.push(format!(
                "On clear film, ask the shop to print white ink {under} the artwork (the files have no white-ink plate), or to print on white vinyl."
            ));
        }
        if d.mirror {
            v.push("It is printed mirrored, on the adhesive side of the film, and goes on the inside of the glass, read through it (second surface).".into());
        }
        if d.pages.len() == 2 {
            v.push("It is printed on both sides: the second page of each file is the back.".into());
        }
        v.push(match total {
            Some(n) => format!(
                "Ask for the stock and finish under Order, at the finished size: {n} (see How many), and a few spares for the monthly walk-round."
            ),
            None => "Ask for the stock and finish under Order, at the finished size, as many as How many says, and a few spares for the monthly walk-round.".into(),
        });
        if let (Some(t), false) = (&d.label_template, d.mirror) {
            let what = self.templates.get(t).map_or(String::new(), |tpl| {
                if tpl.cut_guides {
                    format!(" ({} paper, {})", paper_name(tpl.paper), sheet_words(tpl))
                } else {
                    format!(" (on {})", tpl.title)
                }
            });
            v.push(format!(
                "No print shop? It can also be printed on an office printer, from the label-sheet file {}{what}: ask whoever set up the kit.",
                label_sheet(name, t)
            ));
        }
        v
    }

    /// The `hotline-kit sheet` command for a design with a label template.
    fn sheet_command(&self, name: &str, d: &crate::load::spec::Design) -> Option<String> {
        d.label_template.as_ref().map(|t| {
            let kit_arg = match (self.kit.explicit, self.kit.path) {
                (true, Some(p)) => format!("--kit {} ", shell_word(&p.to_string_lossy())),
                _ => String::new(),
            };
            format!("hotline-kit {kit_arg}sheet {name} --template {t} -o {name}-{t}.pdf")
        })
    }

    /// Where design `name` stands in each locale.
    fn review(&self, name: &str) -> Vec<ReviewLine> {
        self.locales
            .iter()
            .map(|l| {
                match self
                    .status
                    .pieces
                    .iter()
                    .find(|p| p.design == name && &p.locale == l)
                {
                    Some(p) => review_line(p),
                    None => ReviewLine {
                        locale: l.clone(),
                        state: "error",
                        printable: false,
                        approved_by: None,
                        approved_on: None,
                        why: Some("no status".into()),
                    },
                }
            })
            .collect()
    }

    /// Warnings for counts the kit file lacks, and for no kit file at all.
    fn count_warnings(&self, missing: &[(String, Vec<String>)]) -> Diagnostics {
        let kit_name = &self.kit_name;
        let mut warnings = Diagnostics::default();
        for (per, names) in missing {
            let mut w = Diagnostic::warning(format!(
                "{kit_name} has no count `{per}`: the plan cannot say how many to post of {}",
                names.join(", ")
            ))
            .hint(format!(
                "add `{per} = N` under [counts] in {kit_name} (the number of {} the facility has)",
                per.replace('_', " ")
            ))
            .code("plan-count");
            if let Some(p) = self.kit.path {
                w = w.in_file(p);
            }
            warnings.push(w);
        }
        if self.kit.file.is_none() {
            warnings.push(
                Diagnostic::warning("no kit file: the plan cannot say how many of each piece to post")
                    .hint("`hotline-kit init` writes a kit.toml with a [counts] table; fill it in and run `hotline-kit plan` again")
                    .code("plan-count"),
            );
        }
        warnings
    }
}

/// Variants of one design counted by the same count are alternatives for the same
/// places (the window cling printed on the front or mirrored behind the glass).
fn same_places(project: &Project, designs: &[String], rows: &mut [Row]) {
    let family = |n: &str| {
        project
            .designs
            .get(n)
            .map(|d| d.variant_of.clone().unwrap_or_else(|| d.name.clone()))
    };
    let keys: Vec<(Option<String>, Option<String>)> = rows
        .iter()
        .map(|r| (family(&r.design), r.count_name.clone()))
        .collect();
    for (i, row) in rows.iter_mut().enumerate() {
        if keys[i].1.is_none() {
            continue;
        }
        row.same_places_as = designs
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i && keys[*j] == keys[i])
            .map(|(_, n)| n.clone())
            .collect();
    }
}

/// The label-sheet file of design `name` on template `t`.
fn label_sheet(name: &str, t: &str) -> String {
    format!("{name}-{t}.pdf")
}

/// A cut sheet's layout in words: "4 to a sheet, with cut guides".
fn sheet_words(t: &crate::products::labels::Template) -> String {
    format!(
        "{} to a sheet{}",
        t.columns * t.rows,
        if t.cut_guides {
            ", with cut guides"
        } else {
            ""
        }
    )
}

fn paper_name(p: crate::products::labels::Paper) -> &'static str {
    match p {
        crate::products::labels::Paper::Letter => "US Letter",
        crate::products::labels::Paper::A4 => "A4",
    }
}

/// The paper a design without a label template is printed on by an office printer.
fn paper(d: &crate::load::spec::Design) -> String {
    let (w, h) = (d.width.to_pt(1.0, 0.0), d.height.to_pt(1.0, 0.0));
    let is = |a: f32, b: f32| {
        let near = |x: f32, y: f32| (x - y).abs() < 1.0;
        (near(w, a) && near(h, b)) || (near(w, b) && near(h, a))
    };
    // Clear film needs white ink (shared facts, section 6), which office printers lack.
    let stock = if d.kind == Kind::Cling || d.substrate == Substrate::Clear {
        "white static-cling film made for your printer, not clear film: an office printer cannot print the white ink that clear film needs"
    } else {
        "the stock under Order"
    };
    if is(612.0, 792.0) {
        format!("US Letter (8.5 x 11 in) sheets of {stock}")
    } else if is(595.28, 841.89) {
        format!("A4 sheets of {stock}")
    } else {
        format!(
            "{} sheets of {stock} (if your printer cannot take that size, have a print shop make it)",
            d.size_text()
        )
    }
}

/// Quote a path for a shell command line when it needs it.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn review_line(p: &crate::products::approvals::PieceStatus) -> ReviewLine {
    let (state, why) = match p.status.as_str() {
        "error" => ("error", p.error.clone()),
        _ if p.printable => ("approved", None),
        "changed" => {
            let mut why = p.draft.clone().unwrap_or_else(|| "DRAFT".into());
            if !p.changes.is_empty() {
                why.push_str(&format!(
                    " (changed since approval by {} on {}: {})",
                    p.approved_by.as_deref().unwrap_or("?"),
                    p.approved_on.as_deref().unwrap_or("?"),
                    p.changes.join(", ")
                ));
            }
            ("changed", Some(why))
        }
        _ => ("draft", p.draft.clone()),
    };
    ReviewLine {
        locale: p.locale.clone(),
        state,
        printable: p.printable,
        approved_by: p.approved_by.clone(),
        approved_on: p.approved_on.clone(),
        why,
    }
}

impl Plan {
    /// The facility line: its name, or what the plan was made from.
    pub fn heading(&self) -> String {
        match (&self.kit_file, self.facility.trim()) {
            (None, _) => "Default kit (not set up for a facility yet)".into(),
            (Some(_), "") => "No facility name set".into(),
            (Some(_), n) => n.to_string(),
        }
    }

    /// Where the plan came from, in words. A kit's setting file is not named (staff do
    /// not need it); a row of a facilities sheet is, since that is how the facility was
    /// listed.
    pub fn made_from(&self) -> String {
        let from = match &self.kit_file {
            Some(k) if !k.ends_with(".toml") => format!(" from {k}"),
            _ => String::new(),
        };
        if self.out.is_empty() {
            return format!(
                "Made {}{from}. The files are in the folder this plan is in.",
                self.date
            );
        }
        format!(
            "Made {}{from}. The files named below are in the kit's folder {}/.",
            self.date, self.out
        )
    }

    /// The note on counts at the top.
    pub fn counts_note(&self) -> String {
        match &self.kit_file {
            Some(_) => format!(
                "How many to post: the number of each kind of place the facility has (entered when the kit was set up), times how many each place gets. {PER_PLACE}"
            ),
            None => format!(
                "This kit is not set up for a facility yet, so the plan cannot say how many to post: ask whoever set up the kit to enter how many of each kind of place the facility has (stalls, restrooms, exam rooms and so on). {PER_PLACE}"
            ),
        }
    }

    /// The banner shown when any piece is a draft.
    pub const DRAFT_BANNER: &'static str =
        "Some pieces are drafts: do not post them until the survivor advisory board approves them.";

    /// The line under the banner.
    pub fn draft_detail(&self) -> String {
        format!(
            "{} of {} pieces (design and language) are drafts; they are marked DRAFT below. Whoever set up the kit can see why, and records the board's approval.",
            self.drafts, self.total_pieces
        )
    }

    /// The plan as plain text.
    pub fn text(&self, project: &Project) -> String {
        let mut o = String::new();
        outln!(o, "PLACEMENT CHECKLIST: {}", self.heading());
        outln!(o, "{}", self.made_from());
        outln!(
            o,
            "National Human Trafficking Hotline: call {}, text {}",
            self.hotline.phone,
            self.hotline.sms
        );
        o.push('\n');
        if self.drafts > 0 {
            outln!(o, "!!! {}", Self::DRAFT_BANNER);
            outln!(o, "    {}", self.draft_detail());
            o.push('\n');
        }
        outln!(o, "{}", self.counts_note());
        outln!(o, "{}", INSTRUCTIONS);
        for (i, r) in self.pieces.iter().enumerate() {
            o.push('\n');
            let tag = r.tag();
            outln!(
                o,
                "[ ] {}. {} ({}) \u{2013} {tag}",
                i + 1,
                r.title,
                r.design
            );
            for (k, v) in fields(project, r) {
                let mut lines = v.lines();
                outln!(o, "    {k:<11} {}", lines.next().unwrap_or(""));
                for l in lines {
                    outln!(o, "    {:<11} {l}", "");
                }
            }
            for rv in &r.review {
                let k = if rv.locale == r.review[0].locale {
                    "Review:"
                } else {
                    ""
                };
                outln!(o, "    {k:<11} {}: {}", rv.locale, rv.text());
            }
            outln!(o, "    {:<11} {SIGN_OFF}", "Posted:");
        }
        o.push('\n');
        outln!(o, "{}", WALK_HEAD.to_uppercase());
        outln!(o, "{}", self.walk_text());
        for m in 1..=WALK_ROUNDS {
            outln!(o, "[ ] {:<11} {SIGN_OFF}", format!("Month {m}:"));
        }
        o
    }

    /// What to do on the monthly walk-round.
    pub fn walk_text(&self) -> String {
        format!(
            "Once a month, walk to every place on this list. Replace any piece that is missing, peeled, torn, faded, written on or hard to read with one printed from the same file on the same stock (keep a few spares), and put up only pieces approved for print. Check that each piece shows the hotline number {}. Tick a box for each walk-round, write the date and your initials, and note what you replaced and where.",
            self.hotline.phone
        )
    }
}

/// File paths for people: one line per folder, page runs shortened
/// (`out/tv-slides/en/: tv-slides-en.pdf, tv-slides-en-1.png to tv-slides-en-4.png`).
fn compact(files: &[&str]) -> Vec<String> {
    let mut dirs: Vec<(&str, Vec<&str>)> = Vec::new();
    for f in files {
        let (dir, name) = f.rsplit_once('/').unwrap_or(("", f));
        match dirs.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, names)) => names.push(name),
            None => dirs.push((dir, vec![name])),
        }
    }
    dirs.into_iter()
        .map(|(dir, names)| {
            // Runs of STEM-1.EXT, STEM-2.EXT ... become "STEM-1.EXT to STEM-N.EXT".
            let mut shown: Vec<String> = Vec::new();
            let mut i = 0;
            while i < names.len() {
                let mut j = i;
                while j + 1 < names.len() && next_page(names[j], names[j + 1]) {
                    j += 1;
                }
                if j > i + 1 {
                    shown.push(format!("{} to {}", names[i], names[j]));
                } else {
                    shown.extend(names[i..=j].iter().map(|n| n.to_string()));
                }
                i = j + 1;
            }
            if dir.is_empty() {
                shown.join(", ")
            } else {
                format!("{dir}/: {}", shown.join(", "))
            }
        })
        .collect()
}

/// Whether `b` is the page after `a` (`x-2.png` after `x-1.png`).
fn next_page(a: &str, b: &str) -> bool {
    let split = |s: &str| -> Option<(String, usize, String)> {
        let (stem, ext) = s.rsplit_once('.')?;
        let (base, n) = stem.rsplit_once('-')?;
        Some((base.to_string(), n.parse().ok()?, ext.to_string()))
    };
    match (split(a), split(b)) {
        (Some((ba, na, ea)), Some((bb, nb, eb))) => ba == bb && ea == eb && nb == na + 1,
        _ => false,
    }
}

const PER_PLACE: &str = "Counts are per place, not per language: choose the language for each place from the ones listed.";
const INSTRUCTIONS: &str =
    "Tick the box when a piece is posted, and write the date and your initials.";
const SIGN_OFF: &str = "date ____________   initials ________   notes ______________________";
/// The heading of the monthly walk-round, and how many rounds it has boxes for (a year).
const WALK_HEAD: &str = "Monthly walk-round";
const WALK_ROUNDS: usize = 12;

/// The labelled fields of a row, in order (review lines and sign-off excepted).
fn fields(project: &Project, r: &Row) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("Where:", r.placement.clone()),
        ("How many:", r.how_many()),
        ("Languages:", languages_text(project, r)),
        (
            if r.medium == "screen" {
                "Show:"
            } else {
                "Print:"
            },
            r.print_text(),
        ),
    ];
    if !r.stock.trim().is_empty() {
        v.push(("Order:", r.stock.clone()));
    }
    if !r.how_to_print.is_empty() {
        let steps: Vec<String> = r
            .how_to_print
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1))
            .collect();
        v.push(("Printing:", steps.join("\n")));
    }
    if r.medium == "screen" {
        v.push((
            "Loop:",
            if r.loops.is_empty() {
                "no looping video in the kit yet: ask whoever set up the kit to make one for the screens, or show the slides one after another.".into()
            } else {
                let loops: Vec<&str> = r.loops.iter().map(String::as_str).collect();
                compact(&loops).join("\n")
            },
        ));
    }
    let files: Vec<&str> = r
        .files
        .iter()
        .filter(|f| !r.loops.contains(f))
        .map(String::as_str)
        .collect();
    v.push(("Files:", compact(&files).join("\n")));
    if !r.same_places_as.is_empty() {
        v.push((
            "Note:",
            format!(
                "{} goes in the same places (one for each of the {} too): post one or the other in each place, not both.",
                r.same_places_as.join(", "),
                r.count_name.as_deref().unwrap_or("").replace('_', " ")
            ),
        ));
    }
    v
}

/// The plan as pretty JSON (with a final newline).
pub fn json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).expect("plan serialises") + "\n"
}

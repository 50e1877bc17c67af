//! The report as a US Letter PDF for grant reports and audits, laid out with the page
//! flow of the review documents: the facility, the date range, the totals, a table of
//! what is up where, and the log. Place names and notes may be in any script: they are
//! shaped with every bundled face the project has.

use std::sync::Arc;

use super::{HOW_TO_RECORD, NOTHING_YET, Report, version_text};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::layout::text::TextError;
use crate::layout::wrapped_any;
use crate::load::fonts::FontChain;
use crate::load::project::Project;
use crate::load::spec::FontRole;
use crate::products::pageflow::{Flow, GREEN, GREY, H, LIGHT, NAVY, RED, W};
use crate::scene::{DocStatus, Item, Rect, Scene};

const M: f32 = 40.0;
const FOOT: f32 = 24.0;
const BODY: f32 = 10.5;
const CELL: f32 = 8.5;
const PAD: f32 = 3.0;
/// Line spacing, in multiples of the size: room for Arabic and CJK under Latin metrics.
const LEADING: f32 = 1.4;

/// Families tried first, in this order; any other family of the project follows.
const ORDER: [&str; 7] = ["latin", "arabic", "devanagari", "sc", "tc", "jp", "kr"];

/// Every face of the project that loads, Latin first, for text in any script.
fn any_script(project: &Project, role: FontRole) -> FontChain {
    let mut names: Vec<&str> = ORDER.to_vec();
    let mut rest: Vec<&str> = project
        .fonts
        .families()
        .filter(|f| !ORDER.contains(f))
        .collect();
    rest.sort_unstable();
    names.extend(rest);
    let fonts: Vec<_> = names
        .into_iter()
        .filter_map(|f| project.fonts.id(f, role))
        .filter(|&id| project.fonts.face(id).is_ok())
        .collect();
    let latin = project
        .fonts
        .id("latin", role)
        .filter(|id| fonts.contains(id));
    FontChain { fonts, latin }
}

/// One column of a table: heading and width in points.
type Col = (&'static str, f32);

const STANDING: [Col; 6] = [
    ("Place", 150.0),
    ("Piece", 92.0),
    ("Language", 52.0),
    ("Up", 26.0),
    ("Last change", 124.0),
    ("Version put up", 88.0),
];

const LOG: [Col; 7] = [
    ("Date", 56.0),
    ("What", 62.0),
    ("Piece", 92.0),
    ("Place", 130.0),
    ("By", 62.0),
    ("Version", 80.0),
    ("#", 50.0),
];

/// A cell: its text, colour and weight.
type Cell = (String, Color, bool);

struct Doc<'a> {
    project: &'a Project,
    regular: FontChain,
    bold: FontChain,
    flow: Flow,
    running: String,
    /// The table being drawn, whose heading is repeated on a new page.
    head: Option<&'static [Col]>,
}

impl Doc<'_> {
    /// Wrapped text at (`x`, `top`); a character no face has is written as its code
    /// point ("[U+1F600]") rather than failing the report.
    fn text(
        &self,
        text: &str,
        (x, top, w): (f32, f32, f32),
        size: f32,
        color: Color,
        bold: bool,
    ) -> Result<(Vec<Item>, f32), Diagnostic> {
        let chain = if bold { &self.bold } else { &self.regular };
        let mut text = text.to_string();
        for _ in 0..64 {
            match wrapped_any(
                self.project,
                chain,
                &text,
                (x, top, w),
                size,
                LEADING,
                color,
            ) {
                Ok(r) => return Ok(r),
                Err(TextError::MissingGlyph(c)) => {
                    text = text.replace(c, &format!("[U+{:04X}]", c as u32));
                }
                Err(TextError::Font(m)) => return Err(Diagnostic::error(m)),
            }
        }
        Err(Diagnostic::error(
            "posting report: too many characters that no bundled font has",
        ))
    }

    /// Room for `h` points: a new page with the running head (and the table's heading)
    /// when it does not fit.
    fn need(&mut self, h: f32) -> Result<(), Diagnostic> {
        if self.flow.breaks(h) {
            let t = self.running.clone();
            let (it, th) = self.text(&t, (M, 0.0, W - 2.0 * M), 10.0, GREY, false)?;
            self.flow.place(&it, 0.0, th + 8.0);
            if let Some(cols) = self.head {
                self.heading_row(cols)?;
            }
        }
        Ok(())
    }

    fn para(&mut self, text: &str, size: f32, color: Color, bold: bool) -> Result<(), Diagnostic> {
        let (it, h) = self.text(text, (M, 0.0, W - 2.0 * M), size, color, bold)?;
        self.need(h)?;
        self.flow.place(&it, 0.0, h + size * 0.35);
        Ok(())
    }

    /// A row laid out from y = 0: the items and the height.
    fn row(&self, cols: &[Col], cells: &[Cell]) -> Result<(Vec<Item>, f32), Diagnostic> {
        let mut items = Vec::new();
        let (mut x, mut h) = (M, 0.0f32);
        for ((_, w), (t, color, bold)) in cols.iter().zip(cells) {
            let (it, th) = self.text(t, (x + PAD, PAD, w - 2.0 * PAD), CELL, *color, *bold)?;
            items.extend(it);
            h = h.max(th);
            x += w;
        }
        let h = h + 2.0 * PAD;
        items.push(Item::Rect {
            rect: Rect::new(M, h - 0.5, W - 2.0 * M, 0.5),
            color: LIGHT,
        });
        Ok((items, h))
    }

    fn heading_row(&mut self, cols: &'static [Col]) -> Result<(), Diagnostic> {
        let cells: Vec<Cell> = cols
            .iter()
            .map(|(t, _)| (t.to_string(), GREY, true))
            .collect();
        let (mut it, h) = self.row(cols, &cells)?;
        it.push(Item::Rect {
            rect: Rect::new(M, h - 1.2, W - 2.0 * M, 1.2),
            color: NAVY,
        });
        self.flow.place(&it, 0.0, h);
        Ok(())
    }

    /// A table: its heading, then each row, breaking pages between rows.
    fn table(&mut self, cols: &'static [Col], rows: &[Vec<Cell>]) -> Result<(), Diagnostic> {
        let (_, hh) = self.row(cols, &[])?;
        self.need(hh + 24.0)?;
        self.heading_row(cols)?;
        self.head = Some(cols);
        for r in rows {
            let (it, h) = self.row(cols, r)?;
            self.need(h)?;
            self.flow.place(&it, 0.0, h);
        }
        self.head = None;
        self.flow.y += 10.0;
        Ok(())
    }
}

fn version_cell(state: &str, hash: &str) -> Cell {
    let color = if state == "approved" { GREEN } else { RED };
    (version_text(state, hash), color, state != "approved")
}

fn language(project: &Project, code: &str) -> String {
    match project.catalogs.get(code) {
        Some(c) if !c.info.name.is_empty() => format!("{code} ({})", c.info.name),
        _ => code.to_string(),
    }
}

fn summary(project: &Project, r: &Report) -> Vec<(String, Color)> {
    let t = &r.totals;
    let copies = |n: u32| if n == 1 { "copy" } else { "copies" };
    let mut v = vec![(
        format!(
            "{} {} up at {} {}{}.",
            t.copies,
            copies(t.copies),
            t.places,
            if t.places == 1 { "place" } else { "places" },
            r.to.as_ref()
                .map(|d| format!(" on {d}"))
                .unwrap_or_default()
        ),
        Color::BLACK,
    )];
    if !t.locales.is_empty() {
        let by: Vec<String> = t
            .locales
            .iter()
            .map(|(l, n)| format!("{} {n}", language(project, l)))
            .collect();
        v.push((format!("By language: {}.", by.join(", ")), Color::BLACK));
        let by: Vec<String> = t.designs.iter().map(|(d, n)| format!("{d} {n}")).collect();
        v.push((format!("By piece: {}.", by.join(", ")), Color::BLACK));
    }
    if t.not_approved > 0 {
        v.push((
            format!(
                "{} {} up {} not the approved version (marked DRAFT below): replace them with approved copies.",
                t.not_approved,
                copies(t.not_approved),
                if t.not_approved == 1 { "is" } else { "are" }
            ),
            RED,
        ));
    }
    v
}

/// The report as a scene of US Letter pages.
pub fn scene(project: &Project, r: &Report) -> Result<Scene, Diagnostics> {
    let facility = if r.facility.is_empty() {
        "No facility name ([facility] name in the kit file)".to_string()
    } else {
        r.facility.clone()
    };
    let mut doc = Doc {
        project,
        regular: any_script(project, FontRole::Regular),
        bold: any_script(project, FontRole::Bold),
        flow: Flow::new(M, FOOT).min_fill(40.0),
        running: format!("Posting report: {facility} (continued)"),
        head: None,
    };
    if doc.regular.fonts.is_empty() || doc.bold.fonts.is_empty() {
        return Err(Diagnostic::error("posting report: no font of fonts/fonts.toml loads").into());
    }
    doc.flow.page();
    doc.para("Posting report", 22.0, NAVY, true)?;
    doc.para(&facility, 14.0, Color::BLACK, true)?;
    doc.para(
        &format!(
            "Records: {}. Made on {}. What staff logged as posted, removed or replaced, and the version of each piece put up.",
            r.range_text(),
            r.made
        ),
        BODY,
        GREY,
        false,
    )?;
    doc.flow.y += 6.0;
    if r.is_empty() {
        doc.para(NOTHING_YET, 14.0, RED, true)?;
        doc.para(HOW_TO_RECORD, BODY, Color::BLACK, false)?;
    } else {
        for (line, color) in summary(project, r) {
            doc.para(&line, BODY, color, color == RED)?;
        }
        doc.flow.y += 6.0;
        let head = match &r.to {
            Some(t) => format!("What was up on {t}"),
            None => "What is up now".into(),
        };
        doc.para(&head, 14.0, NAVY, true)?;
        let rows: Vec<Vec<Cell>> = r
            .standing
            .iter()
            .map(|s| {
                let up_color = if s.up == 0 { GREY } else { Color::BLACK };
                vec![
                    (s.place.clone(), Color::BLACK, false),
                    (s.design.clone(), Color::BLACK, false),
                    (s.locale.clone(), Color::BLACK, false),
                    (s.up.to_string(), up_color, true),
                    (
                        format!("{} {} by {}", s.last_action.label(), s.last_date, s.last_by),
                        Color::BLACK,
                        false,
                    ),
                    version_cell(&s.state, &s.hash),
                ]
            })
            .collect();
        doc.table(&STANDING, &rows)?;
        doc.para(&format!("Log: {}", r.range_text()), 14.0, NAVY, true)?;
        if r.events.is_empty() {
            doc.para("No records in this range.", BODY, GREY, false)?;
        }
        let rows: Vec<Vec<Cell>> = r
            .events
            .iter()
            .map(|e| {
                let place = if e.note.is_empty() {
                    e.place.clone()
                } else {
                    format!("{}\nNote: {}", e.place, e.note)
                };
                vec![
                    (e.date.clone(), Color::BLACK, false),
                    (
                        format!("{} {}", e.action.label(), e.count),
                        Color::BLACK,
                        false,
                    ),
                    (format!("{} ({})", e.design, e.locale), Color::BLACK, false),
                    (place, Color::BLACK, false),
                    (e.by.clone(), Color::BLACK, false),
                    version_cell(&e.state, &e.hash),
                    (format!("record {}", e.id), GREY, false),
                ]
            })
            .collect();
        doc.table(&LOG, &rows)?;
    }
    let tail = format!("posting report, {}, made {}", r.range_text(), r.made);
    let regular = doc.regular.clone();
    let pages = doc.flow.finish(|page, total| {
        let text = format!("{tail} \u{00b7} page {page} of {total}");
        wrapped_any(
            project,
            &regular,
            &text,
            (M, H - M + 2.0, W - 2.0 * M),
            9.0,
            LEADING,
            GREY,
        )
        .map(|(it, _)| it)
        .map_err(|e| Diagnostic::error(format!("posting report footer: {e:?}")))
    })?;
    Ok(Scene::document(
        "posting-report",
        format!("Posting report: {facility}, {}", r.range_text()),
        pages,
        Arc::clone(&project.fonts),
        DocStatus::new("posting report", 0, 0),
    ))
}

/// The report as PDF bytes: the same report always gives the same bytes (no clock is
/// read; the day it was made is part of the report).
pub fn to_pdf(project: &Project, report: &Report) -> Result<Vec<u8>, Diagnostics> {
    let s = scene(project, report)?;
    crate::export::pdf::export(&s)
        .map_err(|m| Diagnostics::from(Diagnostic::error(format!("posting report: {m}"))))
}

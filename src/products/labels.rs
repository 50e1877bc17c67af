//! Office printers: pieces imposed N-up on label sheets (Avery 5160, 5163, 5164, 5371, 22806)
//! or plain Letter and A4 cut sheets, from the templates in `designs/sheets/templates.toml`, with a
//! calibration page and x/y offsets for printers that drift.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::{Color, Length};
use crate::layout::label;
use crate::load::project::Project;
use crate::load::spec::Medium;
use crate::scene::{DocStatus, Item, Page, Rect, Scene};

/// Where the templates live.
pub const FILE: &str = "designs/sheets/templates.toml";

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// US Letter, 8.5 x 11 in.
    Letter,
    /// A4, 210 x 297 mm.
    A4,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.28, 841.89),
        }
    }
}

/// One sheet template.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// What it is, for people.
    pub title: String,
    /// Paper.
    pub paper: Paper,
    /// Label width and height.
    pub label: [Length; 2],
    /// Labels across.
    pub columns: usize,
    /// Labels down.
    pub rows: usize,
    /// From the paper's left edge to the first label's left edge.
    pub left: Length,
    /// From the paper's top edge to the first label's top edge.
    pub top: Length,
    /// From one label's left edge to the next one's.
    pub pitch_x: Length,
    /// From one label's top edge to the next one's.
    pub pitch_y: Length,
    /// Draw cut guides (plain paper cut sheets).
    #[serde(default)]
    pub cut_guides: bool,
    /// Where the geometry comes from.
    pub source: String,
    /// Whether the geometry has been confirmed.
    pub verified: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    template: BTreeMap<String, Template>,
}

/// Read the templates.
pub fn templates(project: &Project) -> Result<BTreeMap<String, Template>, Diagnostics> {
    let src = crate::load::project::read_source(&*project.assets, FILE)?;
    let f: TemplateFile = toml::from_str(&src.text).map_err(|e| {
        Diagnostic::error(format!(
            "sheet templates are not valid: {}",
            e.message().trim()
        ))
        .at(&src, e.span())
        .hint("each template needs title, paper, label, columns, rows, left, top, pitch_x, pitch_y, source and verified")
    })?;
    Ok(f.template)
}

fn pt(l: Length) -> f32 {
    l.to_pt(1.0, 0.0)
}

/// The labels' rectangles on the paper (points, top-left origin), row by row, moved by
/// the printer offsets.
pub fn positions(t: &Template, offset: (f32, f32)) -> Vec<Rect> {
    let (w, h) = (pt(t.label[0]), pt(t.label[1]));
    let mut out = Vec::new();
    for r in 0..t.rows {
        for c in 0..t.columns {
            out.push(Rect::new(
                pt(t.left) + c as f32 * pt(t.pitch_x) + offset.0,
                pt(t.top) + r as f32 * pt(t.pitch_y) + offset.1,
                w,
                h,
            ));
        }
    }
    out
}

fn inches(p: f32) -> String {
    format!("{:.3}", p / 72.0)
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// "3 x 3 in", or "76.2 x 76.2 mm" with `mm` (templates measured in millimetres).
fn size_words(w: f32, h: f32, mm: bool) -> String {
    if mm {
        let mm = |p: f32| {
            format!("{:.1}", p / crate::base::units::PT_PER_MM)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        };
        format!("{} x {} mm", mm(w), mm(h))
    } else {
        format!("{} x {} in", inches(w), inches(h))
    }
}

/// How far a template's labels may differ from a piece's trim, in either dimension,
/// and still match it: 1/16 in.
pub const MATCH_SLACK_PT: f32 = 4.5;

/// A print design's trim size in points.
pub fn trim_size(d: &crate::load::spec::Design) -> (f32, f32) {
    let px = d.px_pt();
    (d.width.to_pt(px, 0.0), d.height.to_pt(px, 0.0))
}

/// Whether labels of `label` (w, h in points) match a piece of `trim`.
fn matches(label: (f32, f32), trim: (f32, f32)) -> bool {
    (label.0 - trim.0).abs() <= MATCH_SLACK_PT + 0.01
        && (label.1 - trim.1).abs() <= MATCH_SLACK_PT + 0.01
}

/// The templates whose labels match a piece of `trim` (points), those on `paper` first.
pub fn fitting(all: &BTreeMap<String, Template>, trim: (f32, f32), paper: Paper) -> Vec<String> {
    let mut v: Vec<(&String, &Template)> = all
        .iter()
        .filter(|(_, t)| matches((pt(t.label[0]), pt(t.label[1])), trim))
        .collect();
    v.sort_by_key(|(n, t)| (t.paper != paper, n.as_str()));
    v.into_iter().map(|(n, _)| n.clone()).collect()
}

/// When the labels (or cells) of template `name` differ from the trim of `design`
/// (`trim`, points) by more than [`MATCH_SLACK_PT`]: why that matters, naming both
/// sizes ("avery-5163 labels are 4 x 2 in but wallet-card is 3.5 x 2 in: ...").
pub fn mismatch(name: &str, t: &Template, design: &str, trim: (f32, f32)) -> Option<String> {
    let label = (pt(t.label[0]), pt(t.label[1]));
    if matches(label, trim) {
        return None;
    }
    let mm = matches!(t.label[0], Length::Mm(_));
    let what = if t.cut_guides { "cells" } else { "labels" };
    let why = if trim.0 > label.0 + 0.72 || trim.1 > label.1 + 0.72 {
        format!("the piece does not fit on the {what}")
    } else if t.cut_guides {
        "each piece sits centred in a larger cell, so cutting on the guides leaves a blank border to trim off".to_string()
    } else {
        "each piece sits centred on a larger label, with a blank border of label around it"
            .to_string()
    };
    Some(format!(
        "{name} {what} are {} but {design} is {}: {why} (they should match within 1/16 in)",
        size_words(label.0, label.1, mm),
        size_words(trim.0, trim.1, mm),
    ))
}

/// The label templates the given designs recommend (`label_template`), checked: a
/// template that does not exist, or whose labels do not match the design's trim, is a
/// warning (`label-template`) with a hint naming a template that fits.
pub fn design_templates(project: &Project, designs: &[String]) -> Diagnostics {
    let mut d = Diagnostics::default();
    let named: Vec<(&crate::load::spec::Design, &String)> = designs
        .iter()
        .filter_map(|n| project.designs.get(n))
        .filter(|x| x.medium == Medium::Print)
        .filter_map(|x| x.label_template.as_ref().map(|t| (x, t)))
        .collect();
    if named.is_empty() {
        return d;
    }
    let all = match templates(project) {
        Ok(a) => a,
        Err(e) => return e,
    };
    for (design, name) in named {
        let span = design
            .source
            .find_line(|l| l.trim_start().starts_with("label_template"));
        let file = design.source.path.display().to_string();
        let Some(t) = all.get(name) else {
            d.push(
                Diagnostic::warning(format!(
                    "{} recommends the label template `{name}`, which {FILE} does not have",
                    design.name
                ))
                .at(&design.source, span)
                .hint(format!(
                    "templates: {}",
                    all.keys().cloned().collect::<Vec<_>>().join(", ")
                ))
                .code("label-template"),
            );
            continue;
        };
        let trim = trim_size(design);
        let Some(msg) = mismatch(name, t, &design.name, trim) else {
            continue;
        };
        let fit = fitting(&all, trim, t.paper);
        let hint = match fit.first() {
            Some(f) => format!("{f} fits it: set label_template = \"{f}\" in {file}"),
            None => format!(
                "no template in {FILE} has {} of {}: add one that does, or leave label_template out",
                if t.cut_guides { "cells" } else { "labels" },
                size_words(trim.0, trim.1, matches!(t.label[0], Length::Mm(_)))
            ),
        };
        d.push(
            Diagnostic::warning(msg)
                .at(&design.source, span)
                .hint(hint)
                .code("label-template"),
        );
    }
    d
}

/// Check that a piece can go on the template's labels.
fn fits(s: &Scene, name: &str, t: &Template) -> Result<(), Diagnostic> {
    let p = &s.pages[0];
    let (lw, lh) = (pt(t.label[0]), pt(t.label[1]));
    // Sizes in the template's own unit: millimetres for A4 sheets.
    let mm = matches!(t.label[0], Length::Mm(_));
    if s.medium != Medium::Print {
        return Err(Diagnostic::error(format!(
            "{} is a screen design; label sheets take print designs",
            s.design
        )));
    }
    if s.pages.len() > 2 {
        return Err(Diagnostic::error(format!(
            "{} has {} pages; a label holds one, or two printed on both sides",
            s.design,
            s.pages.len()
        )));
    }
    if s.mirrored {
        return Err(Diagnostic::error(format!(
            "{} is mirrored for second-surface vinyl; label sheets take unmirrored pieces",
            s.design
        ))
        .hint("use the unmirrored design, or send the mirrored PDF to a print shop"));
    }
    // A hundredth of an inch of slack for rounding.
    if p.trim.w > lw + 0.72 || p.trim.h > lh + 0.72 {
        return Err(Diagnostic::error(format!(
            "{} is {}, larger than the {name} {} ({})",
            s.design,
            size_words(p.trim.w, p.trim.h, mm),
            if t.cut_guides { "cell" } else { "label" },
            size_words(lw, lh, mm)
        ))
        .hint("choose a template with larger labels or cells (hotline-kit sheet --help lists them), or a smaller design"));
    }
    Ok(())
}

/// Page `page` of the piece moved so its trim box sits centred in `cell`; backgrounds
/// are cut to the trim (the bleed has nowhere to go on a label sheet).
fn place(s: &Scene, page: usize, cell: Rect) -> Vec<Item> {
    let p = &s.pages[page];
    let clip = Rect::new(
        cell.x + (cell.w - p.trim.w) / 2.0,
        cell.y + (cell.h - p.trim.h) / 2.0,
        p.trim.w,
        p.trim.h,
    );
    crate::scene::transformed(&p.items, 1.0, clip.x - p.trim.x, clip.y - p.trim.y)
        .into_iter()
        .filter_map(|it| match it {
            Item::Rect { rect: r, color } => {
                let x0 = r.x.max(clip.x);
                let y0 = r.y.max(clip.y);
                let x1 = r.right().min(clip.right());
                let y1 = r.bottom().min(clip.bottom());
                (x1 > x0 && y1 > y0).then(|| Item::Rect {
                    rect: Rect::new(x0, y0, x1 - x0, y1 - y0),
                    color,
                })
            }
            other => Some(other),
        })
        .collect()
}

const GUIDE: Color = Color::rgb(0x99, 0x99, 0x99);

fn hline(y: f32, w: f32) -> Item {
    Item::Rect {
        rect: Rect::new(0.0, y - 0.25, w, 0.5),
        color: GUIDE,
    }
}

fn vline(x: f32, h: f32) -> Item {
    Item::Rect {
        rect: Rect::new(x - 0.25, 0.0, 0.5, h),
        color: GUIDE,
    }
}

fn sheet_scene(
    project: &Project,
    title: String,
    pages: Vec<Vec<Item>>,
    paper: Paper,
    status: DocStatus,
) -> Scene {
    let (w, h) = paper.size();
    let page = Rect::new(0.0, 0.0, w, h);
    let pages = pages
        .into_iter()
        .map(|items| Page {
            width: w,
            height: h,
            trim: page,
            bleed: page,
            safe: page,
            items,
            blocks: Vec::new(),
            marks: Vec::new(),
            cut: None,
            white: None,
        })
        .collect();
    Scene::document(
        "label-sheet",
        title,
        pages,
        Arc::clone(&project.fonts),
        status,
    )
}

/// `sheets` full sheets of the pieces, the locales taking turns label by label.
pub fn impose(
    project: &Project,
    name: &str,
    t: &Template,
    pieces: &[Scene],
    offset: (f32, f32),
    sheets: usize,
) -> Result<Scene, Diagnostics> {
    if pieces.is_empty() {
        return Err(Diagnostic::error("no pieces to put on the sheet").into());
    }
    let mut d = Diagnostics::default();
    for s in pieces {
        if let Err(e) = fits(s, name, t) {
            d.push(e);
        }
    }
    if !d.is_empty() {
        return Err(d);
    }
    let (w, h) = t.paper.size();
    let cells = positions(t, offset);
    // Two-sided pieces (a wallet card's front and back): each sheet is printed on both
    // sides, flipped on its long edge, so the backs sit in the mirrored cells.
    let sides = pieces.iter().map(|s| s.pages.len()).max().unwrap_or(1);
    let mut pages = Vec::new();
    let mut k = 0;
    for _ in 0..sheets.max(1) {
        for side in 0..sides {
            let mut items = vec![Item::Rect {
                rect: Rect::new(0.0, 0.0, w, h),
                color: Color::WHITE,
            }];
            if t.cut_guides {
                for c in &cells {
                    items.extend([
                        hline(c.y, w),
                        hline(c.bottom(), w),
                        vline(c.x, h),
                        vline(c.right(), h),
                    ]);
                }
            }
            for (i, c) in cells.iter().enumerate() {
                let s = &pieces[(k + i) % pieces.len()];
                let page = side.min(s.pages.len() - 1);
                let cell = if side == 0 {
                    *c
                } else {
                    Rect::new(w - c.right(), c.y, c.w, c.h)
                };
                items.extend(place(s, page, cell));
            }
            pages.push(items);
        }
        k += cells.len();
    }
    let locales: Vec<&str> = pieces.iter().map(|s| s.locale.as_str()).collect();
    let drafts = pieces.iter().filter(|s| s.draft.is_some()).count();
    // The metadata adds the draft count (see `Scene::meta`).
    let title = format!(
        "{} on {}{} ({})",
        pieces[0].design,
        t.title,
        if t.verified {
            ""
        } else {
            " [unverified geometry]"
        },
        locales.join(", "),
    );
    let status = DocStatus::new("label sheet", pieces.len(), drafts);
    Ok(sheet_scene(project, title, pages, t.paper, status))
}

/// A calibration page: every label outlined with a cross at its centre, to hold against
/// a label sheet in front of a light.
pub fn calibration(
    project: &Project,
    name: &str,
    t: &Template,
    offset: (f32, f32),
) -> Result<Scene, Diagnostics> {
    let (w, h) = t.paper.size();
    let mut items = vec![Item::Rect {
        rect: Rect::new(0.0, 0.0, w, h),
        color: Color::WHITE,
    }];
    let ink = Color::BLACK;
    for (i, c) in positions(t, offset).iter().enumerate() {
        let bar = |x: f32, y: f32, bw: f32, bh: f32| Item::Rect {
            rect: Rect::new(x, y, bw, bh),
            color: ink,
        };
        items.extend([
            bar(c.x, c.y, c.w, 0.5),
            bar(c.x, c.bottom() - 0.5, c.w, 0.5),
            bar(c.x, c.y, 0.5, c.h),
            bar(c.right() - 0.5, c.y, 0.5, c.h),
            bar(c.x + c.w / 2.0 - 9.0, c.y + c.h / 2.0 - 0.25, 18.0, 0.5),
            bar(c.x + c.w / 2.0 - 0.25, c.y + c.h / 2.0 - 9.0, 0.5, 18.0),
        ]);
        items.extend(label(
            project,
            &format!("{}", i + 1),
            c.x + 3.0,
            c.y + 9.0,
            7.0,
            c.w - 6.0,
            ink,
            false,
        )?);
    }
    let note = format!(
        "Calibration: {name} ({}). Offsets x {} in, y {} in.{} Print on plain paper at 100% (no \"fit to page\"), hold it over a label sheet against a light; if the outlines sit off the labels, print again with --offset-x / --offset-y in inches (right and down are positive).",
        t.title,
        inches(offset.0),
        inches(offset.1),
        if t.verified {
            String::new()
        } else {
            " UNVERIFIED template geometry: measure it.".to_string()
        }
    );
    let (it, _) = crate::layout::wrapped(
        project,
        project
            .catalogs
            .values()
            .find(|c| c.info.source)
            .ok_or_else(|| Diagnostic::error("no source catalog"))?,
        &note,
        18.0,
        2.0,
        w - 36.0,
        6.5,
        Color::rgb(0xc0, 0, 0),
        false,
    )?;
    items.extend(it);
    Ok(sheet_scene(
        project,
        format!("Calibration page for {}", t.title),
        vec![items],
        t.paper,
        DocStatus::new("calibration page for label sheets", 0, 0),
    ))
}

//! Two languages on one piece: a design's `[bilingual]` table.
//!
//! A piece may be asked for in a pair of locales (`en+es`). The design then says how the
//! two languages share the page: its own grid (`columns`, `rows`, `areas`), where an
//! area named `question@2` is the slot `question` in the second language and `question`
//! the same slot in the first. The slots that show hotline facts, the QR code and
//! pictures are placed once: the number and the code are the same in every language.
//! `[bilingual.slot."question@2"]` restyles a slot in one language (a lighter weight,
//! a smaller size, a softer colour) so the two languages read apart.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::{Align, Content, Design, FontRole, SizeRange, Slot, Track, VAlign};
use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::base::units::{Color, Length};

/// The separator of a pair of locales in a piece's locale code (`en+es`).
pub const PAIR_SEP: char = '+';

/// The suffix of an area or slot name in the second language (`question@2`).
pub const SECOND: &str = "@2";

/// How the two languages share the page (as the design's grid draws it; the name is
/// for people reading the design and the review).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arrange {
    /// One language above the other.
    Stacked,
    /// The languages side by side, in columns.
    Side,
}

/// `[bilingual.slot.NAME]`: how one slot looks in one language, where it differs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Regular or bold.
    #[serde(default)]
    pub font: Option<FontRole>,
    /// Size range.
    #[serde(default)]
    pub size: Option<SizeRange>,
    /// Text colour.
    #[serde(default)]
    pub color: Option<Color>,
    /// Horizontal alignment.
    #[serde(default)]
    pub align: Option<Align>,
    /// Vertical alignment.
    #[serde(default)]
    pub valign: Option<VAlign>,
}

/// `[bilingual]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BilingualSpec {
    /// Stacked or side by side.
    pub arrange: Arrange,
    /// Column widths.
    pub columns: Spanned<Vec<Track>>,
    /// Row heights.
    pub rows: Spanned<Vec<Track>>,
    /// Space between rows and columns (default: the layout's).
    #[serde(default)]
    pub gap: Option<Length>,
    /// One string per row; `NAME@2` is slot `NAME` in the second language.
    pub areas: Spanned<Vec<Spanned<String>>>,
    /// Per page, its own row heights (one list per `[[page]]`).
    #[serde(default)]
    pub page_rows: Vec<Spanned<Vec<Track>>>,
    /// Slots restyled in one language.
    #[serde(default)]
    pub slot: BTreeMap<String, Spanned<StyleSpec>>,
}

/// `[bilingual]`, checked.
#[derive(Debug, Clone)]
pub struct Bilingual {
    /// Stacked or side by side.
    pub arrange: Arrange,
    columns: Vec<Track>,
    rows: Vec<Track>,
    gap: Option<Length>,
    page_rows: Vec<Option<Vec<Track>>>,
    areas: BTreeMap<String, (Range<usize>, Range<usize>)>,
    styles: BTreeMap<String, StyleSpec>,
}

/// The slot a (possibly second-language) name stands for: `question@2` -> `question`.
pub fn base_name(name: &str) -> &str {
    name.strip_suffix(SECOND).unwrap_or(name)
}

/// The language (0: first, 1: second) of a slot or area name.
pub fn lang_of(name: &str) -> usize {
    usize::from(name.ends_with(SECOND))
}

/// The locales of a piece's locale code: one (`es`) or a pair (`en+es`).
pub fn locales_of(code: &str) -> Vec<&str> {
    code.split(PAIR_SEP).collect()
}

/// Whether a slot is shown once on a piece in two languages: hotline facts, the QR
/// code, pictures, local resources (they are the same in every language).
pub fn once(content: &Content) -> bool {
    matches!(
        content,
        Content::Hotline(_)
            | Content::Qr
            | Content::Images(_)
            | Content::ImagePick(_)
            | Content::Resources
            | Content::Contacts
    )
}

/// Check `[bilingual]` against the design's slots and pages.
pub(super) fn parse(
    spec: &BilingualSpec,
    slots: &[Slot],
    pages: usize,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> Option<Bilingual> {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let lay = super::LayoutSpec {
        columns: spec.columns.clone(),
        rows: spec.rows.clone(),
        gap: spec.gap,
        areas: spec.areas.clone(),
        ink_gap: None,
    };
    let before = diags.0.len();
    let areas = super::parse::grid_areas(&lay, src, diags);
    let span = spec.areas.span();
    for name in areas.keys() {
        let base = base_name(name);
        match slots.iter().find(|s| s.name == base) {
            None => diags.push(
                err(format!("[bilingual] area `{name}` names no slot of this design"), span.clone())
                    .hint("name a slot, or the slot with `@2` for its second language"),
            ),
            Some(s) if lang_of(name) == 1 && once(&s.content) => diags.push(
                err(format!("[bilingual] area `{name}`: slot `{base}` shows the same thing in every language, so it appears once"), span.clone())
                    .hint(format!("place `{base}` once, without `@2`")),
            ),
            Some(_) => {}
        }
    }
    for s in slots {
        if !areas.contains_key(&s.name) {
            diags.push(
                err(
                    format!("[bilingual] does not place slot `{}`", s.name),
                    span.clone(),
                )
                .hint(format!(
                    "add `{0}` (first language, and `{0}{SECOND}` for the second unless it shows the same in both) to [bilingual] areas",
                    s.name
                )),
            );
        }
    }
    for (name, st) in &spec.slot {
        if !areas.contains_key(name) {
            diags.push(err(
                format!("[bilingual.slot.\"{name}\"] restyles an area [bilingual] does not have"),
                st.span(),
            ));
        }
    }
    let n = spec.rows.get_ref().len();
    let mut page_rows = Vec::new();
    for r in &spec.page_rows {
        if r.get_ref().len() != n {
            diags.push(err(
                format!(
                    "[bilingual] page_rows: a page has {} rows, [bilingual] {n}",
                    r.get_ref().len()
                ),
                r.span(),
            ));
        }
        page_rows.push(Some(r.get_ref().clone()));
    }
    if !spec.page_rows.is_empty() && spec.page_rows.len() != pages {
        diags.push(err(
            format!(
                "[bilingual] page_rows lists {} pages, the design has {pages}",
                spec.page_rows.len()
            ),
            spec.rows.span(),
        ));
    }
    if diags.0.len() > before && diags.has_errors() {
        return None;
    }
    Some(Bilingual {
        arrange: spec.arrange,
        columns: spec.columns.get_ref().clone(),
        rows: spec.rows.get_ref().clone(),
        gap: spec.gap,
        page_rows,
        areas,
        styles: spec
            .slot
            .iter()
            .map(|(k, v)| (k.clone(), v.get_ref().clone()))
            .collect(),
    })
}

impl Design {
    /// The design as laid out in two languages: the `[bilingual]` grid, each slot in
    /// the languages it shows in (`NAME@2` for the second), restyled where the table
    /// says. An error naming the design and the fix when it has no `[bilingual]`.
    pub fn pair(&self, locale: &str) -> Result<Design, Diagnostic> {
        let Some(b) = &self.bilingual else {
            return Err(self
                .error(
                    format!(
                        "design `{}` has no [bilingual] table, so it cannot be made in two languages (`{locale}`)",
                        self.name
                    ),
                    None,
                )
                .hint(format!(
                    "add a [bilingual] table to designs/{}.toml saying how the two languages share the page (see designs/stall-sticker.toml), or build one language at a time",
                    self.variant_of.as_deref().unwrap_or(&self.name)
                )));
        };
        let mut d = self.clone();
        d.columns = b.columns.clone();
        d.rows = b.rows.clone();
        d.gap = b.gap.unwrap_or(self.gap);
        d.ink_gap = None;
        d.page_rows = if b.page_rows.is_empty() {
            vec![None; self.pages.len()]
        } else {
            b.page_rows.clone()
        };
        d.slots = b
            .areas
            .iter()
            .filter_map(|(name, (cols, rows))| {
                let s = self.slots.iter().find(|s| s.name == base_name(name))?;
                let mut s = s.clone();
                s.name = name.clone();
                s.cols = cols.clone();
                s.rows = rows.clone();
                if let Some(st) = b.styles.get(name) {
                    s.font = st.font.unwrap_or(s.font);
                    s.size = st.size.or(s.size);
                    s.color = st.color.unwrap_or(s.color);
                    s.align = st.align.unwrap_or(s.align);
                    s.valign = st.valign.unwrap_or(s.valign);
                }
                Some(s)
            })
            .collect();
        // Reading order: the first language's slots, then the second's, each in the
        // design's own order.
        let order = |n: &str| {
            let base = base_name(n);
            let i = self.slots.iter().position(|s| s.name == base);
            (lang_of(n), i)
        };
        d.slots.sort_by_key(|s| order(&s.name));
        Ok(d)
    }
}

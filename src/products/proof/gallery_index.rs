//! `index.html` of the proof gallery: what to look for, what the badges mean, every piece
//! at a glance, the bilingual tables, and a card for each piece by design and language.

use std::collections::BTreeSet;

use askama::Template;

use super::gallery_parts::{badge, language_name, page, plural, render, short_hash};
use super::html::{Layout, PieceFiles, by_design};
use super::{Piece, Proof};
use crate::products::proof::bilingual::Bilingual;

/// The badges the legend explains, with what each means.
const LEGEND: [(&str, &str); 3] = [
    (
        "draft",
        "Not approved for print yet. Every page carries a DRAFT mark.",
    ),
    ("approved", "Approved for print by the board."),
    (
        "changed",
        "Changed after it was approved: it needs to be reviewed again.",
    ),
];

/// The body of the index page.
#[derive(Template)]
#[template(path = "products/proof/index.html")]
struct Index<'a> {
    proof: &'a Proof,
    locales: BTreeSet<&'a str>,
    glance: Vec<GlanceRow<'a>>,
    bilingual: Vec<(&'a Bilingual, &'a String)>,
    designs: Vec<DesignView<'a>>,
}

/// One language's row of the table at a glance.
struct GlanceRow<'a> {
    /// The language's name (markup).
    language: String,
    /// Per design, its piece in this language (detail page and piece), if there is one.
    cells: Vec<Option<(&'a str, &'a Piece)>>,
}

/// One design's section.
struct DesignView<'a> {
    design: &'a str,
    title: &'a str,
    size: &'a str,
    anchor: &'a str,
    compare: &'a str,
    /// One card (markup) per language.
    cards: Vec<String>,
}

/// `index.html`.
pub(super) fn index(proof: &Proof, layout: &Layout) -> String {
    let groups = by_design(proof);
    let locales: BTreeSet<&str> = proof.pieces.iter().map(|p| p.locale.as_str()).collect();
    let glance = locales
        .iter()
        .filter_map(|locale| {
            let any = proof.pieces.iter().find(|p| p.locale == *locale)?;
            let cells = groups
                .iter()
                .map(|(_, pieces)| {
                    let (i, p) = pieces.iter().find(|(_, p)| p.locale == *locale)?;
                    Some((layout.pieces[*i].page.as_str(), *p))
                })
                .collect();
            Some(GlanceRow {
                language: language_name(any),
                cells,
            })
        })
        .collect();
    let designs = groups
        .iter()
        .map(|(design, pieces)| {
            let first = pieces[0].1;
            DesignView {
                design,
                title: &first.title,
                size: &first.size,
                anchor: &layout.anchors[*design],
                compare: &layout.compare[*design],
                cards: pieces
                    .iter()
                    .map(|(i, p)| card(&layout.pieces[*i], p))
                    .collect(),
            }
        })
        .collect();
    let body = render(&Index {
        proof,
        locales,
        glance,
        bilingual: proof.bilingual.iter().zip(&layout.bilingual).collect(),
        designs,
    });
    page(
        proof,
        &format!("Proof gallery: {}", proof.kit),
        "",
        &[],
        &body,
    )
}

/// One piece on the index.
#[derive(Template)]
#[template(path = "products/proof/card.html")]
struct Card<'a> {
    f: &'a PieceFiles,
    p: &'a Piece,
}

/// The card of a piece, with its files.
fn card(f: &PieceFiles, p: &Piece) -> String {
    render(&Card { f, p })
}

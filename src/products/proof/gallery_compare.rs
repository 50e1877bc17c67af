//! `compare/DESIGN.html` of the proof gallery: one design's languages side by side, first
//! the pieces, then every message with its text in each language.

use askama::Template;

use super::gallery_parts::{
    badge, language_name, page, plural, render, review_label, short_hash, text_attrs,
};
use super::html::{Layout, Names, PieceFiles};
use super::{Piece, Proof, ProofString};

/// The comparison page's body.
#[derive(Template)]
#[template(path = "products/proof/compare.html")]
struct Compare<'a> {
    title: &'a str,
    up: &'a str,
    columns: Vec<Column<'a>>,
    /// Every message in order of first use across the languages.
    order: Vec<&'a str>,
}

/// One language.
struct Column<'a> {
    p: &'a Piece,
    f: &'a PieceFiles,
    /// The id of its heading.
    id: String,
    /// Its name (markup).
    language: String,
}

/// The string `id` on a piece, if it has one.
fn find_string<'a>(p: &'a Piece, id: &str) -> Option<&'a ProofString> {
    p.strings.iter().find(|s| s.id == id)
}

/// `compare/DESIGN.html`: one design's languages side by side.
pub(super) fn compare(
    proof: &Proof,
    layout: &Layout,
    design: &str,
    pieces: &[(usize, &Piece)],
) -> String {
    let up = "../";
    let title = &pieces[0].1.title;
    let mut ids = Names::default();
    ids.taken.insert("main".into());
    let columns = pieces
        .iter()
        .map(|(i, p)| Column {
            p,
            f: &layout.pieces[*i],
            id: ids.claim_id("lang-", &p.locale),
            language: language_name(p),
        })
        .collect();
    let mut order: Vec<&str> = Vec::new();
    for (_, p) in pieces {
        for s in &p.strings {
            if !order.contains(&s.id.as_str()) {
                order.push(&s.id);
            }
        }
    }
    let body = render(&Compare {
        title,
        up,
        columns,
        order,
    });
    page(
        proof,
        &format!("{title}: languages side by side"),
        up,
        &[
            ("Gallery", format!("{up}index.html")),
            (title, format!("{up}index.html#{}", layout.anchors[design])),
            ("Compare languages", String::new()),
        ],
        &body,
    )
}

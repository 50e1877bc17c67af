//! `pieces/DESIGN-LOCALE.html` of the proof gallery: one piece in full (its facts and
//! pages), the words on it beside their English meaning, its pictures, and a printable
//! comment form.

use askama::Template;

use super::gallery_parts::{
    badge, capitalise, full_hash, language_name, page, plural, render, review_label, text_attrs,
};
use super::html::{Layout, PieceFiles};
use super::{Piece, Proof, ProofImage};

/// The piece: facts, pages, words and pictures.
#[derive(Template)]
#[template(path = "products/proof/piece.html")]
struct PieceView<'a> {
    p: &'a Piece,
    f: &'a PieceFiles,
    /// The piece's language (markup).
    language: &'a str,
    /// The way back to the gallery folder.
    up: &'a str,
    /// The design's comparison page.
    compare: &'a str,
    /// Whether any string has an English meaning (the table gets a column for them).
    glossed: bool,
    /// The pictures on the piece with their files in the gallery.
    pictures: Vec<(&'a ProofImage, &'a String)>,
}

/// A comment form to fill in on screen and print, or print blank and write on. It is
/// not an HTML form: nothing is sent anywhere, and Enter in a field does not reload the
/// page.
#[derive(Template)]
#[template(path = "products/proof/comment.html")]
struct CommentForm<'a> {
    p: &'a Piece,
    language: &'a str,
    kit: &'a str,
    date: &'a str,
}

/// `pieces/DESIGN-LOCALE.html`.
pub(super) fn detail(proof: &Proof, layout: &Layout, i: usize, p: &Piece) -> String {
    let up = "../";
    let language = language_name(p);
    let mut body = render(&PieceView {
        p,
        f: &layout.pieces[i],
        language: &language,
        up,
        compare: &layout.compare[&p.design],
        glossed: p.strings.iter().any(|s| s.gloss.is_some()),
        pictures: p
            .images
            .iter()
            .filter_map(|img| Some((img, layout.illustrations.get(&img.id)?)))
            .collect(),
    });
    body.push_str(&render(&CommentForm {
        p,
        language: &language,
        kit: &proof.kit,
        date: &proof.date,
    }));
    page(
        proof,
        &format!("{}, {}: proof", p.title, p.locale_name),
        up,
        &[
            ("Gallery", format!("{up}index.html")),
            (
                &p.title,
                format!("{up}index.html#{}", layout.anchors[&p.design]),
            ),
            (&p.locale_name, String::new()),
        ],
        &body,
    )
}

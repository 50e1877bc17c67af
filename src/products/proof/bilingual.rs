//! The bilingual table of each translated locale in a proof: every message with its
//! English source, the translation, its English gloss and review status, and an empty
//! column for an independent back-translator's notes. In the gallery it is a printable
//! page per locale; in the review book, pages after the pieces.

use askama::Template;

use super::Proof;
use super::gallery_parts::{page, render, review_label};
use crate::load::project::Project;

/// One locale's table.
#[derive(Debug, Clone)]
pub struct Bilingual {
    /// Locale code.
    pub code: String,
    /// English name of the language.
    pub name: String,
    /// Name in its own script.
    pub native: String,
    /// Right to left.
    pub rtl: bool,
    /// One row per message of the English source, in its order.
    pub rows: Vec<Row>,
}

/// One message.
#[derive(Debug, Clone)]
pub struct Row {
    /// Message id.
    pub id: String,
    /// English as printed (hotline facts filled in).
    pub source: String,
    /// The translation as printed; `None` when the locale lacks the message.
    pub text: Option<String>,
    /// The recorded English gloss (hotline facts filled in).
    pub gloss: Option<String>,
    /// Review status (`draft`, `translated`...).
    pub status: String,
}

/// The tables of `locales` (source locale left out), in the given order.
pub fn collect(project: &Project, locales: &[String]) -> Vec<Bilingual> {
    let Some(en) = project.catalogs.values().find(|c| c.info.source) else {
        return Vec::new();
    };
    let order = crate::products::translate::fluent_order(&en.source.text);
    locales
        .iter()
        .filter_map(|code| project.catalogs.get(code))
        .filter(|c| !c.info.source)
        .map(|c| Bilingual {
            code: c.code.clone(),
            name: c.info.name.clone(),
            native: c.info.native.clone(),
            rtl: c.info.direction == crate::load::locale::Direction::Rtl,
            rows: order
                .iter()
                .filter_map(|id| {
                    let source = en.messages.get(id)?.clone();
                    let text = c.messages.get(id).cloned();
                    Some(Row {
                        id: id.clone(),
                        source,
                        status: if text.is_some() {
                            c.status(id).as_str().to_string()
                        } else {
                            "untranslated".to_string()
                        },
                        text,
                        gloss: c
                            .review
                            .get(id)
                            .and_then(|r| r.gloss.as_deref())
                            .filter(|g| !g.trim().is_empty())
                            .map(|g| super::fill_placeables(project, g)),
                    })
                })
                .collect(),
        })
        .collect()
}

/// The body of the gallery page of one locale's table.
#[derive(Template)]
#[template(path = "products/proof/bilingual.html")]
struct Table<'a> {
    t: &'a Bilingual,
    /// `rtl` or `ltr`.
    dir: &'a str,
}

/// The gallery page of one locale's table.
pub(super) fn html_page(proof: &Proof, t: &Bilingual) -> String {
    let title = format!("{} ({}): bilingual table", t.name, t.code);
    let body = render(&Table {
        t,
        dir: if t.rtl { "rtl" } else { "ltr" },
    });
    page(
        proof,
        &title,
        "../",
        &[
            ("Gallery", "../index.html".to_string()),
            (&title, String::new()),
        ],
        &body,
    )
}

/// Styles of the table (appended to the gallery's stylesheet).
pub(super) const STYLE: &str = include_str!("bilingual.css");

//! The bilingual table of each translated locale in a proof: every message with its
//! English source, the translation, its English gloss and review status, and an empty
//! column for an independent back-translator's notes. In the gallery it is a printable
//! page per locale; in the review book, pages after the pieces.

use std::fmt::Write as _;

use super::Proof;
use crate::project::Project;

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
    let order = crate::translate::fluent_order(&en.source.text);
    locales
        .iter()
        .filter_map(|code| project.catalogs.get(code))
        .filter(|c| !c.info.source)
        .map(|c| Bilingual {
            code: c.code.clone(),
            name: c.info.name.clone(),
            native: c.info.native.clone(),
            rtl: c.info.direction == crate::locale::Direction::Rtl,
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

/// The gallery page of one locale's table.
pub(super) fn html_page(proof: &Proof, t: &Bilingual) -> String {
    use super::html::{e, foot, head, review_label};
    let mut o = String::new();
    let title = format!("{} ({}): bilingual table", t.name, t.code);
    head(
        &mut o,
        &title,
        "../",
        &[
            ("Gallery", "../index.html".to_string()),
            (&title, String::new()),
        ],
    );
    let dir = if t.rtl { "rtl" } else { "ltr" };
    let _ = write!(
        o,
        "<h1>{} <span class=\"sub\" lang=\"{}\" dir=\"{dir}\">{}</span></h1>\n\
         <p class=\"lead\">Every message in English and in {}, with the English gloss (what the \
         translation says, back-translated) and its review status. The last column is for an \
         independent back-translator: read the translation without looking at the English or \
         the gloss, write what it says, then compare. Print this page (landscape reads best).</p>\n\
         <table class=\"bilingual\">\n<thead>\n<tr><th scope=\"col\">Message</th>\
         <th scope=\"col\">English source</th><th scope=\"col\">Translation ({})</th>\
         <th scope=\"col\">Gloss (English meaning)</th><th scope=\"col\">Status</th>\
         <th scope=\"col\" class=\"notes\">Back-translator&rsquo;s notes</th></tr>\n</thead>\n<tbody>\n",
        e(&t.name),
        e(&t.code),
        e(&t.native),
        e(&t.name),
        e(&t.name),
    );
    for r in &t.rows {
        let text = match &r.text {
            Some(x) => format!(
                "<td class=\"text\" lang=\"{}\" dir=\"{dir}\">{}</td>",
                e(&t.code),
                e(x)
            ),
            None => "<td class=\"text none\">missing</td>".to_string(),
        };
        let gloss = match &r.gloss {
            Some(g) => format!("<td class=\"gloss\">{}</td>", e(g)),
            None => "<td class=\"gloss none\">no gloss recorded</td>".to_string(),
        };
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td>{text}{gloss}<td>{}</td>\
             <td class=\"notes\"></td></tr>",
            e(&r.id),
            e(&r.source),
            review_label(&r.status)
        );
    }
    o.push_str("</tbody>\n</table>\n");
    foot(&mut o, proof);
    o
}

/// Styles of the table (appended to the gallery's stylesheet).
pub(super) const STYLE: &str = "
/* Bilingual tables (bilingual/CODE.html) */
table.bilingual { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.bilingual th, table.bilingual td { border: 1px solid #8a8a8a; padding: .45em .55em; vertical-align: top; text-align: start; overflow-wrap: anywhere; }
table.bilingual thead th { background: #eef1f6; }
table.bilingual td.notes, table.bilingual th.notes { width: 22%; min-width: 10em; }
table.bilingual td.none { color: #a33; font-style: italic; }
@media print {
  @page { size: landscape; margin: 12mm; }
  table.bilingual { font-size: 9pt; }
  table.bilingual tr { break-inside: avoid; }
  table.bilingual td.notes { height: 3.2em; }
}
";

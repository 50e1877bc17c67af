//! The parts every page of the proof gallery shares: the page shell (head, breadcrumbs,
//! footer), status badges, review labels and language names. Each part is an askama
//! template whose values go through [`crate::base::markup::escape`]; a part returns its markup,
//! which a page puts in with `|safe`.

use askama::Template;

use super::{Piece, Proof};

/// The gallery's stylesheet, for screen and print (`style.css`, with the bilingual
/// tables' styles after it).
pub(super) const STYLE: &str = include_str!("gallery.css");

/// A page: the head, the way back (`crumbs`: label and link, the last one the page
/// itself), `main` (markup) and the footer. `root` is the way back to the gallery folder
/// (`""` or `"../"`).
#[derive(Template)]
#[template(path = "products/proof/shell.html")]
struct Shell<'a> {
    title: &'a str,
    root: &'a str,
    crumbs: &'a [(&'a str, String)],
    main: &'a str,
    kit: &'a str,
    date: &'a str,
}

/// A whole page around `main` (markup made by a page's template).
pub(super) fn page(
    proof: &Proof,
    title: &str,
    root: &str,
    crumbs: &[(&str, String)],
    main: &str,
) -> String {
    render(&Shell {
        title,
        root,
        crumbs,
        main,
        kit: &proof.kit,
        date: &proof.date,
    })
}

/// A template's text. Rendering into a string fails only when a value's `Display` fails,
/// and none of the gallery's values can.
pub(super) fn render(t: &impl Template) -> String {
    t.render().unwrap_or_default()
}

/// A status badge: its word and colour, and a border style that differs too, so the
/// colour is never the only sign.
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<span class="badge badge-{{ class }}">{{ word }}<span class="vh">: {{ meaning }}</span></span>"#
)]
struct Badge<'a> {
    class: &'a str,
    word: &'a str,
    meaning: &'a str,
}

/// The badge of a piece status.
pub(super) fn badge(status: &str) -> String {
    let (class, word, meaning) = status_words(status);
    render(&Badge {
        class,
        word: &word,
        meaning,
    })
}

/// (CSS class, word shown, what it means) of a piece status.
fn status_words(status: &str) -> (&'static str, String, &'static str) {
    match status {
        "draft" => ("draft", "Draft".into(), "not approved for print"),
        "approved" => ("approved", "Approved".into(), "approved for print"),
        "changed" => (
            "changed",
            "Changed".into(),
            "changed since approval, needs review again",
        ),
        other => ("other", other.to_string(), "status as recorded"),
    }
}

/// A string's review status as a small label.
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<span class="review review-{{ class }}">{{ word }}</span>"#
)]
struct ReviewLabel<'a> {
    class: &'a str,
    word: &'a str,
}

/// The label of a review status (`draft`, `survivor-reviewed`...).
pub(super) fn review_label(review: &str) -> String {
    let class = match review {
        "untranslated" | "draft" | "translated" | "translator-reviewed" | "survivor-reviewed" => {
            review
        }
        _ => "other",
    };
    let word = match review {
        "untranslated" => "not translated yet",
        "draft" => "draft, unchecked",
        "translated" => "translated, not reviewed",
        "translator-reviewed" => "checked by a translator",
        "survivor-reviewed" => "reviewed by survivors",
        other => other,
    };
    render(&ReviewLabel { class, word })
}

/// `lang` and `dir` attributes for text in a language (with a space before them).
#[derive(Template)]
#[template(ext = "html", source = r#" lang="{{ lang }}" dir="{{ dir }}""#)]
struct LangAttrs<'a> {
    lang: &'a str,
    dir: &'a str,
}

/// `lang` and `dir` attributes for text in a piece's language.
pub(super) fn lang_attrs(p: &Piece) -> String {
    // A piece in two languages is marked with the first; its strings carry their own.
    let first = crate::load::spec::bilingual::locales_of(&p.locale)[0];
    render(&LangAttrs {
        lang: first,
        dir: if p.rtl { "rtl" } else { "ltr" },
    })
}

/// The attributes of a message's text: its own language and direction; an untranslated
/// one is shown in the fallback language, so its direction is left to the browser.
pub(super) fn text_attrs(s: &super::ProofString) -> String {
    if s.review == "untranslated" {
        " dir=\"auto\"".to_string()
    } else {
        render(&LangAttrs {
            lang: &s.locale,
            dir: if s.rtl { "rtl" } else { "ltr" },
        })
    }
}

/// "Spanish (Español)", with the native name marked up in its language.
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{{ name }}{% if let Some(native) = native %} <span class="native"{{ attrs|safe }}>({{ native }})</span>{% endif %}"#
)]
struct LanguageName<'a> {
    name: &'a str,
    native: Option<&'a str>,
    attrs: String,
}

/// A piece's language by its English name, and its own name when that differs.
pub(super) fn language_name(p: &Piece) -> String {
    // Two languages: their English names (their own names are on each string).
    let own = !p.native.is_empty() && p.native != p.locale_name && !p.locale.contains('+');
    render(&LanguageName {
        name: &p.locale_name,
        native: own.then_some(p.native.as_str()),
        attrs: if own { lang_attrs(p) } else { String::new() },
    })
}

/// The hex digits of a `sha256:` hash, or the hash as it is.
fn hash_hex(hash: &str) -> &str {
    hash.strip_prefix("sha256:").unwrap_or(hash)
}

/// The first 12 hex digits of a hash, for labels ("not recorded" when there is none).
pub(super) fn short_hash(hash: &str) -> String {
    let hex: String = hash_hex(hash).chars().take(12).collect();
    if hex.is_empty() {
        "not recorded".into()
    } else {
        hex
    }
}

/// A full hash, or "not recorded".
pub(super) fn full_hash(hash: &str) -> &str {
    if hash.is_empty() {
        "not recorded"
    } else {
        hash
    }
}

/// "piece" or "pieces".
pub(super) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// "skin tone" -> "Skin tone".
pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_hashes() {
        assert_eq!(short_hash("sha256:0123456789abcdef"), "0123456789ab");
        assert_eq!(short_hash(""), "not recorded");
    }

    #[test]
    fn parts_escape_what_they_are_given() {
        assert_eq!(
            badge("<b>\"x\"</b>"),
            "<span class=\"badge badge-other\">&lt;b&gt;&quot;x&quot;&lt;/b&gt;<span class=\"vh\">: status as recorded</span></span>"
        );
        assert_eq!(
            review_label("</span><script>'"),
            "<span class=\"review review-other\">&lt;/span&gt;&lt;script&gt;&#39;</span>"
        );
    }
}

//! The one escaping function for text put into HTML, SVG and XML that hotline-kit writes
//! (the proof gallery, the bilingual tables, the HTML slide loop, SVG exports), and the
//! askama escaper that applies it to every `{{ value }}` of every `.html` template (set
//! in `askama.toml`), so a template escapes unless it says `|safe`.
//!
//! What it writes: `&` `<` `>` `"` `'` as character references, so a value is inert in
//! element content and in attribute values quoted either way; NUL and the other C0
//! controls that HTML and XML reject (all but tab, line feed and carriage return) as
//! U+FFFD; the direction embeddings, overrides and isolates (U+202A..U+202E,
//! U+2066..U+2069) as numeric references, so they can be seen in the page source.
//! Everything else is kept as it is.

use std::fmt::{self, Write};

/// Writes `s` escaped into `out`.
pub fn escape_into<W: Write>(mut out: W, s: &str) -> fmt::Result {
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let hex;
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\t' | '\n' | '\r' => continue,
            '\0'..='\u{1f}' => "\u{fffd}",
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                hex = format!("&#x{:X};", c as u32);
                &hex
            }
            _ => continue,
        };
        out.write_str(&s[last..i])?;
        out.write_str(rep)?;
        last = i + c.len_utf8();
    }
    out.write_str(&s[last..])
}

/// `s` escaped, as a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = escape_into(&mut out, s);
    out
}

/// The askama escaper of the `.html` templates: [`escape_into`].
#[derive(Debug, Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: Write>(&self, out: W, s: &str) -> fmt::Result {
        escape_into(out, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_references() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("Español ñ — ok"), "Español ñ — ok");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn controls_and_direction_changes_are_not_written_raw() {
        assert_eq!(escape("a\0b\u{1b}c\u{7}d"), "a\u{fffd}b\u{fffd}c\u{fffd}d");
        assert_eq!(escape("a\tb\nc\r"), "a\tb\nc\r");
        assert_eq!(
            escape("\u{202E}888\u{202C} \u{2067}x\u{2069}"),
            "&#x202E;888&#x202C; &#x2067;x&#x2069;"
        );
        // The marks and joiners that scripts need stay as they are.
        assert_eq!(
            escape("\u{200F}\u{200D}\u{061C}"),
            "\u{200F}\u{200D}\u{061C}"
        );
    }

    #[test]
    fn the_template_escaper_is_the_same_function() {
        use askama::filters::Escaper as _;
        let mut out = String::new();
        Html.write_escaped_str(&mut out, "<a href='x'>\u{202E}</a>")
            .unwrap();
        assert_eq!(out, escape("<a href='x'>\u{202E}</a>"));
    }
}

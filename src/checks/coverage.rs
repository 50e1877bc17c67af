//! Font coverage: every character of every message must have a glyph in the locale's
//! fonts, regular and bold, before anything is rendered. A missing glyph is an error
//! naming the character, never a box on the page.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::layout::text::is_bidi_control;
use crate::load::locale::Catalog;
use crate::load::project::Project;
use crate::load::spec::FontRole;

/// Check one catalog; one error per message and missing character.
pub fn check(project: &Project, cat: &Catalog) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for role in [FontRole::Regular, FontRole::Bold] {
        let chain = project.chain(cat, role);
        let faces: Vec<_> = match chain
            .fonts
            .iter()
            .map(|&id| project.fonts.face(id))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                return diags;
            }
        };
        for (id, text) in &cat.messages {
            let mut seen = Vec::new();
            for c in text.chars() {
                if c.is_whitespace()
                    || c.is_control()
                    || is_bidi_control(c)
                    || matches!(c, '\u{200C}' | '\u{200D}')
                    || seen.contains(&c)
                {
                    continue;
                }
                seen.push(c);
                if !faces.iter().any(|f| f.has(c)) {
                    diags.push(
                        Diagnostic::error(format!(
                            "message `{id}` in locale `{}` uses U+{:04X} `{c}`, which no {:?} font of the locale has",
                            cat.code, c as u32, role
                        ))
                        .at(&cat.source, cat.span_of(id))
                        .hint(format!(
                            "replace the character, or add a font family that has it to `fonts` of [{}] in locales/locales.toml (now: {})",
                            cat.code,
                            cat.info.fonts.join(", ")
                        )),
                    );
                }
            }
        }
        if diags.has_errors() {
            break; // the regular face's errors are enough to act on
        }
    }
    diags
}

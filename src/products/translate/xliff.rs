//! XLIFF 1.2, written and read.
//!
//! Why 1.2 and not 2.0: Trados, memoQ, Phrase, Memsource, Wordfast and OmegaT all read
//! and write 1.2; 2.0 support is still partial in several of them. A placeable is an
//! empty `<x id="sms" equiv-text="{ $sms }"/>`: CAT tools show it as a locked tag that
//! a translator can move but not edit, and `equiv-text` tells what it stands for.
//!
//! Reading uses roxmltree with document type declarations refused (no entities, no
//! external references), a node limit, and a size limit checked before reading.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::import::{InFile, InUnit};
use super::{Export, Pattern, Seg, bad_char, bad_char_error};
use crate::base::diag::{Diagnostic, Diagnostics, Source};

/// The XLIFF 1.2 namespace.
pub const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// Text escaped for XML content and attribute values (line breaks kept as character
/// references in attributes, where a parser would turn them into spaces).
fn esc(s: &str, attr: bool) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\n' if attr => o.push_str("&#10;"),
            c => o.push(c),
        }
    }
    o
}

/// A pattern as XLIFF inline content: text escaped, placeables as `<x/>`.
fn inline(p: &Pattern, ids: &[(String, String)]) -> String {
    let mut used = vec![false; ids.len()];
    let mut o = String::new();
    for s in &p.0 {
        match s {
            Seg::Text(t) => o.push_str(&esc(t, false)),
            Seg::Ph(ph) => {
                // The first unused id of this placeable (a target may reorder them).
                let k = ids
                    .iter()
                    .enumerate()
                    .position(|(i, (_, v))| v == ph && !used[i]);
                let id = match k {
                    Some(k) => {
                        used[k] = true;
                        ids[k].0.clone()
                    }
                    None => "unknown".into(),
                };
                o.push_str(&format!(
                    "<x id=\"{}\" ctype=\"x-fluent-placeable\" equiv-text=\"{}\"/>",
                    esc(&id, true),
                    esc(ph, true)
                ));
            }
        }
    }
    o
}

fn xliff_state(s: crate::load::locale::Review, present: bool) -> &'static str {
    use crate::load::locale::Review as R;
    match (present, s) {
        (false, _) | (true, R::Untranslated) => "new",
        (true, R::Draft) => "needs-review-translation",
        (true, R::Translated) => "translated",
        (true, R::TranslatorReviewed) => "signed-off",
        (true, R::SurvivorReviewed) => "final",
    }
}

/// The export as an XLIFF 1.2 document. Refuses text XML cannot carry.
pub fn write(e: &Export) -> Result<String, Diagnostics> {
    let mut d = Diagnostics::default();
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NS}\">\n"));
    o.push_str(&format!(
        "  <file original=\"locales/{code}.ftl\" source-language=\"{src}\" target-language=\"{code}\" datatype=\"plaintext\" tool-id=\"hotline-kit\">\n",
        code = esc(&e.code, true),
        src = esc(&e.source_code, true)
    ));
    o.push_str("    <header>\n      <tool tool-id=\"hotline-kit\" tool-name=\"hotline-kit\"/>\n");
    o.push_str(&format!(
        "      <note>{}</note>\n    </header>\n    <body>\n",
        esc(&header_note(e), false)
    ));
    for u in &e.units {
        for (what, text) in [
            ("English source", u.source.fluent()),
            (
                "translation",
                u.target.as_ref().map(|t| t.fluent()).unwrap_or_default(),
            ),
            ("gloss", u.gloss.clone()),
        ] {
            if let Some(c) = bad_char(&text) {
                d.push(bad_char_error(&u.id, what, c));
            }
        }
        let ids = u.source.ids();
        // A message with a line break keeps it through CAT tools that re-wrap.
        let multiline = u.source.fluent().contains('\n')
            || u.target.as_ref().is_some_and(|t| t.fluent().contains('\n'));
        let space = if multiline {
            " xml:space=\"preserve\""
        } else {
            ""
        };
        o.push_str(&format!(
            "      <trans-unit id=\"{id}\" resname=\"{id}\"{space}>\n        <source xml:lang=\"{}\">{}</source>\n",
            esc(&e.source_code, true),
            inline(&u.source, &ids),
            id = esc(&u.id, true)
        ));
        let state = xliff_state(u.status, u.target.is_some());
        let target = u
            .target
            .as_ref()
            .map(|t| inline(t, &ids))
            .unwrap_or_default();
        o.push_str(&format!(
            "        <target xml:lang=\"{}\" state=\"{state}\">{target}</target>\n",
            esc(&e.code, true)
        ));
        let status = if u.status_by.is_empty() {
            u.status.as_str().to_string()
        } else {
            format!("{} ({})", u.status.as_str(), u.status_by)
        };
        let mut notes = vec![
            ("status", "target", status),
            ("gloss", "target", u.gloss.clone()),
        ];
        if let Some(c) = &u.comment {
            notes.push(("context", "source", c.clone()));
        }
        notes.push((
            "appears-in",
            "general",
            if u.uses.is_empty() {
                "no design shows it yet".to_string()
            } else {
                u.uses.join("\n")
            },
        ));
        for (from, annotates, text) in notes {
            o.push_str(&format!(
                "        <note from=\"{from}\" annotates=\"{annotates}\">{}</note>\n",
                esc(&text, false)
            ));
        }
        o.push_str("      </trans-unit>\n");
    }
    o.push_str("    </body>\n  </file>\n</xliff>\n");
    if d.has_errors() {
        return Err(d);
    }
    Ok(o)
}

fn header_note(e: &Export) -> String {
    format!(
        "hotline-kit messages, English to {} ({}){}. Tags such as {{ $sms }} are hotline facts (numbers, web address) filled in by hotline-kit: keep each exactly once, never type a number. Notes: status = review status now; gloss = what the current translation says in English (update it if you change the text); appears-in = where it is printed and how much room it has (box size and the smallest font size; hotline-kit refuses a translation that does not fit). Import with: hotline-kit locale import FILE --by NAME",
        e.name,
        e.code,
        if e.rtl { ", right to left" } else { "" }
    )
}

/// Parse an XLIFF 1.2 file. `english` gives each message's current English pattern
/// (to resolve `<x/>` ids); units with other ids are reported.
pub fn read(src: &Arc<Source>, english: &BTreeMap<String, Pattern>) -> Result<InFile, Diagnostics> {
    let err = |m: String, span: Option<std::ops::Range<usize>>| Diagnostic::error(m).at(src, span);
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 1_000_000,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&src.text, opts).map_err(|e| {
        let pos = e.pos();
        let line_start = src
            .text
            .split_inclusive('\n')
            .take(pos.row.saturating_sub(1) as usize)
            .map(str::len)
            .sum::<usize>();
        let mut d = err(format!("not a readable XLIFF file: {e}"), Some(line_start..line_start));
        if matches!(e, roxmltree::Error::DtdDetected) {
            d = d.hint("a DOCTYPE (document type declaration) can define entities that expand without limit or read other files: hotline-kit refuses it; save the file from the CAT tool as plain XLIFF 1.2");
        } else {
            d = d.hint("export a fresh file with `hotline-kit locale export` and translate that");
        }
        Diagnostics::from(d)
    })?;
    let root = doc.root_element();
    let span = |n: roxmltree::Node| Some(n.range());
    if root.tag_name().name() != "xliff" {
        return Err(err(
            format!(
                "the root element is <{}>, not <xliff>",
                root.tag_name().name()
            ),
            span(root),
        )
        .into());
    }
    let version = root.attribute("version").unwrap_or("");
    if version != "1.2" || root.tag_name().namespace() != Some(NS) {
        return Err(err(
            format!("XLIFF version `{version}` is not supported: hotline-kit reads XLIFF 1.2 (namespace {NS})"),
            span(root),
        )
        .hint("in the CAT tool, export the target file as XLIFF 1.2 (or re-export from hotline-kit and translate that)")
        .into());
    }
    let files: Vec<_> = root
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == "file")
        .collect();
    let [file] = files.as_slice() else {
        return Err(err(
            format!("the file holds {} <file> elements; hotline-kit reads exactly one (one locale per file)", files.len()),
            span(root),
        )
        .into());
    };
    let locale = file.attribute("target-language").unwrap_or("").to_string();
    let source_lang = file.attribute("source-language").unwrap_or("").to_string();
    let mut d = Diagnostics::default();
    let mut units = Vec::new();
    for tu in file
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "trans-unit")
    {
        let id = tu.attribute("id").unwrap_or("").to_string();
        let line = src.line_col(tu.range().start).0;
        let child = |name: &str| {
            tu.children()
                .find(|n| n.is_element() && n.tag_name().name() == name)
        };
        let Some(pattern) = english.get(&id) else {
            units.push(InUnit {
                id,
                source: None,
                target: None,
                gloss: None,
                span: tu.range(),
                line,
            });
            continue;
        };
        let ids = pattern.ids();
        let mut read_part = |n: roxmltree::Node, what: &str| -> Option<Pattern> {
            let mut segs = Vec::new();
            match inline_segs(n, &ids, &mut segs) {
                Ok(()) if preserves_space(n) => Some(Pattern(segs).normalized()),
                // Without xml:space="preserve" a line break and the indentation after it
                // are layout of the file (a CAT tool re-wrapping), not of the message.
                Ok(()) => Some(Pattern(segs.into_iter().map(unwrap_lines).collect()).normalized()),
                Err((m, at)) => {
                    d.push(
                        err(format!("unit `{id}` ({what}): {m}"), Some(at))
                            .hint("keep every tag of the English source exactly as it is; move it, but do not edit, copy or delete it"),
                    );
                    None
                }
            }
        };
        let source = child("source").and_then(|n| read_part(n, "source"));
        let target = child("target").and_then(|n| read_part(n, "target"));
        let gloss = tu
            .children()
            .find(|n| {
                n.is_element()
                    && n.tag_name().name() == "note"
                    && n.attribute("from") == Some("gloss")
            })
            .map(|n| n.text().unwrap_or("").to_string());
        // Point at the translation, where a fix goes.
        let at = child("target").unwrap_or(tu);
        units.push(InUnit {
            id,
            source,
            target,
            gloss,
            span: at.range(),
            line: src.line_col(at.range().start).0,
        });
    }
    if d.has_errors() {
        return Err(d);
    }
    Ok(InFile {
        src: src.clone(),
        locale,
        source_lang,
        units,
        source_required: true,
    })
}

type InlineErr = (String, std::ops::Range<usize>);

/// Whether `xml:space="preserve"` is in force at `n`.
fn preserves_space(n: roxmltree::Node) -> bool {
    n.ancestors()
        .find_map(|a| a.attribute((roxmltree::NS_XML_URI, "space")))
        == Some("preserve")
}

/// Text with every run of white space that holds a line break or a tab made one space.
fn unwrap_lines(s: Seg) -> Seg {
    let Seg::Text(t) = s else { return s };
    let mut out = String::with_capacity(t.len());
    let mut run = String::new();
    for c in t.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if run.contains(['\n', '\r', '\t']) {
            out.push(' ');
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    if run.contains(['\n', '\r', '\t']) {
        out.push(' ');
    } else {
        out.push_str(&run);
    }
    Seg::Text(out)
}

/// The segments of a `<source>` or `<target>`: text, `<x/>` placeables; `<g>` and `<mrk>`
/// (which CAT tools wrap segments in) are read through. Any other inline element is an
/// error: it cannot stand for anything in a catalog.
fn inline_segs(
    n: roxmltree::Node,
    ids: &[(String, String)],
    out: &mut Vec<Seg>,
) -> Result<(), InlineErr> {
    for c in n.children() {
        if c.is_text() {
            out.push(Seg::Text(c.text().unwrap_or("").to_string()));
            continue;
        }
        if !c.is_element() {
            continue;
        }
        match c.tag_name().name() {
            "x" => {
                let id = c.attribute("id").unwrap_or("");
                let Some((_, ph)) = ids.iter().find(|(i, _)| i == id) else {
                    return Err((
                        format!(
                            "the tag <x id=\"{id}\"/> is not one of the English source's placeables ({})",
                            names(ids)
                        ),
                        c.range(),
                    ));
                };
                if let Some(eq) = c.attribute("equiv-text")
                    && eq != ph
                {
                    return Err((
                        format!(
                            "the tag <x id=\"{id}\"/> was changed: it stands for `{ph}`, the file says `{eq}`"
                        ),
                        c.range(),
                    ));
                }
                out.push(Seg::Ph(ph.clone()));
            }
            "g" | "mrk" => inline_segs(c, ids, out)?,
            other => {
                return Err((
                    format!(
                        "<{other}> is not allowed here: placeables are <x/> tags from the export"
                    ),
                    c.range(),
                ));
            }
        }
    }
    Ok(())
}

fn names(ids: &[(String, String)]) -> String {
    if ids.is_empty() {
        "it has none".into()
    } else {
        ids.iter()
            .map(|(i, p)| format!("{i} = {p}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::locale::Review;
    use crate::products::translate::Unit;
    use proptest::prelude::*;

    fn export(source: Pattern, target: Pattern, gloss: &str) -> Export {
        Export {
            source_code: "en".into(),
            code: "ar".into(),
            name: "Arabic".into(),
            rtl: true,
            units: vec![Unit {
                id: "m".into(),
                source,
                target: Some(target),
                gloss: gloss.into(),
                status: Review::Draft,
                status_by: String::new(),
                comment: Some("a <comment> & \"quotes\"".into()),
                uses: vec!["poster, slot x".into()],
            }],
        }
    }

    proptest! {
        /// Markup characters, quotes, bidi text and line breaks survive the trip
        /// through the file as text, never as markup.
        #[test]
        fn hostile_text_round_trips_as_text(
            t in "[a-z <>&\"'/=;#\\n\u{0627}-\u{064A}\u{05D0}-\u{05EA}]{1,30}",
            g in "[a-z <>&\"'\\]\\[]{0,20}",
        ) {
            let src = Pattern(vec![Seg::Text("Text ".into()), Seg::Ph("{ $sms }".into())]);
            let target = Pattern(vec![Seg::Text(format!("{t} ")), Seg::Ph("{ $sms }".into())]).normalized();
            let xml = write(&export(src.clone(), target.clone(), &g)).unwrap();
            let english = BTreeMap::from([("m".to_string(), src.clone())]);
            let f = read(&Source::new("t.xlf", xml.clone()), &english).unwrap();
            prop_assert_eq!(f.locale.as_str(), "ar");
            prop_assert_eq!(f.units.len(), 1);
            prop_assert_eq!(f.units[0].target.as_ref(), Some(&target), "{}", xml);
            prop_assert_eq!(f.units[0].source.as_ref(), Some(&src));
            prop_assert_eq!(f.units[0].gloss.as_deref(), Some(g.as_str()));
        }
    }

    #[test]
    fn control_characters_are_refused_on_export() {
        let src = Pattern(vec![Seg::Text("Text".into())]);
        let bad = Pattern(vec![Seg::Text("a\u{1b}b".into())]);
        let e = write(&export(src, bad, "")).unwrap_err();
        assert!(e.0[0].message.contains("U+001B"), "{}", e.0[0].message);
    }
}

//! Survivor advisory board review: approvals bound to the exact content of a piece.
//!
//! A piece's content hash covers everything that determines what it shows: the design
//! file, the strings it uses in its locale, the locale's settings, the illustration
//! files, the font files, the hotline facts, the kit's local resources and the QR
//! payload. Each of these is an *input* with its own short hash, so when a piece changes
//! after approval, `status` can say which input changed. The approvals ledger
//! (`reviews/approvals.toml`) records the hash and the inputs with each approval.

pub use crate::base::hash::{digest, file_digest, text_digest};
pub use crate::load::ledger::{Approval, Inputs, LEDGER, Ledger, Request, Rule, Signoff, State};

use crate::load::locale::{Catalog, Review};

/// The draft mark: on every piece that is not approved for print.
pub const DRAFT_NOTE: &str = "DRAFT \u{2013} not approved for print";

/// Why a piece is a draft, shown on the piece and in its metadata and manifest entry;
/// `None` when it is final. A piece is final when the advisory board approved exactly
/// this content, its translated strings have been reviewed by a translator (an approval
/// covers the English text the board read), and no string fell back to another locale.
pub fn draft_reason(
    cat: &Catalog,
    lowest: Review,
    fell_back: &[String],
    fallback: Option<&Catalog>,
    approval: &State,
    also: &[String],
) -> Option<String> {
    let approved = matches!(approval, State::Approved { .. });
    let mut notes: Vec<String> = Vec::new();
    match approval {
        State::Changed { .. } => notes.push("changed since approval".into()),
        State::Pending {
            approvals,
            needed,
            requests,
            changes,
            ..
        } => {
            if !changes.is_empty() {
                notes.push("changed since approval".into());
            }
            if !requests.is_empty() {
                notes.push("changes requested".into());
            }
            if approvals.len() < *needed as usize {
                notes.push(format!("{} of {needed} approvals", approvals.len()));
            }
        }
        _ => {}
    }
    if lowest == Review::Untranslated {
        notes.push("untranslated text".into());
    } else if cat.info.source {
        if !approved && lowest < Review::SurvivorReviewed {
            notes.push("text not reviewed".into());
        }
    } else if lowest < Review::TranslatorReviewed {
        notes.push("draft translation".into());
    }
    if let (false, Some(fb)) = (fell_back.is_empty(), fallback) {
        notes.push(format!("in {}: {}", fb.info.name, fell_back.join(", ")));
    }
    // Reasons no approval can clear (a state notice's unverified profile).
    notes.extend(also.iter().cloned());
    if approved && notes.is_empty() {
        return None;
    }
    let head = if approved {
        // Approved, but not final: say so rather than "not approved".
        "DRAFT \u{2013} approved design, not ready for print".to_string()
    } else {
        DRAFT_NOTE.to_string()
    };
    Some(
        std::iter::once(head)
            .chain(notes)
            .collect::<Vec<_>>()
            .join(" \u{00b7} "),
    )
}

/// Seal a laid-out piece for the advisory board: its content hash over every input
/// (the laid-out pages included), where it stands in the approvals ledger, why it is a
/// draft if it is one, and the draft mark drawn on every page of a draft.
pub fn seal(
    project: &crate::load::project::Project,
    design: &crate::load::spec::Design,
    mut scene: crate::scene::Scene,
    opts: &crate::layout::Options,
) -> Result<crate::scene::Scene, crate::base::diag::Diagnostics> {
    use crate::base::diag::Diagnostics;
    if scene.languages.len() > 1 {
        return seal_pair(project, design, scene, opts);
    }
    let (cat, fallback) = project.catalogs(&scene.locale, opts.fallback.as_deref())?;
    let profile = design
        .notice_of
        .as_ref()
        .and_then(|id| project.jurisdictions.get(id));
    let mut inputs = inputs(
        project,
        &PieceParts {
            design,
            cat,
            fallback,
            messages: &scene.messages,
            fell_back: &scene.fell_back,
            pages: &scene.pages,
            qr: &scene.qr,
            resources: &opts.resources,
            contacts: &opts.contacts,
            reporting: opts.reporting.as_ref(),
        },
    );
    // The laid-out result too, so a new version of the layout cannot silently change
    // an approved piece.
    inputs.add(
        "layout",
        crate::base::hash::text_digest(&scene.pages_snapshot()),
    );
    scene.approval = opts
        .approvals
        .state(&design.name, &scene.locale, &inputs, &opts.rule);
    scene.draft = draft_reason(
        cat,
        scene.review,
        &scene.fell_back,
        fallback,
        &scene.approval,
        &profile.map(|p| p.draft_notes()).unwrap_or_default(),
    );
    scene.hash = inputs.hash();
    scene.inputs = inputs;
    if let Some(note) = scene.draft.clone() {
        crate::layout::draft_mark(project, &mut scene, &note).map_err(Diagnostics::from)?;
    }
    Ok(scene)
}

/// [`seal`] for a piece in two languages: the hash covers both catalogs' messages and
/// settings (the second language's inputs named with its code), and the piece is a
/// draft when either language's strings are not ready ([`pair_reason`]).
fn seal_pair(
    project: &crate::load::project::Project,
    design: &crate::load::spec::Design,
    mut scene: crate::scene::Scene,
    opts: &crate::layout::Options,
) -> Result<crate::scene::Scene, crate::base::diag::Diagnostics> {
    use crate::base::diag::Diagnostics;
    let profile = design
        .notice_of
        .as_ref()
        .and_then(|id| project.jurisdictions.get(id));
    let mut all = Inputs::default();
    let mut cats = Vec::new();
    for (n, l) in scene.languages.iter().enumerate() {
        let (cat, fallback) = project.catalogs(&l.locale, opts.fallback.as_deref())?;
        cats.push((cat, fallback));
        let one = inputs(
            project,
            &PieceParts {
                design,
                cat,
                fallback,
                messages: &l.messages,
                fell_back: &l.fell_back,
                pages: &scene.pages,
                qr: &scene.qr,
                resources: &opts.resources,
                contacts: &opts.contacts,
                reporting: opts.reporting.as_ref(),
            },
        );
        for (k, v) in one.0 {
            let own = k.starts_with("message ") || k.starts_with("locale ");
            let k = if n > 0 && own {
                format!("{k} ({})", l.locale)
            } else {
                k
            };
            all.0.entry(k).or_insert(v);
        }
    }
    all.add(
        "layout",
        crate::base::hash::text_digest(&scene.pages_snapshot()),
    );
    scene.approval = opts
        .approvals
        .state(&design.name, &scene.locale, &all, &opts.rule);
    let also = profile.map(|p| p.draft_notes()).unwrap_or_default();
    let reasons: Vec<(String, Option<String>)> = scene
        .languages
        .iter()
        .zip(&cats)
        .map(|(l, (cat, fb))| {
            let r = draft_reason(cat, l.review, &l.fell_back, *fb, &scene.approval, &also);
            (l.locale.clone(), r)
        })
        .collect();
    scene.draft = pair_reason(&reasons);
    scene.hash = all.hash();
    scene.inputs = all;
    if let Some(note) = scene.draft.clone() {
        crate::layout::draft_mark(project, &mut scene, &note).map_err(Diagnostics::from)?;
    }
    Ok(scene)
}

/// One draft reason for a piece in several languages from each language's
/// ([`draft_reason`]): `None` only when every language is final. Notes every language
/// shares (the approval's) are said once; a language's own notes name it
/// ("draft translation (es)").
pub fn pair_reason(reasons: &[(String, Option<String>)]) -> Option<String> {
    let sep = " \u{00b7} ";
    let split = |r: &str| -> (String, Vec<String>) {
        let mut parts = r.split(sep).map(str::to_string);
        let head = parts.next().unwrap_or_default();
        (head, parts.collect())
    };
    /// A draft reason split into its head and its notes.
    type Split = Option<(String, Vec<String>)>;
    let parts: Vec<(String, Split)> = reasons
        .iter()
        .map(|(code, r)| (code.clone(), r.as_deref().map(split)))
        .collect();
    let head = parts
        .iter()
        .find_map(|(_, p)| p.as_ref().map(|p| p.0.clone()))?;
    let notes_of =
        |p: &Option<(String, Vec<String>)>| p.as_ref().map(|p| p.1.clone()).unwrap_or_default();
    let all: Vec<Vec<String>> = parts.iter().map(|(_, p)| notes_of(p)).collect();
    let mut out: Vec<String> = Vec::new();
    // Shared notes first, once.
    if let Some(first) = all.first() {
        for n in first {
            if all.iter().all(|ns| ns.contains(n)) && !out.contains(n) {
                out.push(n.clone());
            }
        }
    }
    for ((code, _), ns) in parts.iter().zip(&all) {
        for n in ns {
            if !all.iter().all(|o| o.contains(n)) {
                out.push(format!("{n} ({code})"));
            }
        }
    }
    Some(
        std::iter::once(head)
            .chain(out)
            .collect::<Vec<_>>()
            .join(sep),
    )
}

/// What one piece is made of, for [`inputs`].
pub struct PieceParts<'a> {
    /// The design.
    pub design: &'a crate::load::spec::Design,
    /// The piece's locale.
    pub cat: &'a crate::load::locale::Catalog,
    /// The fallback locale, where messages fell back.
    pub fallback: Option<&'a crate::load::locale::Catalog>,
    /// Message ids on the piece.
    pub messages: &'a [String],
    /// Those shown in the fallback locale.
    pub fell_back: &'a [String],
    /// The laid-out pages (for the images and fonts they use).
    pub pages: &'a [crate::scene::Page],
    /// The QR payload.
    pub qr: &'a str,
    /// The kit's local resources.
    pub resources: &'a [crate::load::kitfile::Resource],
    /// The facility's staff contacts.
    pub contacts: &'a [crate::load::contact::Contact],
    /// The facility's reporting instruction for staff, if the kit gives one.
    pub reporting: Option<&'a crate::load::staff::Reporting>,
}

/// The inputs of a piece. Names, not paths, so the hash does not depend on where the
/// project is; file contents, not dates, so it does not depend on when it was checked out.
pub fn inputs(project: &crate::load::project::Project, parts: &PieceParts) -> Inputs {
    let mut i = Inputs::default();
    let d = parts.design;
    i.add(
        format!("design {}", d.name),
        text_digest(&format!("{}\n{}", d.name, d.source.text)),
    );
    let info = &parts.cat.info;
    i.add(
        format!("locale {}", parts.cat.code),
        text_digest(&format!(
            "{:?}|{}|{}|{:?}",
            info.direction,
            info.script,
            info.fonts.join(","),
            info.line_height
        )),
    );
    for id in parts.messages {
        let (cat, mark) = match (parts.fell_back.contains(id), parts.fallback) {
            (true, Some(fb)) => (fb, format!("fallback {}\n", fb.code)),
            _ => (parts.cat, String::new()),
        };
        let text = cat.messages.get(id).map_or("", String::as_str);
        i.add(
            format!("message {id}"),
            text_digest(&format!("{mark}{text}")),
        );
    }
    let mut vars = String::new();
    for (k, v) in project.hotline.variables() {
        vars.push_str(&format!("{k}={v}\n"));
    }
    i.add("hotline facts", text_digest(&vars));
    i.add("QR payload", text_digest(parts.qr));
    if let Some(p) = d
        .notice_of
        .as_ref()
        .and_then(|id| project.jurisdictions.get(id))
    {
        i.add(
            format!("jurisdiction {}", p.id),
            text_digest(&p.source.text),
        );
    }
    if !parts.resources.is_empty() {
        let lines: Vec<String> = parts.resources.iter().map(|r| r.line()).collect();
        i.add("local resources", text_digest(&lines.join("\n")));
    }
    // Contacts only where a piece shows them (patient pieces never do).
    let shows_contacts = d
        .slots
        .iter()
        .any(|s| s.content == crate::load::spec::Content::Contacts);
    if shows_contacts && !parts.contacts.is_empty() {
        let lines: Vec<String> = parts.contacts.iter().map(|c| c.line()).collect();
        i.add("staff contacts", text_digest(&lines.join("\n")));
    }
    // The kit's reporting instruction, only where a piece shows it.
    let shows_reporting = d
        .slots
        .iter()
        .any(|s| s.content == crate::load::spec::Content::Reporting);
    if let Some(r) = parts.reporting.filter(|_| shows_reporting) {
        let lines: Vec<String> = r.texts().iter().map(|(l, t)| format!("{l}: {t}")).collect();
        i.add(
            "staff reporting",
            text_digest(&lines.join(
                "
",
            )),
        );
    }
    for page in parts.pages {
        for it in &page.items {
            match it {
                crate::scene::Item::Image { image, .. } => {
                    let k = format!("image {}", image.id);
                    i.0.entry(k).or_insert_with(|| file_digest(&image.data));
                }
                crate::scene::Item::Text(run) => {
                    if let Ok(face) = project.fonts.face(run.font) {
                        let k = format!("font {}", face.file);
                        if !i.0.contains_key(&k) {
                            i.add(k, face.digest().to_string());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_final_only_when_both_languages_are_and_says_which_is_not() {
        let en = ("en".to_string(), None);
        let es_draft = (
            "es".to_string(),
            Some(format!("{DRAFT_NOTE} \u{00b7} draft translation")),
        );
        assert_eq!(pair_reason(&[en.clone(), ("es".into(), None)]), None);
        assert_eq!(
            pair_reason(&[en, es_draft.clone()]).as_deref(),
            Some(format!("{DRAFT_NOTE} \u{00b7} draft translation (es)").as_str())
        );
        let en_pending = (
            "en".to_string(),
            Some(format!("{DRAFT_NOTE} \u{00b7} 0 of 1 approvals")),
        );
        let es_both = (
            "es".to_string(),
            Some(format!(
                "{DRAFT_NOTE} \u{00b7} 0 of 1 approvals \u{00b7} draft translation"
            )),
        );
        assert_eq!(
            pair_reason(&[en_pending, es_both]).as_deref(),
            Some(
                format!("{DRAFT_NOTE} \u{00b7} 0 of 1 approvals \u{00b7} draft translation (es)")
                    .as_str()
            )
        );
    }

    fn inputs(pairs: &[(&str, &str)]) -> Inputs {
        Inputs(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), digest(v.as_bytes())))
                .collect(),
        )
    }

    #[test]
    fn changes_name_the_input_and_layout_only_on_its_own() {
        let a = inputs(&[
            ("message rf-pay", "Pay?"),
            ("layout", "1"),
            ("image x", "s"),
        ]);
        let text = inputs(&[
            ("message rf-pay", "Paid?"),
            ("layout", "2"),
            ("image x", "s"),
        ]);
        assert_eq!(text.changes(&a.short(), "es"), ["message rf-pay in es"]);
        let layout = inputs(&[
            ("message rf-pay", "Pay?"),
            ("layout", "2"),
            ("image x", "s"),
        ]);
        let c = layout.changes(&a.short(), "es");
        assert_eq!(c.len(), 1);
        assert!(c[0].starts_with("layout ("), "{c:?}");
        let added = inputs(&[
            ("message rf-pay", "Pay?"),
            ("layout", "1"),
            ("image y", "s"),
        ]);
        assert_eq!(
            added.changes(&a.short(), "es"),
            ["image y (added)", "image x (removed)"]
        );
        assert_ne!(a.hash(), layout.hash());
        assert_eq!(
            a.hash(),
            inputs(&[
                ("image x", "s"),
                ("layout", "1"),
                ("message rf-pay", "Pay?")
            ])
            .hash()
        );
    }
}

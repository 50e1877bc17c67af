//! `hotline-kit check`: everything that can be judged without printing. Text checks
//! (words to avoid, reading level, sentence length, hotline facts' age) run on the
//! catalogs; piece checks (contrast, smallest text, stranded words, labor and sex
//! coverage) run on the laid-out scenes. `build` runs the same checks and writes nothing
//! when one fails.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::units::Color;
use crate::load::content::{Level, Tag, find_forms};
use crate::load::project::Project;
use crate::load::spec::{Design, Medium, QrKind};
use crate::scene::{Item, Rect, Scene, TextBlock};

/// Reading level above which English text gets a warning (Flesch-Kincaid grade).
pub const MAX_GRADE: f32 = 8.0;
/// Target reading level, shown in hints.
pub const TARGET_GRADE: f32 = 6.0;
/// Words per sentence above which a warning is given.
pub const MAX_SENTENCE_WORDS: usize = 15;
/// Reading level above which staff text (`staff-...` messages, for adult
/// professionals) gets a warning: plain professional English, read in a hurry.
pub const MAX_STAFF_GRADE: f32 = 10.0;
/// Target reading level of staff text, shown in hints.
pub const TARGET_STAFF_GRADE: f32 = 8.0;
/// Words per sentence of staff text above which a warning is given.
pub const MAX_STAFF_SENTENCE_WORDS: usize = 20;
/// Hotline facts older than this (days since `checked`) get a warning.
pub const MAX_FACT_AGE_DAYS: i64 = 365;

/// Checks on the catalogs of the given locales, and the hotline facts' age when
/// `today` (days since 1970-01-01) is given.
pub fn texts(p: &Project, locales: &[String], today: Option<i64>) -> Diagnostics {
    let mut d = Diagnostics::default();
    let source = p.catalogs.values().find(|c| c.info.source);
    for code in locales {
        let Ok(cat) = p.catalog(code) else { continue };
        if let Some(src) = source {
            // A message only designs written in other languages name (`languages`:
            // the staff pieces) is not missing here.
            let needed = |id: &str| {
                let naming: Vec<_> = p
                    .designs
                    .values()
                    .filter(|d| d.named_messages().contains(&id))
                    .collect();
                naming.is_empty() || naming.iter().any(|d| d.written_in(code))
            };
            let missing: Vec<&String> = src
                .messages
                .keys()
                .filter(|k| !cat.messages.contains_key(*k) && needed(k))
                .collect();
            if !missing.is_empty() {
                d.push(
                    Diagnostic::warning(format!(
                        "locale `{code}` lacks {} messages: {}",
                        missing.len(),
                        missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                    .at(&cat.source, None)
                    .hint("translate them, or build with --fallback en (pieces then say which strings are in English)")
                    .code("locale-missing"),
                );
            }
        }
        if let Some((wsrc, terms)) = p.words.get(code) {
            for (id, text) in &cat.messages {
                // Every place a listed word (or a form of one) is used; where several
                // entries match one place ("victims" is an entry and a form of "victim"),
                // the entry written exactly so is reported, once.
                let mut hits: Vec<(std::ops::Range<usize>, bool, &crate::load::content::Term)> =
                    terms
                        .iter()
                        .flat_map(|t| {
                            find_forms(text, &t.term).into_iter().map(move |r| {
                                let exact = crate::load::content::fold(&text[r.clone()])
                                    == crate::load::content::fold(&t.term);
                                (r, exact, t)
                            })
                        })
                        .collect();
                hits.sort_by_key(|(r, exact, _)| (r.start, r.end, !exact));
                hits.dedup_by(|b, a| a.0 == b.0);
                let mut reported = Vec::new();
                for (found, exact, t) in hits {
                    // One diagnostic per entry and message, as before.
                    if reported.contains(&t.term) {
                        continue;
                    }
                    reported.push(t.term.clone());
                    let said = &text[found];
                    let msg = if exact {
                        format!("message `{id}` ({code}) says \"{said}\"")
                    } else {
                        format!(
                            "message `{id}` ({code}) says \"{said}\" (a form of \"{}\")",
                            t.term
                        )
                    };
                    // Staff instructions are said to patients: a listed word in one is
                    // an error, whatever its level on patient text.
                    let staff = crate::load::spec::Audience::is_staff_message(id);
                    let diag = match t.severity {
                        Level::Warning if !staff => Diagnostic::warning(msg),
                        _ => Diagnostic::error(msg),
                    };
                    let diag = if staff && t.severity == Level::Warning {
                        diag.hint("staff pieces tell staff what to say and do with patients: no labels there either")
                    } else {
                        diag
                    };
                    // Point at the word itself where it is in the catalog line.
                    let span = cat.span_of(id).map(|line| {
                        let src = &cat.source.text[line.clone()];
                        match find_forms(src, said).first() {
                            Some(at) => line.start + at.start..line.start + at.end,
                            None => line,
                        }
                    });
                    d.push(
                        diag.at(&cat.source, span)
                            .hint(format!("say \"{}\" instead: {}", t.instead, t.reason))
                            .hint(format!("word list: {}", wsrc.path.display()))
                            .code("words"),
                    );
                }
            }
        }
        if cat.code == "en" {
            // The hotline's numbers and addresses are filled in for placeables: not words
            // a reader has to read, so they do not count (a URL would read as one word
            // of ten syllables).
            let values: Vec<String> = p
                .hotline
                .variables()
                .into_iter()
                .map(|(_, v)| v)
                .filter(|v| !v.trim().is_empty())
                .collect();
            for (id, text) in &cat.messages {
                let r = readability(&without_values(text, &values));
                // Staff text is read by adult professionals, at work: a higher bound.
                let staff = crate::load::spec::Audience::is_staff_message(id);
                let (max_grade, target, max_words, who) = if staff {
                    (
                        MAX_STAFF_GRADE,
                        TARGET_STAFF_GRADE,
                        MAX_STAFF_SENTENCE_WORDS,
                        " (staff text)",
                    )
                } else {
                    (MAX_GRADE, TARGET_GRADE, MAX_SENTENCE_WORDS, "")
                };
                if r.words >= 5 && r.grade > max_grade {
                    d.push(
                        Diagnostic::warning(format!(
                            "message `{id}`{who} reads at grade {:.1} (Flesch-Kincaid)",
                            r.grade
                        ))
                        .at(&cat.source, cat.span_of(id))
                        .hint(format!(
                            "aim for grade {target} or lower: shorter sentences and words"
                        ))
                        .code("reading-level"),
                    );
                }
                if r.longest > max_words {
                    d.push(
                        Diagnostic::warning(format!(
                            "message `{id}`{who} has a sentence of {} words",
                            r.longest
                        ))
                        .at(&cat.source, cat.span_of(id))
                        .hint(format!("keep sentences to {max_words} words or fewer"))
                        .code("sentence-length"),
                    );
                }
            }
        }
    }
    if let Some(today) = today {
        d.extend(fact_age(p, today).0);
    }
    d
}

/// A text with each of `values` (longest first) taken out, for reading statistics.
pub fn without_values(text: &str, values: &[String]) -> String {
    let mut v: Vec<&String> = values.iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.len()));
    v.iter()
        .fold(text.to_string(), |t, x| t.replace(x.as_str(), " "))
}

/// Warn about hotline facts not checked in the last 12 months.
pub fn fact_age(p: &Project, today: i64) -> Diagnostics {
    let mut d = Diagnostics::default();
    let src = crate::load::project::read_source(&*p.assets, "hotline.toml");
    let h = &p.hotline;
    let mut facts: Vec<(String, &str, &String)> = vec![
        ("phone".into(), "phone", &h.phone.checked),
        ("sms".into(), "sms", &h.sms.checked),
        ("tty".into(), "tty", &h.tty.checked),
        ("chat".into(), "chat", &h.chat.checked),
        ("web".into(), "web", &h.web.checked),
    ];
    // Each channel's languages are a fact of their own, with their own date.
    for (f, l) in &h.languages {
        facts.push((format!("{} languages", f.name()), f.name(), &l.checked));
    }
    for (label, name, checked) in facts {
        let name = name.to_string();
        let at = |diag: Diagnostic| match &src {
            Ok(s) => diag.at(s, s.find_line(|l| l.trim() == format!("[{name}]"))),
            Err(_) => diag.in_file("hotline.toml"),
        };
        match parse_date(checked) {
            Some(day) if today - day > MAX_FACT_AGE_DAYS => {
                d.push(at(Diagnostic::warning(format!(
                    "hotline fact `{label}` was last checked on {checked}, {} days ago",
                    today - day
                ))
                .hint("check it against its source, then update `checked`")
                .code("fact-age")))
            }
            Some(_) => {}
            None => d.push(at(Diagnostic::error(format!(
                "hotline fact `{label}`: `checked = \"{checked}\"` is not a date"
            ))
            .hint("write it as YYYY-MM-DD"))),
        }
    }
    d
}

/// Checks on laid-out pieces: contrast, smallest text, labor and sex coverage. The kit
/// rule (at least one labor and one sex red flag) is an error for a whole kit and a
/// warning when only some designs are selected. `failed` are the pieces that could not
/// be laid out: the kit rule counts what they would have shown, so their own error is
/// not reported a second time as a kit that lacks a red flag.
pub fn pieces(p: &Project, scenes: &[Scene], failed: &[Intended], whole_kit: bool) -> Diagnostics {
    let mut d = Diagnostics::default();
    let mut press_told = std::collections::BTreeSet::new();
    for s in scenes {
        let Ok(design) = p.design(&s.design) else {
            continue;
        };
        let px = design.px_pt();
        let min = design.min_text.to_pt(px, 0.0);
        let (unit, large, large_bold) = match s.medium {
            Medium::Print => ("pt", 18.0, 14.0),
            Medium::Screen => ("px", 24.0, 18.67),
        };
        for (pi, page) in s.pages.iter().enumerate() {
            let page_no = s.page_label(pi);
            for b in &page.blocks {
                if b.size + 0.01 < min {
                    d.push(
                        design
                            .error(
                                format!(
                                    "slot `{}` of `{}` ({}{page_no}) is set at {:.1}{unit}, below the smallest size for this piece ({:.1}{unit})",
                                    b.slot, s.design, s.locale, b.size, min
                                ),
                                design.slot_span(&b.slot),
                            )
                            .hint("raise the slot's smallest size and give it more room, or shorten the text")
                            .code("min-text"),
                    );
                }
                d.extend(stranded(design, s, b, &page_no).0);
            }
            let mut reported = std::collections::BTreeSet::new();
            for (i, it) in page.items.iter().enumerate() {
                let Item::Text(run) = it else { continue };
                let bg = background(
                    &page.items[..i],
                    run.x + run.width() / 2.0,
                    run.y - run.size * 0.3,
                );
                let ratio = run.color.contrast(bg);
                let bold = p.fonts.is_bold(run.font);
                let is_large = run.size >= large || (bold && run.size >= large_bold);
                let need = if is_large { 3.0 } else { 4.5 };
                if ratio + 1e-3 < need && reported.insert((run.color, bg)) {
                    let slot = page.blocks.iter().find(|b| {
                        b.rect
                            .contains(&Rect::new(run.x, run.y - run.size * 0.5, run.width(), 0.0))
                    });
                    d.push(
                        design
                            .error(
                                format!(
                                    "text {} {} on {} in `{}` ({}{page_no}) has contrast {ratio:.2}:1; WCAG asks for {need}:1 for {} text",
                                    slot.map(|b| format!("in slot `{}`", b.slot)).unwrap_or_default(),
                                    run.color.hex(),
                                    bg.hex(),
                                    s.design,
                                    s.locale,
                                    if is_large { "large" } else { "body" }
                                ),
                                slot.and_then(|b| design.slot_span(&b.slot)),
                            )
                            .hint("darken the text or lighten the background (or the other way round)")
                            .code("contrast"),
                    );
                }
            }
        }
        // Channel languages: errors stopped the piece in layout; warnings (languages
        // not verified) are reported here.
        // Each language of a piece in two on its own.
        for cat in crate::load::spec::bilingual::locales_of(&s.locale)
            .into_iter()
            .filter_map(|l| p.catalog(l).ok())
        {
            let qr = [QrKind::Tel, QrKind::Sms, QrKind::Web]
                .into_iter()
                .find(|k| p.hotline.qr_payload(*k) == s.qr)
                .unwrap_or(design.qr);
            d.extend(
                crate::checks::channel_rule::check_piece(p, design, cat, qr)
                    .0
                    .into_iter()
                    .filter(|x| x.severity != crate::base::diag::Severity::Error),
            );
        }
        d.extend(crate::checks::lockup::piece(p, design, s).0);
        d.extend(crate::checks::qr_weight::piece(p, design, s).0);
        d.extend(crate::checks::press::piece(design, s).0);
        if press_told.insert(design.name.clone()) {
            d.extend(crate::checks::press::design(design).0);
        }
        d.extend(crate::checks::keyword::piece(p, design, s).0);
        if design.require_coverage {
            let (l, x) = coverage(p, std::slice::from_ref(s));
            if !(l && x) {
                d.push(
                    design
                        .error(format!("`{}` ({}) must ask about both labor and sex trafficking, and it does not cover {}", s.design, s.locale, missing_tags(l, x)), None)
                        .hint("add a red flag tagged labor/sex (content/red-flags.toml), or use `flags = { count = N }`")
                        .code("coverage"),
                );
            }
        }
    }
    let (l, x) = coverage(p, scenes);
    let tags: Vec<Tag> = failed
        .iter()
        .flat_map(|f| &f.messages)
        .filter_map(|id| p.flag_tag(id))
        .collect();
    let l = l || tags.iter().any(|t| t.covers(Tag::Labor));
    let x = x || tags.iter().any(|t| t.covers(Tag::Sex));
    if !(scenes.is_empty() && failed.is_empty() || l && x) {
        let what = if whole_kit {
            "the kit"
        } else {
            "the selected designs"
        };
        let verb = if whole_kit { "does" } else { "do" };
        let msg = format!(
            "{what} {verb} not ask about {}: a kit needs at least one labor and one sex red flag",
            missing_tags(l, x)
        );
        let diag = if whole_kit {
            Diagnostic::error(msg)
        } else {
            Diagnostic::warning(msg)
        };
        d.push(
            diag.hint("add a design (such as the poster) with red flags of both kinds, or pick them with `flags = { count = N }`")
                .code("kit-coverage"),
        );
    }
    d.extend(crate::checks::spacing::across_locales(p, scenes).0);
    d
}

/// A warning for each paragraph of a block whose last line leaves a word stranded
/// ([`crate::base::stranded::is_stranded`]), naming design, slot and locale.
fn stranded(design: &Design, s: &Scene, b: &TextBlock, page_no: &str) -> Diagnostics {
    let mut d = Diagnostics::default();
    for (i, para) in b.set.iter().enumerate() {
        let Some(last) = para.stranded() else {
            continue;
        };
        let item = if b.set.len() > 1 {
            format!(", item {}", i + 1)
        } else {
            String::new()
        };
        let share = para
            .lines
            .last()
            .map_or(0.0, |l| l.1 / para.measure.max(1e-3));
        d.push(
            Diagnostic::warning(format!(
                        "slot `{}` of `{}` ({}{page_no}{item}) ends in a stranded word: its last line \"{}\" fills {:.0}% of the width ({} lines)",
                        b.slot,
                        s.design,
                        s.locale,
                        last.escape_debug(),
                        share * 100.0,
                        para.lines.len()
                    ))
                .at(&design.source, design.slot_span(&b.slot))
                .hint("shorten or reword the message, or give the slot a different width; a last line should hold at least two words and 30% of the width (4 characters in Chinese and Japanese)")
                .code("stranded-word"),
        );
    }
    d
}

fn missing_tags(labor: bool, sex: bool) -> &'static str {
    match (labor, sex) {
        (false, false) => "labor or sex trafficking",
        (false, true) => "labor trafficking",
        _ => "sex trafficking",
    }
}

/// Imagery diversity across the kit's pieces: an error for a whole kit that requires
/// it, a warning otherwise.
/// `failed` pieces (not laid out) count with the pictures they would have shown.
pub fn diversity(
    p: &Project,
    scenes: &[Scene],
    failed: &[Intended],
    required: bool,
) -> Diagnostics {
    let mut d = Diagnostics::default();
    if scenes.is_empty() && failed.is_empty() {
        return d;
    }
    let mut cov = image_coverage(p, scenes);
    for e in failed
        .iter()
        .flat_map(|f| &f.images)
        .filter_map(|id| p.images.get(id))
    {
        cov.add(e);
    }
    // A kit is asked for no group its pieces may not show (no child beside a
    // question): the kit's designs and what the context rules let them show.
    let names: Vec<&str> = scenes
        .iter()
        .map(|s| s.design.as_str())
        .chain(failed.iter().map(|f| f.design.as_str()))
        .collect();
    let possible = possible_of(p, &names);
    let missing = cov.missing_within(Some(&possible));
    if !missing.is_empty() {
        let msg = format!(
            "the kit's illustrations are not diverse enough: {}",
            missing.join(", ")
        );
        let diag = if required {
            Diagnostic::error(msg)
        } else {
            Diagnostic::warning(msg)
        };
        d.push(
            diag.hint("ask for images with `image_pick = { count = N, kind = \"person\" }` so the kit chooses them together, or add designs with images")
                .hint("a kit file can set [imagery] diversity = \"advisory\" to make this a warning")
                .code("diversity"),
        );
    }
    // A slide loop plays on its own, so it must meet the same rules by itself.
    let mut seen = std::collections::BTreeSet::new();
    for s in scenes.iter().filter(|s| is_loop(s)) {
        if !seen.insert(&s.design) {
            continue;
        }
        let cov = image_coverage(p, std::slice::from_ref(s));
        if cov.tones.is_empty() && cov.ages.is_empty() {
            continue; // a multi-page piece without people
        }
        let missing = cov.missing_within(Some(&possible_of(p, &[s.design.as_str()])));
        if missing.is_empty() {
            continue;
        }
        let msg = format!(
            "the {} loop's illustrations are not diverse enough on their own: {}",
            s.design,
            missing.join(", ")
        );
        let diag = if required {
            Diagnostic::error(msg)
        } else {
            Diagnostic::warning(msg)
        };
        let diag = match p.designs.get(&s.design) {
            Some(design) => diag.at(&design.source, None),
            None => diag,
        };
        d.push(
            diag.hint("give the loop's image slot a larger count, or widen its query, so every slide adds other people")
                .hint("a kit file can set [imagery] diversity = \"advisory\" to make this a warning")
                .code("diversity"),
        );
    }
    d
}

/// A slide loop: a screen piece of several slides (a two-sided card is not one).
fn is_loop(s: &Scene) -> bool {
    s.medium == Medium::Screen && s.pages.len() > 1
}

/// What the context rules let the named designs' pictures show at all.
fn possible_of(p: &Project, names: &[&str]) -> crate::layout::diversity::Coverage {
    let mut designs: Vec<&Design> = Vec::new();
    for d in names.iter().filter_map(|n| p.designs.get(*n)) {
        if !designs.iter().any(|x| x.name == d.name) {
            designs.push(d);
        }
    }
    crate::layout::diversity::possible(p, &designs)
}

/// Who the kit's illustrations show.
pub fn image_coverage(p: &Project, scenes: &[Scene]) -> crate::layout::diversity::Coverage {
    let mut cov = crate::layout::diversity::Coverage::default();
    for s in scenes {
        for page in &s.pages {
            for it in &page.items {
                if let Some(e) = match it {
                    Item::Image { image, .. } => p.images.get(&image.id),
                    _ => None,
                } {
                    cov.add(e);
                }
            }
        }
    }
    cov
}

/// The coverage tables printed by `check`: the kit's, then each slide loop's own.
pub fn coverage_table(p: &Project, scenes: &[Scene]) -> String {
    let names: Vec<&str> = scenes.iter().map(|s| s.design.as_str()).collect();
    let possible = possible_of(p, &names);
    let mut out = image_coverage(p, scenes).table_within(Some(&possible));
    for line in crate::layout::diversity::Coverage::unreachable(&possible) {
        out.push_str(&format!("  ({line})\n"));
    }
    let mut seen = std::collections::BTreeSet::new();
    for s in scenes.iter().filter(|s| is_loop(s)) {
        if seen.insert(&s.design) {
            let own = possible_of(p, &[s.design.as_str()]);
            let t = image_coverage(p, std::slice::from_ref(s)).table_within(Some(&own));
            out.push_str(&t.replacen(
                "imagery coverage across the kit:",
                &format!(
                    "imagery coverage across the {} loop ({} slides):",
                    s.design,
                    s.pages.len()
                ),
                1,
            ));
        }
    }
    out
}

/// What a piece that could not be laid out would have shown, for the kit-wide checks.
#[derive(Debug, Clone, Default)]
pub struct Intended {
    /// The design.
    pub design: String,
    /// Message ids of every page.
    pub messages: Vec<String>,
    /// Illustration ids of every page.
    pub images: Vec<String>,
}

/// The messages and pictures a design asks for on its pages, as layout would show them
/// (red flags picked by tag, pictures chosen for the kit in `options`).
pub fn intended(p: &Project, design: &Design, options: &crate::layout::Options) -> Intended {
    use crate::load::spec::Content;
    let mut out = Intended {
        design: design.name.clone(),
        ..Intended::default()
    };
    for (pi, overrides) in design.pages.iter().enumerate() {
        for slot in design.slots.iter().filter(|s| design.shows(pi, &s.name)) {
            match overrides.get(&slot.name).unwrap_or(&slot.content) {
                Content::Text(id) => out.messages.push(id.clone()),
                Content::List(ids) => out.messages.extend(ids.iter().cloned()),
                Content::Flags(pick) => out.messages.extend(p.pick_flags(pick)),
                Content::Images(ids) => out.images.extend(ids.iter().cloned()),
                Content::ImagePick(_) => out.images.extend(
                    options
                        .image_picks
                        .get(&crate::layout::diversity::key(design, &slot.name, pi))
                        .cloned()
                        .unwrap_or_default(),
                ),
                _ => {}
            }
        }
    }
    out
}

/// Whether the pieces show a red flag covering labor, and one covering sex trafficking.
pub fn coverage(p: &Project, scenes: &[Scene]) -> (bool, bool) {
    let tags: Vec<Tag> = scenes
        .iter()
        .flat_map(|s| s.messages.iter())
        .filter_map(|id| p.flag_tag(id))
        .collect();
    (
        tags.iter().any(|t| t.covers(Tag::Labor)),
        tags.iter().any(|t| t.covers(Tag::Sex)),
    )
}

/// The colour painted last under a point: the background the text is read against.
fn background(below: &[Item], x: f32, y: f32) -> Color {
    below
        .iter()
        .rev()
        .find_map(|it| match it {
            Item::Rect { rect, color }
                if rect.x <= x && x <= rect.right() && rect.y <= y && y <= rect.bottom() =>
            {
                Some(*color)
            }
            _ => None,
        })
        .unwrap_or(Color::WHITE)
}

/// Reading statistics of an English text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    /// Flesch-Kincaid grade level.
    pub grade: f32,
    /// Words in the text.
    pub words: usize,
    /// Words in the longest sentence.
    pub longest: usize,
}

/// Flesch-Kincaid grade: 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59.
pub fn readability(text: &str) -> Readability {
    let mut sentences = 0usize;
    let mut words = 0usize;
    let mut syllables = 0usize;
    let mut longest = 0usize;
    let mut current = 0usize;
    for raw in text.split_whitespace() {
        let w: String = raw.chars().filter(|c| c.is_alphabetic()).collect();
        if !w.is_empty() {
            words += 1;
            current += 1;
            syllables += count_syllables(&w);
        }
        if raw.ends_with(['.', '?', '!']) {
            sentences += 1;
            longest = longest.max(current);
            current = 0;
        }
    }
    if current > 0 {
        sentences += 1;
        longest = longest.max(current);
    }
    let grade = if words == 0 {
        0.0
    } else {
        0.39 * words as f32 / sentences.max(1) as f32 + 11.8 * syllables as f32 / words as f32
            - 15.59
    };
    Readability {
        grade,
        words,
        longest,
    }
}

/// English syllables by vowel groups, with the usual silent-e rule.
pub fn count_syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut n = 0;
    let mut prev = false;
    for c in w.chars() {
        let v = vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    if w.ends_with('e') && !w.ends_with("le") && n > 1 {
        n -= 1;
    }
    n.max(1)
}

/// Today as days since 1970-01-01 (UTC). `HOTLINE_KIT_TODAY=YYYY-MM-DD` sets another day
/// (for reproducible proofs and tests). Only the command line calls it: the library
/// takes the date as an input (the selection's `today`).
pub fn today() -> i64 {
    if let Some(d) = std::env::var("HOTLINE_KIT_TODAY")
        .ok()
        .and_then(|s| parse_date(&s))
    {
        return d;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

/// `YYYY-MM-DD` as days since 1970-01-01.
pub fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days since 1970-01-01 as `YYYY-MM-DD` (civil from days, the inverse of [`parse_date`]).
pub fn format_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for d in [0, 59, 60, 365, 10_957, 11_016, 20_785, 20_820, 47_541] {
            assert_eq!(parse_date(&format_date(d)), Some(d), "{d}");
        }
        assert_eq!(format_date(20_785), "2026-11-28");
        assert_eq!(format_date(11_016), "2000-02-29");
    }

    #[test]
    fn dates_and_syllables() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2026-11-28"), Some(20_785));
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(count_syllables("you"), 1);
        assert_eq!(count_syllables("money"), 2);
        assert_eq!(count_syllables("confidential"), 4);
    }

    #[test]
    fn reading_level_rises_with_long_words_and_sentences() {
        let easy = readability("Can you leave your job if you want to?");
        let hard = readability(
            "Individuals experiencing exploitative employment circumstances frequently encounter considerable psychological manipulation and administrative obstacles.",
        );
        assert!(easy.grade < 6.0, "{easy:?}");
        assert!(hard.grade > 8.0, "{hard:?}");
        assert_eq!(readability("One two three. Four five.").longest, 3);
    }
}

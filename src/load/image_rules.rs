//! Context rules for illustrations (`designs/imagery/rules.toml`): what a picture must
//! never say beside a message. A child or a parent with a baby next to a question about
//! sex, a cheerful wave on a serious message, faith or cultural dress gathered on the
//! sex-trafficking slide. The rules are data, read with the catalog's tags; the kit's
//! picks never break them, and `check` reports any piece that does, naming the image, the
//! message and the rule.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::base::diag::{Diagnostic, Source};
use crate::load::content::{RedFlag, Tag};
use crate::load::imagery::{ImageEntry, allowed_values};

/// Which pages a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    /// Every page of every piece.
    Any,
    /// A page that shows a red-flag question.
    Question,
    /// A page with a question about sex (tagged `sex`, or naming sex in words).
    Sex,
    /// A page with a question about work (tagged `labor`, or naming work in words).
    Labor,
}

impl Topic {
    /// Words for a diagnostic.
    pub fn words(self) -> &'static str {
        match self {
            Topic::Any => "any message",
            Topic::Question => "a red-flag question",
            Topic::Sex => "a question about sex",
            Topic::Labor => "a question about work",
        }
    }
}

/// One `[[rule]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageRule {
    /// Short id, shown in diagnostics.
    pub id: String,
    /// The pages it applies to.
    pub topic: Topic,
    /// Catalog tags that make a picture count (any listed value of any listed tag).
    #[serde(rename = "match")]
    pub matches: BTreeMap<String, Vec<String>>,
    /// How many counted pictures such a page may show.
    #[serde(default)]
    pub max: usize,
    /// And no more of them on such a page than on any other page of the same piece (a
    /// slide loop): they are spread, never gathered on one message.
    #[serde(default)]
    pub spread: bool,
    /// Why, in words a board member reads.
    pub why: String,
}

impl ImageRule {
    /// Whether a picture counts for this rule.
    pub fn counts(&self, e: &ImageEntry) -> bool {
        self.matches
            .iter()
            .any(|(tag, values)| values.iter().any(|v| v == e.tag(tag)))
    }
}

/// The rules, in file order.
#[derive(Debug, Clone, Default)]
pub struct ImageRules {
    /// Every rule.
    pub rules: Vec<ImageRule>,
    /// The file, for diagnostics.
    pub source: Option<Arc<Source>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<ImageRule>,
}

/// Parse and check the rules file: every tag and value must be one the catalog knows,
/// so a typo never switches a rule off.
pub fn parse(src: &Arc<Source>) -> Result<ImageRules, Vec<Diagnostic>> {
    let f: RulesFile = toml::from_str(&src.text).map_err(|e| {
        vec![
            Diagnostic::error(format!("image rules are not valid: {}", e.message().trim()))
                .at(src, e.span())
                .hint("each [[rule]] needs id, topic (any, question, sex, labor), match = { tag = [values] }, max and why"),
        ]
    })?;
    let mut diags = Vec::new();
    for r in &f.rule {
        let at = src.find_line(|l| l.trim() == format!("id = \"{}\"", r.id));
        if r.matches.is_empty() {
            diags.push(
                Diagnostic::error(format!("image rule `{}` matches no tag", r.id))
                    .at(src, at.clone())
                    .hint("give `match = { age = [\"child\"] }` or another catalog tag"),
            );
        }
        for (tag, values) in &r.matches {
            let allowed = allowed_values(tag);
            if allowed.is_empty() {
                diags.push(
                    Diagnostic::error(format!("image rule `{}`: `{tag}` is not a catalog tag", r.id))
                        .at(src, at.clone())
                        .hint("tags: skin_tone, age, gender, sector, disability, headwear, kind, framing, gesture, carries"),
                );
                continue;
            }
            for v in values.iter().filter(|v| !allowed.contains(&v.as_str())) {
                diags.push(
                    Diagnostic::error(format!(
                        "image rule `{}`: `{tag} = \"{v}\"` is not a value the catalog uses",
                        r.id
                    ))
                    .at(src, at.clone())
                    .hint(format!("allowed: {}", allowed.join(", "))),
                );
            }
        }
        if r.why.trim().is_empty() {
            diags.push(
                Diagnostic::error(format!("image rule `{}` does not say why", r.id))
                    .at(src, at.clone()),
            );
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(ImageRules {
        rules: f.rule,
        source: Some(src.clone()),
    })
}

/// The topics of a page that shows these messages.
pub fn topics(flags: &[RedFlag], messages: &[String]) -> Vec<Topic> {
    let mut out = vec![Topic::Any];
    for m in messages {
        let Some(f) = flags.iter().find(|f| &f.id == m) else {
            continue;
        };
        let mut add = |t: Topic| {
            if !out.contains(&t) {
                out.push(t);
            }
        };
        add(Topic::Question);
        if f.tag == Tag::Sex || f.names.contains(&Tag::Sex) {
            add(Topic::Sex);
        }
        if f.tag == Tag::Labor || f.names.contains(&Tag::Labor) {
            add(Topic::Labor);
        }
    }
    out
}

/// A message on a page that makes a rule apply there: the first with the rule's topic.
pub fn trigger<'a>(flags: &[RedFlag], messages: &'a [String], topic: Topic) -> Option<&'a str> {
    messages
        .iter()
        .find(|m| topics(flags, std::slice::from_ref(m)).contains(&topic))
        .map(String::as_str)
}

/// A rule broken on one page.
#[derive(Debug, Clone)]
pub struct Broken<'a> {
    /// The rule.
    pub rule: &'a ImageRule,
    /// The pictures it counted on the page.
    pub images: Vec<String>,
    /// How many the page may show.
    pub allowed: usize,
}

impl ImageRules {
    /// The rules a page breaks. `pages` holds every page of the piece as (its topics,
    /// its pictures); `page` is the one looked at.
    pub fn broken<'a>(
        &'a self,
        pages: &[(Vec<Topic>, Vec<&ImageEntry>)],
        page: usize,
    ) -> Vec<Broken<'a>> {
        let (topics, images) = &pages[page];
        let mut out = Vec::new();
        for r in self.rules.iter().filter(|r| topics.contains(&r.topic)) {
            let counted: Vec<String> = images
                .iter()
                .filter(|e| r.counts(e))
                .map(|e| e.id.clone())
                .collect();
            let mut allowed = r.max;
            if r.spread {
                let others = pages
                    .iter()
                    .enumerate()
                    .filter(|(i, (_, imgs))| *i != page && !imgs.is_empty())
                    .map(|(_, (_, imgs))| imgs.iter().filter(|e| r.counts(e)).count())
                    .min();
                if let Some(o) = others {
                    allowed = allowed.min(o);
                }
            }
            if counted.len() > allowed {
                out.push(Broken {
                    rule: r,
                    images: counted,
                    allowed,
                });
            }
        }
        out
    }

    /// Whether one more picture may join a page's pictures without breaking a rule
    /// there. On a page of a slide loop (`looped`) a `spread` rule allows none: the
    /// pictures it counts go to the other slides, never gathered on this message.
    pub fn allows(
        &self,
        topics: &[Topic],
        chosen: &[&ImageEntry],
        e: &ImageEntry,
        looped: bool,
    ) -> bool {
        self.rules
            .iter()
            .filter(|r| topics.contains(&r.topic) && r.counts(e))
            .all(|r| {
                let max = if r.spread && looped { 0 } else { r.max };
                chosen.iter().filter(|c| r.counts(c)).count() < max
            })
    }
}

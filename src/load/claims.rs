//! What messages say about the hotline's channels (`content/claims.toml`), reviewed by
//! people because it cannot be read from the words: which channels a message names in
//! words ("call"), whether it promises help in the reader's language and for which
//! channels, and which channel languages it states ("English or Spanish").
//!
//! Channels a message shows through placeables (`{ $sms }`) are read from each catalog's
//! Fluent source (`Catalog::channels` in the locale loader), not from this file.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Deserialize;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::hotline::{Answered, Hotline, HotlineField, LanguagesField};

/// The file, relative to the project.
pub const FILE: &str = "content/claims.toml";

/// A message's promise of help in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Promise {
    /// Unscoped ("help in your language"): it covers every channel shown beside it.
    Every,
    /// Only for these channels ("call for help in your language": phone).
    Channels(Vec<HotlineField>),
}

impl Promise {
    /// Whether the promise covers a channel.
    pub fn covers(&self, f: HotlineField) -> bool {
        match self {
            Promise::Every => true,
            Promise::Channels(c) => c.contains(&f),
        }
    }
}

/// One message's claims, checked.
#[derive(Debug, Clone, Default)]
pub struct Claim {
    /// Channels the message names in words, without a placeable.
    pub names: Vec<HotlineField>,
    /// Its promise of the reader's language, if any.
    pub promise: Option<Promise>,
    /// The channel languages it states, by channel.
    pub states: BTreeMap<HotlineField, Answered>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    promise: Option<LanguagesField>,
    #[serde(default)]
    states: BTreeMap<String, LanguagesField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    plain: Vec<String>,
    #[serde(default)]
    message: Vec<RawClaim>,
}

/// All of `content/claims.toml`.
#[derive(Debug, Clone)]
pub struct Claims {
    /// Claims by message id.
    pub messages: BTreeMap<String, Claim>,
    /// Messages reviewed as naming no channel, promising and stating nothing.
    pub plain: BTreeSet<String>,
    /// The file, for diagnostics.
    pub source: Arc<Source>,
}

fn channel(name: &str) -> Result<HotlineField, String> {
    HotlineField::from_variable(name)
        .ok_or_else(|| format!("`{name}` is not a hotline channel (phone, sms, tty, chat or web)"))
}

impl Claims {
    /// No claims at all (a project without the file).
    pub fn empty() -> Self {
        Claims {
            messages: BTreeMap::new(),
            plain: BTreeSet::new(),
            source: Source::new(FILE, ""),
        }
    }

    /// Where a message's entry is, for diagnostics.
    pub fn span_of(&self, id: &str) -> Option<std::ops::Range<usize>> {
        let quoted = format!("\"{id}\"");
        self.source.find_line(|l| {
            let t = l.trim();
            (t.starts_with("id") && t.contains(&quoted)) || t == quoted || t == format!("{quoted},")
        })
    }

    /// Parse and check the file's shape.
    pub fn parse(src: &Arc<Source>) -> Result<Self, Diagnostics> {
        let raw: RawFile = toml::from_str(&src.text).map_err(|e| {
            Diagnostics::from(
                Diagnostic::error(format!("claims file is not valid: {}", e.message().trim()))
                    .at(src, e.span())
                    .hint("each [[message]] has an id and may have names, promise and states; see README.md, \"Channel languages\""),
            )
        })?;
        let mut claims = Claims {
            messages: BTreeMap::new(),
            plain: BTreeSet::new(),
            source: src.clone(),
        };
        let mut diags = Diagnostics::default();
        for id in raw.plain {
            if !claims.plain.insert(id.clone()) {
                diags.push(
                    Diagnostic::error(format!("`{id}` is listed twice in `plain`"))
                        .at(src, claims.span_of(&id)),
                );
            }
        }
        for r in raw.message {
            let at = claims.span_of(&r.id);
            let mut err = |msg: String, hint: &str| {
                diags.push(
                    Diagnostic::error(format!("claims for `{}`: {msg}", r.id))
                        .at(src, at.clone())
                        .hint(hint.to_string()),
                )
            };
            if claims.plain.contains(&r.id) || claims.messages.contains_key(&r.id) {
                err(
                    "the message is listed twice".into(),
                    "keep one entry per message (a [[message]] or `plain`, not both)",
                );
                continue;
            }
            let mut c = Claim::default();
            for n in &r.names {
                match channel(n) {
                    Ok(f) if !c.names.contains(&f) => c.names.push(f),
                    Ok(_) => err(format!("`{n}` is named twice"), "list each channel once"),
                    Err(e) => err(e, "names lists the channels the message names in words"),
                }
            }
            c.promise = match &r.promise {
                None => None,
                Some(LanguagesField::Word(w)) if w == "all" => Some(Promise::Every),
                Some(LanguagesField::Word(w)) => {
                    err(
                        format!("`promise = \"{w}\"` is not \"all\" or a list of channels"),
                        "write promise = [\"phone\"] for a promise about calls only, or promise = \"all\" for a promise that covers every channel shown beside it",
                    );
                    None
                }
                Some(LanguagesField::List(v)) if v.is_empty() => {
                    err(
                        "`promise` is empty".into(),
                        "remove `promise` if the message promises nothing",
                    );
                    None
                }
                Some(LanguagesField::List(v)) => {
                    let mut cs = Vec::new();
                    for n in v {
                        match channel(n) {
                            Ok(f) => cs.push(f),
                            Err(e) => err(e, "promise lists the channels the promise is about"),
                        }
                    }
                    Some(Promise::Channels(cs))
                }
            };
            for (n, langs) in &r.states {
                match (channel(n), Answered::parse(langs)) {
                    (Ok(f), Ok(a)) => {
                        c.states.insert(f, a);
                    }
                    (Err(e), _) => err(
                        e,
                        "states maps a channel to the languages the message says it is answered in",
                    ),
                    (_, Err((msg, hint))) => err(format!("states.{n}: {msg}"), &hint),
                }
            }
            claims.messages.insert(r.id, c);
        }
        if diags.has_errors() {
            Err(diags)
        } else {
            Ok(claims)
        }
    }

    /// Check the claims against the hotline's channel languages and the source
    /// catalog's messages (`source`: its messages by id). A message stating languages other than hotline.toml's is an
    /// error: it must be reworded (and retranslated). A source message missing from the
    /// file is a warning: nobody has said what it claims.
    pub fn check(
        &self,
        hotline: &Hotline,
        source: Option<&BTreeMap<String, String>>,
    ) -> Diagnostics {
        let mut d = Diagnostics::default();
        for (id, c) in &self.messages {
            for (f, stated) in &c.states {
                let Some(actual) = hotline.channel_languages(*f) else {
                    continue;
                };
                if !same(stated, &actual.answered) {
                    d.push(
                        Diagnostic::error(format!(
                            "message `{id}` says {} is answered in {}, but hotline.toml says {}",
                            f.name(),
                            stated.describe(),
                            actual.answered.describe()
                        ))
                        .at(&self.source, self.span_of(id))
                        .hint(format!(
                            "reword `{id}` in the source catalog and every translation to say what hotline.toml says, then update `states` here"
                        ))
                        .hint("or, if hotline.toml is wrong, correct it there with its source and date")
                        .code("channel-languages"),
                    );
                }
            }
        }
        let Some(src) = source else { return d };
        for id in self.messages.keys().chain(self.plain.iter()) {
            if !src.contains_key(id) {
                d.push(
                    Diagnostic::error(format!(
                        "claims for `{id}`, but the source catalog has no such message"
                    ))
                    .at(&self.source, self.span_of(id))
                    .hint("remove the entry or fix the message id"),
                );
            }
        }
        let missing: Vec<&str> = src
            .keys()
            .filter(|k| !self.messages.contains_key(*k) && !self.plain.contains(*k))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            d.push(
                Diagnostic::warning(format!(
                    "{FILE} does not say what {} claim{}: {}",
                    if missing.len() == 1 { "this message" } else { "these messages" },
                    if missing.len() == 1 { "s" } else { "" },
                    missing.join(", ")
                ))
                .at(&self.source, None)
                .hint("add a [[message]] with the channels it names in words, any promise of the reader's language and any languages it states, or list it in `plain`")
                .code("claims"),
            );
        }
        d
    }

    /// A message's claims (none when it is not listed).
    pub fn get(&self, id: &str) -> Option<&Claim> {
        self.messages.get(id)
    }
}

/// Whether two language statements say the same (order and case aside).
fn same(a: &Answered, b: &Answered) -> bool {
    match (a, b) {
        (Answered::All, Answered::All) => true,
        (Answered::Only(x), Answered::Only(y)) => {
            x.iter().collect::<BTreeSet<_>>() == y.iter().collect::<BTreeSet<_>>()
        }
        _ => false,
    }
}

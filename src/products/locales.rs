//! `hotline-kit locales` (the table) and `hotline-kit locale new` (a new catalog).

use std::io::IsTerminal;
use std::path::Path;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::locale::Review;
use crate::load::project::Project;

/// Print one line per locale: code, name in its own script, script, direction,
/// messages present and missing (against the source locale), counts per review status,
/// and whether the fonts cover every character; then, indented, who it is written for
/// (audience, region, digits, and the base of a regional variant).
pub fn table(p: &Project) -> Result<(), Diagnostics> {
    let source = p.catalogs.values().find(|c| c.info.source);
    let mut out = String::new();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    outln!(
        out,
        "{:<8} {:<18} {:<5} {:<4} {:>7} {:>7}  {:>5} {:>5} {:>5} {:>5} {:>5}  glyphs",
        "locale",
        "language",
        "script",
        "dir",
        "present",
        "missing",
        "untr",
        "draft",
        "trans",
        "t-rev",
        "s-rev"
    );
    for c in p.catalogs.values() {
        let missing = source.map_or(0, |s| {
            s.messages
                .keys()
                .filter(|k| !c.messages.contains_key(*k))
                .count()
        });
        let counts: Vec<usize> = Review::ALL
            .iter()
            .map(|st| c.messages.keys().filter(|id| c.status(id) == *st).count())
            .collect();
        let cov = crate::checks::coverage::check(p, c);
        let glyphs = if cov.has_errors() {
            format!("{} missing", cov.error_count())
        } else {
            "ok".to_string()
        };
        let native: String = c.info.native.chars().take(18).collect();
        let pad = 18usize.saturating_sub(unicode_width::UnicodeWidthStr::width(native.as_str()));
        let (on, off) = if color && (missing > 0 || cov.has_errors()) {
            ("\x1b[31m", "\x1b[0m")
        } else {
            ("", "")
        };
        outln!(
            out,
            "{on}{:<8} {native}{} {:<5} {:<4} {:>7} {:>7}  {:>5} {:>5} {:>5} {:>5} {:>5}  {glyphs}{off}",
            c.code,
            " ".repeat(pad),
            c.info.script,
            format!("{:?}", c.info.direction).to_lowercase(),
            c.messages.len(),
            missing,
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4],
        );
        outln!(
            out,
            "{:<8} for: {}",
            "",
            crate::base::numbers::escape_invisible(&crate::load::locale::audience_line(&c.info))
        );
    }
    outln!(
        out,
        "review: untr = untranslated, draft, trans = translated, t-rev = translator-reviewed, s-rev = survivor-reviewed"
    );
    crate::emit(&out);
    Ok(())
}

/// What `locale new` needs to know.
#[derive(Debug, Clone, clap::Args)]
pub struct NewLocale {
    /// Locale code (BCP 47, e.g. pl, pt-BR, zh-Hans).
    pub code: String,
    /// English name of the language.
    #[arg(long)]
    pub name: String,
    /// Name of the language in its own script.
    #[arg(long)]
    pub native: String,
    /// ltr or rtl.
    #[arg(long, default_value = "ltr")]
    pub direction: String,
    /// ISO 15924 script code.
    #[arg(long, default_value = "Latn")]
    pub script: String,
    /// Font families, comma-separated (see fonts/fonts.toml).
    #[arg(long, default_value = "latin", value_delimiter = ',')]
    pub fonts: Vec<String>,
    /// Region whose usage the wording follows (ISO 3166, e.g. PL, BR; or UN M49, e.g. 419).
    #[arg(long)]
    pub region: Option<String>,
    /// Who the catalog is written for, in a sentence.
    #[arg(long)]
    pub audience: Option<String>,
}

fn valid_code(c: &str) -> bool {
    let mut parts = c.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|ch| ch.is_ascii_lowercase())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|ch| ch.is_ascii_alphanumeric()))
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Scaffold `locales/CODE.ftl` (the English text, to be translated),
/// `locales/review/CODE.toml` (every message `untranslated`) and an entry in
/// `locales/locales.toml`.
pub fn new(root: &Path, n: &NewLocale) -> Result<(), Diagnostics> {
    let p = Project::load(crate::products::facility::open(root)?)?;
    let err = |m: String| Diagnostics::from(Diagnostic::error(m));
    if !valid_code(&n.code) {
        return Err(Diagnostic::error(format!("`{}` is not a locale code", n.code))
            .hint("use a BCP 47 code: a 2-3 letter language, optionally -Script or -REGION (e.g. pl, pt-BR, zh-Hans)")
            .into());
    }
    if p.catalogs.contains_key(&n.code) || root.join(format!("locales/{}.ftl", n.code)).exists() {
        return Err(err(format!("locale `{}` already exists", n.code)));
    }
    if !matches!(n.direction.as_str(), "ltr" | "rtl") {
        return Err(err(format!(
            "direction `{}` must be ltr or rtl",
            n.direction
        )));
    }
    if let Some(r) = n
        .region
        .as_deref()
        .filter(|r| !crate::load::locale::valid_region(r))
    {
        return Err(err(format!(
            "region `{}` must be an ISO 3166 code in capitals (PL, BR) or a UN M49 area (419, 001)",
            crate::base::numbers::escape_invisible(r)
        )));
    }
    for f in &n.fonts {
        if p.fonts
            .id(f, crate::load::spec::FontRole::Regular)
            .is_none()
        {
            return Err(
                Diagnostic::error(format!("font family `{f}` is not in fonts/fonts.toml"))
                    .hint(format!(
                        "families: {}",
                        p.fonts.families().collect::<Vec<_>>().join(", ")
                    ))
                    .into(),
            );
        }
    }
    let source =
        p.catalogs.values().find(|c| c.info.source).ok_or_else(|| {
            err("no source locale (source = true) in locales/locales.toml".into())
        })?;
    // The catalog: the English source, message for message, comments and placeables kept.
    let src_text = p
        .assets
        .read_text(&format!("locales/{}.ftl", source.code))
        .map_err(|e| err(format!("cannot read the source catalog: {e}")))?;
    let body: String = src_text
        .lines()
        .skip_while(|l| l.starts_with('#') && !l.starts_with("##"))
        .collect::<Vec<_>>()
        .join("\n");
    let ftl = format!(
        "# {} ({}) catalog for hotline-kit.\n#\n# UNTRANSLATED: every message below is still the English text. Translate each one,\n# keep placeables such as {{ $phone }} exactly, and update locales/review/{}.toml.\n{body}\n",
        n.name, n.native, n.code
    );
    let mut review = format!(
        "# Review status of every message in locales/{}.ftl. See es.toml for the fields.\n\n",
        n.code
    );
    for id in source.messages.keys() {
        review.push_str(&format!(
            "[{id}]\nstatus = \"untranslated\"\nby = \"hotline-kit locale new\"\ndate = \"\"\ngloss = {}\n\n",
            toml_str(&source.messages[id])
        ));
    }
    let index_path = root.join("locales/locales.toml");
    let mut index = p
        .assets
        .read_text("locales/locales.toml")
        .map_err(|e| err(format!("cannot read locales/locales.toml: {e}")))?;
    let fonts: Vec<String> = n.fonts.iter().map(|f| toml_str(f)).collect();
    index.push_str(&format!(
        "\n[{}]\nname = {}\nnative = {}\ndirection = \"{}\"\nscript = {}\nfonts = [{}]\n",
        n.code,
        toml_str(&n.name),
        toml_str(&n.native),
        n.direction,
        toml_str(&n.script),
        fonts.join(", ")
    ));
    if let Some(r) = &n.region {
        index.push_str(&format!("region = {}\n", toml_str(r)));
    }
    if let Some(a) = &n.audience {
        index.push_str(&format!("audience = {}\n", toml_str(a)));
    }
    // Catalog and review file first; the index last, so a failure leaves no half locale.
    crate::products::kit::write_atomic(
        &root.join(format!("locales/{}.ftl", n.code)),
        ftl.as_bytes(),
    )?;
    crate::products::kit::write_atomic(
        &root.join(format!("locales/review/{}.toml", n.code)),
        review.as_bytes(),
    )?;
    crate::products::kit::write_atomic(&index_path, index.as_bytes())?;
    eprintln!(
        "created locales/{0}.ftl, locales/review/{0}.toml and an entry in locales/locales.toml ({1} messages, all untranslated)",
        n.code,
        source.messages.len()
    );
    Ok(())
}

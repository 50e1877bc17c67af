//! The coordinator's kit form and kit.toml: what the form shows (read from the kit
//! file), the new kit.toml text a posted form makes (written with `toml_edit`, so every
//! other setting and every comment stays as the coordinator left it), and where in the
//! form a diagnostic about that text belongs (its span in the new text, mapped back to
//! the field that wrote it).

use std::ops::Range;

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::load::kitfile::KitFile;

/// Most local-resource rows a form may post.
pub const MAX_RESOURCES: usize = 40;

/// Empty resource rows shown after the kit's own (to add programs without a script).
pub const EMPTY_ROWS: usize = 3;

/// One local resource row of the form (as typed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceRow {
    /// Program name.
    pub name: String,
    /// Phone number as printed.
    pub phone: String,
    /// Opening hours.
    pub hours: String,
    /// Languages, comma separated locale codes.
    pub languages: String,
    /// The coordinator ticked "remove".
    pub remove: bool,
}

impl ResourceRow {
    fn is_blank(&self) -> bool {
        [&self.name, &self.phone, &self.hours, &self.languages]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

/// The kit form's values.
#[derive(Debug, Clone, Default)]
pub struct KitForm {
    /// `[facility] name`.
    pub facility: String,
    /// `[build] designs`.
    pub designs: Vec<String>,
    /// `[build] locales`.
    pub locales: Vec<String>,
    /// `[counts]`: name and value as typed (empty: not set).
    pub counts: Vec<(String, String)>,
    /// `[[resource]]` rows.
    pub resources: Vec<ResourceRow>,
    /// `[qr] target` (empty: not set, each design's own).
    pub qr: String,
    /// `[compliance] jurisdiction` (empty: none).
    pub jurisdiction: String,
    /// `[compliance] county_language` (empty: none).
    pub county_language: String,
}

impl KitForm {
    /// The form filled from a kit file (`None`: no kit.toml yet), with a count field for
    /// each of `count_names`, and [`EMPTY_ROWS`] empty resource rows.
    pub fn from_kit(kit: Option<&KitFile>, count_names: &[String]) -> KitForm {
        let mut f = KitForm::default();
        if let Some(k) = kit {
            f.facility = k.facility.name.clone();
            f.designs = k.build.designs.clone();
            f.locales = k.build.locales.clone();
            f.qr = k
                .qr
                .as_ref()
                .map(|q| qr_word(q.target).to_string())
                .unwrap_or_default();
            if let Some(c) = &k.compliance {
                f.jurisdiction = c.jurisdiction.clone();
                f.county_language = c.county_language.clone().unwrap_or_default();
            }
            f.resources = k
                .resource
                .iter()
                .map(|r| {
                    let r = r.get_ref();
                    ResourceRow {
                        name: r.name.clone(),
                        phone: r.phone.clone(),
                        hours: r.hours.clone().unwrap_or_default(),
                        languages: r.languages.join(", "),
                        remove: false,
                    }
                })
                .collect();
        }
        f.counts = count_names
            .iter()
            .map(|n| {
                let v = kit
                    .and_then(|k| k.counts.get(n))
                    .map(|v| v.get_ref().to_string())
                    .unwrap_or_default();
                (n.clone(), v)
            })
            .collect();
        f.resources
            .extend(std::iter::repeat_n(ResourceRow::default(), EMPTY_ROWS));
        f
    }

    /// The `name=value` pairs a browser posts for this form (the page's field names),
    /// without the CSRF token.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut v = vec![("facility".to_string(), self.facility.clone())];
        v.extend(self.designs.iter().map(|d| ("design".into(), d.clone())));
        v.extend(self.locales.iter().map(|l| ("locale".into(), l.clone())));
        v.extend(
            self.counts
                .iter()
                .map(|(n, c)| (format!("count-{n}"), c.clone())),
        );
        for (i, r) in self.resources.iter().enumerate() {
            v.push((format!("res-{i}-name"), r.name.clone()));
            v.push((format!("res-{i}-phone"), r.phone.clone()));
            v.push((format!("res-{i}-hours"), r.hours.clone()));
            v.push((format!("res-{i}-languages"), r.languages.clone()));
            if r.remove {
                v.push((format!("res-{i}-remove"), "1".into()));
            }
        }
        v.push(("qr".into(), self.qr.clone()));
        v.push(("jurisdiction".into(), self.jurisdiction.clone()));
        v.push(("county_language".into(), self.county_language.clone()));
        v
    }

    /// The form as posted (`name=value` pairs, repeated names for checkboxes). Only the
    /// counts named in `count_names` are read; rows beyond [`MAX_RESOURCES`] are ignored.
    pub fn from_pairs(pairs: &[(String, String)], count_names: &[String]) -> KitForm {
        let one = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let many = |k: &str| -> Vec<String> {
            let mut v: Vec<String> = pairs
                .iter()
                .filter(|(n, _)| n == k)
                .map(|(_, v)| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            v.dedup();
            v
        };
        let mut resources: Vec<ResourceRow> = Vec::new();
        for (k, v) in pairs {
            let Some(rest) = k.strip_prefix("res-") else {
                continue;
            };
            let Some((i, field)) = rest.split_once('-') else {
                continue;
            };
            let Ok(i) = i.parse::<usize>() else { continue };
            if i >= MAX_RESOURCES {
                continue;
            }
            if resources.len() <= i {
                resources.resize(i + 1, ResourceRow::default());
            }
            let r = &mut resources[i];
            match field {
                "name" => r.name = v.clone(),
                "phone" => r.phone = v.clone(),
                "hours" => r.hours = v.clone(),
                "languages" => r.languages = v.clone(),
                "remove" => r.remove = true,
                _ => {}
            }
        }
        KitForm {
            facility: one("facility"),
            designs: many("design"),
            locales: many("locale"),
            counts: count_names
                .iter()
                .map(|n| (n.clone(), one(&format!("count-{n}")).trim().to_string()))
                .collect(),
            resources,
            qr: one("qr").trim().to_string(),
            jurisdiction: one("jurisdiction").trim().to_string(),
            county_language: one("county_language").trim().to_string(),
        }
    }
}

/// The word kit.toml uses for a QR target.
pub fn qr_word(k: crate::load::spec::QrKind) -> &'static str {
    use crate::load::spec::QrKind;
    match k {
        QrKind::Tel => "tel",
        QrKind::Sms => "sms",
        QrKind::Web => "web",
    }
}

/// A field of the form, as its HTML id says it (`facility`, `designs`, `count-stalls`,
/// `res-0-phone`, `res-0` for a whole row...).
pub type FieldId = String;

/// Where each field's setting is in a kit.toml text: byte ranges and the field that
/// wrote them.
#[derive(Debug, Default)]
pub struct FieldMap {
    spans: Vec<(Range<usize>, FieldId)>,
}

impl FieldMap {
    /// The field a byte offset of the text belongs to: the narrowest range holding it.
    pub fn field_at(&self, at: usize) -> Option<&str> {
        self.spans
            .iter()
            .filter(|(r, _)| r.start <= at && at < r.end.max(r.start + 1))
            .min_by_key(|(r, _)| r.end - r.start)
            .map(|(_, f)| f.as_str())
    }
}

/// Why a form could not become kit.toml text.
#[derive(Debug, Clone)]
pub struct EditError(pub String);

/// The new kit.toml text: `old` (the file as it is now, or empty) with the form's
/// settings written in. Values the form did not change keep their exact text,
/// comments included.
pub fn apply(old: &str, f: &KitForm) -> Result<String, EditError> {
    let mut doc: DocumentMut = old.parse().map_err(|e: toml_edit::TomlError| {
        EditError(format!(
            "kit.toml cannot be read as TOML ({}); fix it in a text editor or with `hotline-kit check` first",
            e.message().trim()
        ))
    })?;
    // [facility] name
    set(table(&mut doc, "facility")?, "name", Some(f.facility.trim().into()));
    // [build] designs, locales
    let build = table(&mut doc, "build")?;
    set(build, "designs", Some(strings(&f.designs)));
    set(build, "locales", Some(strings(&f.locales)));
    // [counts]
    if !f.counts.is_empty() {
        let counts = table(&mut doc, "counts")?;
        for (name, raw) in &f.counts {
            set(counts, name, count_value(raw));
        }
    }
    // [qr] target
    if f.qr.is_empty() {
        doc.remove("qr");
    } else {
        set(table(&mut doc, "qr")?, "target", Some(f.qr.as_str().into()));
    }
    // [compliance]
    if f.jurisdiction.is_empty() {
        doc.remove("compliance");
    } else {
        let c = table(&mut doc, "compliance")?;
        set(c, "jurisdiction", Some(f.jurisdiction.as_str().into()));
        let county = (!f.county_language.is_empty()).then(|| f.county_language.as_str().into());
        set(c, "county_language", county);
    }
    resources(&mut doc, &f.resources)?;
    Ok(doc.to_string())
}

/// A `[counts]` value as typed: an integer as an integer (negative ones too, so the
/// kit file's own check refuses them), anything else as the text typed (refused by the
/// same check, naming it), nothing to remove the count.
fn count_value(raw: &str) -> Option<Value> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Some(match raw.parse::<i64>() {
        Ok(n) => n.into(),
        Err(_) => raw.into(),
    })
}

fn strings(v: &[String]) -> Value {
    Value::Array(v.iter().map(String::as_str).collect())
}

/// The table `key` of the document, made if missing.
fn table<'a>(doc: &'a mut DocumentMut, key: &str) -> Result<&'a mut Table, EditError> {
    let item = doc.entry(key).or_insert_with(|| Item::Table(Table::new()));
    if let Item::Value(Value::InlineTable(t)) = item {
        let t = std::mem::take(t);
        *item = Item::Table(t.into_table());
    }
    item.as_table_mut().ok_or_else(|| {
        EditError(format!(
            "`{key}` in kit.toml is not a table ([{key}]); fix it in a text editor first"
        ))
    })
}

/// Set `key` to `v` (remove it for `None`), keeping the old value's comments and exact
/// text when its value is the same.
fn set(t: &mut Table, key: &str, v: Option<Value>) {
    let Some(mut v) = v else {
        t.remove(key);
        return;
    };
    if let Some(Item::Value(old)) = t.get_mut(key) {
        if same(old, &v) {
            return;
        }
        *v.decor_mut() = old.decor().clone();
        *old = v;
        return;
    }
    t.insert(key, Item::Value(v));
}

/// Two values equal as data (not as text).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q))
        }
        _ => false,
    }
}

/// `[[resource]]`: row `i` of the form is table `i` of the file (kept with its
/// comments and other keys); blank or removed rows are dropped; new rows are added.
fn resources(doc: &mut DocumentMut, rows: &[ResourceRow]) -> Result<(), EditError> {
    let existing = match doc.get_mut("resource") {
        None => Default::default(),
        Some(Item::ArrayOfTables(a)) => std::mem::take(a),
        Some(_) => {
            return Err(EditError(
                "local resources in kit.toml are not written as [[resource]] tables; fix them in a text editor first".into(),
            ));
        }
    };
    let mut old: Vec<Table> = existing.into_iter().collect();
    old.resize_with(old.len().max(rows.len()), Table::new);
    let mut out = toml_edit::ArrayOfTables::new();
    for (i, mut t) in old.into_iter().enumerate() {
        let Some(r) = rows.get(i) else {
            out.push(t);
            continue;
        };
        if r.remove || r.is_blank() {
            continue;
        }
        set(&mut t, "name", Some(r.name.trim().into()));
        set(&mut t, "phone", Some(r.phone.trim().into()));
        let hours = r.hours.trim();
        set(&mut t, "hours", (!hours.is_empty()).then(|| hours.into()));
        let langs: Vec<String> = r
            .languages
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        set(
            &mut t,
            "languages",
            (!langs.is_empty()).then(|| strings(&langs)),
        );
        out.push(t);
    }
    if out.is_empty() {
        doc.remove("resource");
    } else {
        doc.insert("resource", Item::ArrayOfTables(out));
    }
    Ok(())
}

/// Where each form field's setting is in `text` (a kit.toml the form wrote).
pub fn field_map(text: &str) -> FieldMap {
    let mut m = FieldMap::default();
    let Ok(doc) = toml_edit::Document::parse(text) else {
        return m;
    };
    let root = doc.as_table();
    let mut rows: Vec<(Range<usize>, FieldId)> = Vec::new();
    let mut add = |item: Option<(&toml_edit::Key, &Item)>, field: String| {
        if let Some((k, v)) = item
            && let (Some(a), Some(b)) = (k.span(), v.span())
        {
            m.spans.push((a.start..b.end, field));
        }
    };
    let sub = |t: &str, k: &str| {
        root.get(t)
            .and_then(Item::as_table_like)
            .and_then(|t| t.get_key_value(k))
    };
    add(sub("facility", "name"), "facility".into());
    add(sub("build", "designs"), "designs".into());
    add(sub("build", "locales"), "locales".into());
    add(sub("qr", "target"), "qr".into());
    add(sub("compliance", "jurisdiction"), "jurisdiction".into());
    add(sub("compliance", "county_language"), "county_language".into());
    if let Some(c) = root.get("counts").and_then(Item::as_table_like) {
        for (k, _) in c.iter() {
            add(c.get_key_value(k), format!("count-{k}"));
        }
    }
    if let Some(rs) = root.get("resource").and_then(Item::as_array_of_tables) {
        let tables: Vec<&Table> = rs.iter().collect();
        for (i, t) in tables.iter().enumerate() {
            // The whole row: from its header to the next table.
            if let Some(s) = t.span() {
                let end = tables
                    .get(i + 1)
                    .and_then(|n| n.span())
                    .map_or(text.len(), |n| n.start);
                rows.push((s.start..end.max(s.end), format!("res-{i}")));
            }
            for k in ["name", "phone", "hours", "languages"] {
                add(t.get_key_value(k), format!("res-{i}-{k}"));
            }
        }
    }
    m.spans.extend(rows);
    m
}

/// The field of a resource row a diagnostic about the whole row is about, from what
/// the kit file's checks say (its message names the name, the number or the hours).
pub fn resource_part(row: &str, message: &str) -> String {
    let part = if message.contains("named like") || message.contains("needs a name") {
        "name"
    } else if message.contains("hours") {
        "hours"
    } else if message.contains("phone number") || message.contains("look-alike") {
        "phone"
    } else {
        return row.to_string();
    };
    format!("{row}-{part}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "# my kit\n[facility]\nname = \"A\" # ours\n\n[counts]\nstalls = 12   # stalls\nexam_rooms = 3\n\n[[resource]]\nname = \"R\"\nphone = \"510-555-0100\"\n# keep me\n";

    fn form() -> KitForm {
        KitForm {
            facility: "A".into(),
            counts: vec![("stalls".into(), "12".into()), ("exam_rooms".into(), "4".into())],
            resources: vec![ResourceRow {
                name: "R".into(),
                phone: "510-555-0100".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn unchanged_values_keep_their_text_and_comments() {
        let new = apply(OLD, &form()).unwrap();
        assert!(new.contains("name = \"A\" # ours"), "{new}");
        assert!(new.contains("stalls = 12   # stalls"), "{new}");
        assert!(new.contains("exam_rooms = 4"), "{new}");
        assert!(new.contains("# keep me"), "{new}");
        assert!(new.starts_with("# my kit\n"), "{new}");
    }

    #[test]
    fn spans_map_back_to_fields() {
        let mut f = form();
        f.counts[1].1 = "-1".into();
        f.resources.push(ResourceRow {
            name: "Two".into(),
            phone: "1".into(),
            ..Default::default()
        });
        let new = apply(OLD, &f).unwrap();
        let m = field_map(&new);
        let at = new.find("-1").unwrap();
        assert_eq!(m.field_at(at), Some("count-exam_rooms"));
        let at = new.find("phone = \"1\"").unwrap() + 9;
        assert_eq!(m.field_at(at), Some("res-1-phone"));
        let at = new.rfind("[[resource]]").unwrap();
        assert_eq!(m.field_at(at), Some("res-1"));
    }

    #[test]
    fn blank_and_removed_rows_are_dropped() {
        let mut f = form();
        f.resources[0].remove = true;
        let new = apply(OLD, &f).unwrap();
        assert!(!new.contains("[[resource]]"), "{new}");
    }
}

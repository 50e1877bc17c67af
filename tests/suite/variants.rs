//! Who each locale is written for (locales.toml `region` and `audience`), shown in
//! `hotline-kit locales` and the build manifest; and regional variants: a locale with
//! `base` overrides some messages and inherits the rest from its base, never from
//! English, with diagnostics for a missing or looping base and a stray override.

use crate::common;

use std::path::Path;

use common::overlay;

const VARIANT: &str = "\n[zh-Hant-HK]\nbase = \"zh-Hant\"\nname = \"Chinese (Traditional, Hong Kong)\"\nnative = \"繁體中文（香港）\"\nregion = \"HK\"\naudience = \"Fixture: Cantonese-speaking readers of Traditional Chinese\"\n";

/// The right-hand side of message `id` in a catalog file of the bundled project.
fn raw(code: &str, id: &str) -> String {
    let s = std::fs::read_to_string(common::root().join(format!("locales/{code}.ftl"))).unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{code} has no {id}"))
        .to_string()
}

fn review(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("[{id}]\nstatus = \"draft\"\nby = \"test\"\ndate = \"2026-11-28\"\ngloss = \"fixture\"\n\n"))
        .collect()
}

/// The fixture variant: `poster-headline` reworded (with zh-Hant's own words, so the
/// fonts have them) and `call-label` given a placeable.
fn variant_files(
    index_extra: &'static str,
    ftl: String,
    ids: &'static [&'static str],
) -> Vec<(String, String)> {
    vec![
        ("locales/locales.toml".into(), index_extra.into()),
        ("locales/zh-Hant-HK.ftl".into(), ftl),
        ("locales/review/zh-Hant-HK.toml".into(), review(ids)),
    ]
}

fn load(
    files: &[(String, String)],
) -> (
    Result<hotline_kit::load::project::Project, hotline_kit::base::diag::Diagnostics>,
    tempfile::TempDir,
) {
    // The index gets the fixture's tables added; other files are the fixture's.
    let texts: Vec<(&str, String)> = files
        .iter()
        .map(|(rel, text)| {
            if rel.ends_with("locales.toml") {
                (rel.as_str(), format!("{}{text}", overlay::original(rel)))
            } else {
                (rel.as_str(), text.clone())
            }
        })
        .collect();
    overlay::load(&texts)
}

fn good_variant() -> Vec<(String, String)> {
    let ftl = format!(
        "poster-headline = {}\ncall-label = {}\n",
        raw("zh-Hant", "rf-leave-job"),
        raw("zh-Hant", "text-short")
    );
    variant_files(VARIANT, ftl, &["poster-headline", "call-label"])
}

#[test]
fn a_regional_variant_overrides_some_messages_and_inherits_the_rest_from_its_base() {
    let (p, _d) = load(&good_variant());
    let p = p.unwrap_or_else(|d| panic!("{}", overlay::text(&d)));
    let base = p.catalog("zh-Hant").unwrap();
    let hk = p.catalog("zh-Hant-HK").unwrap();
    let en = p.catalog("en").unwrap();
    assert_eq!(
        hk.get("poster-headline").unwrap(),
        base.get("rf-leave-job").unwrap()
    );
    // The override's placeable is resolved like any other.
    assert_eq!(
        hk.get("call-label").unwrap(),
        base.get("text-short").unwrap()
    );
    assert_eq!(hk.messages.len(), base.messages.len());
    let mut from_base = 0;
    for (id, text) in &base.messages {
        if id == "poster-headline" || id == "call-label" {
            assert!(!hk.inherited.contains_key(id), "{id}");
            continue;
        }
        // Text and review status from the base, never from English.
        assert_eq!(&hk.messages[id], text, "{id}");
        assert_eq!(hk.status(id), base.status(id), "{id}");
        assert_eq!(
            hk.inherited.get(id).map(String::as_str),
            Some("zh-Hant"),
            "{id}"
        );
        if en.messages.get(id) != Some(text) {
            from_base += 1;
        }
    }
    assert!(
        from_base > 20,
        "the fixture must show inheritance from zh-Hant, not en"
    );
    // Settings left out come from the base; region and audience are its own.
    assert_eq!(hk.info.fonts, base.info.fonts);
    assert_eq!(hk.info.script, base.info.script);
    assert_eq!(hk.info.region.as_deref(), Some("HK"));
    assert_eq!(hk.info.base.as_deref(), Some("zh-Hant"));
    assert_ne!(hk.info.audience, base.info.audience);
    // A piece in the variant shows the override and the inherited lines.
    let s = hotline_kit::products::kit::compile(&p, "poster", "zh-Hant-HK").unwrap();
    let shown: String = s.pages[0]
        .blocks
        .iter()
        .flat_map(|b| b.paragraphs.iter())
        .map(|t| format!("{t}\n"))
        .collect();
    assert!(
        shown.contains(hk.get("poster-headline").unwrap()),
        "{shown}"
    );
    assert!(
        shown.contains(base.get("call-label").unwrap())
            || shown.contains(hk.get("call-label").unwrap()),
        "{shown}"
    );
}

fn refused(files: &[(String, String)], want: &[&str]) {
    let (p, _d) = load(files);
    let e = match p {
        Ok(_) => panic!("loaded, expected {want:?}"),
        Err(d) => overlay::text(&d),
    };
    for w in want {
        assert!(e.contains(w), "no {w:?} in:\n{e}");
    }
}

#[test]
fn a_missing_or_looping_base_is_an_error_naming_the_locale() {
    let ftl = format!("poster-headline = {}\n", raw("zh-Hant", "rf-leave-job"));
    let missing = VARIANT.replace("base = \"zh-Hant\"", "base = \"zh-Hunt\"");
    let missing: &'static str = Box::leak(missing.into_boxed_str());
    refused(
        &variant_files(missing, ftl.clone(), &["poster-headline"]),
        &[
            "locales.toml",
            "`zh-Hant-HK`",
            "base `zh-Hunt`",
            "does not define",
        ],
    );
    let looped =
        "\n[xa]\nbase = \"xb\"\naudience = \"a\"\n\n[xb]\nbase = \"xa\"\naudience = \"b\"\n";
    refused(
        &[("locales/locales.toml".into(), looped.into())],
        &["locales.toml", "loop of base locales", "xa -> xb -> xa"],
    );
    let to_itself = VARIANT.replace("base = \"zh-Hant\"", "base = \"zh-Hant-HK\"");
    refused(
        &variant_files(
            Box::leak(to_itself.into_boxed_str()),
            ftl.clone(),
            &["poster-headline"],
        ),
        &["loop of base locales", "zh-Hant-HK -> zh-Hant-HK"],
    );
    let no_audience = VARIANT.replace("audience = ", "# audience = ");
    refused(
        &variant_files(
            Box::leak(no_audience.into_boxed_str()),
            ftl,
            &["poster-headline"],
        ),
        &["`zh-Hant-HK`", "without `audience`"],
    );
}

#[test]
fn a_variant_may_override_only_what_its_base_has_and_is_checked_like_any_catalog() {
    let stray = format!(
        "poster-headline = {}\nposter-headlin = {}\n",
        raw("zh-Hant", "rf-leave-job"),
        raw("zh-Hant", "rf-leave-job")
    );
    refused(
        &variant_files(VARIANT, stray, &["poster-headline", "poster-headlin"]),
        &[
            "zh-Hant-HK.ftl",
            "`poster-headlin`",
            "overrides nothing",
            "`zh-Hant`",
        ],
    );
    // A review record for a message the variant does not override belongs to the base.
    let ftl = format!("poster-headline = {}\n", raw("zh-Hant", "rf-leave-job"));
    refused(
        &variant_files(VARIANT, ftl, &["poster-headline", "call-label"]),
        &["review/zh-Hant-HK.toml", "`call-label`"],
    );
    // The number checks apply to a variant's own text.
    let typed = "call-label = 請撥打 1-888-373-7788\n".to_string();
    refused(
        &variant_files(VARIANT, typed, &["call-label"]),
        &["zh-Hant-HK.ftl", "look-alike"],
    );
}

#[test]
fn locales_table_shows_each_locale_audience_region_and_base() {
    let index: toml::Table = toml::from_str(
        &std::fs::read_to_string(common::root().join("locales/locales.toml")).unwrap(),
    )
    .unwrap();
    let t = common::temp_project_all_fonts();
    write_good_variant(t.path());
    let o = common::hk(t.path(), &["locales"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let table = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = table.lines().collect();
    let about = |code: &str| {
        let i = lines
            .iter()
            .position(|l| l.starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no {code} in\n{table}"));
        lines[i + 1]
    };
    assert_eq!(index.len(), 16);
    for (code, entry) in &index {
        let audience = entry["audience"]
            .as_str()
            .unwrap_or_else(|| panic!("{code}: no audience"));
        let region = entry["region"]
            .as_str()
            .unwrap_or_else(|| panic!("{code}: no region"));
        let line = about(code);
        assert!(line.trim_start().starts_with("for: "), "{line}");
        assert!(
            line.contains(audience) && line.contains(&format!("region {region}")),
            "{code}: {line}"
        );
    }
    assert!(about("zh-Hant").contains("Taiwan") && about("zh-Hant").contains("Cantonese"));
    assert!(about("pt").contains("Brazilian"));
    assert!(about("fa").contains("digits arabext"));
    assert!(
        about("zh-Hant-HK").contains("regional variant of zh-Hant"),
        "{table}"
    );
    assert!(about("zh-Hant-HK").contains("region HK"), "{table}");

    // The kit lists the variant like any locale; the manifest says who each piece is for.
    std::fs::write(
        t.path().join("kit.toml"),
        "[build]\nlocales = [\"fa\", \"zh-Hant-HK\"]\nformats = [\"pdf\"]\n",
    )
    .unwrap();
    let o = common::hk(
        t.path(),
        &["build", "--design", "wallet-card", "--out", "out"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("out/manifest.json")).unwrap())
            .unwrap();
    let entries = m.as_array().unwrap();
    let entry = |code: &str| {
        entries
            .iter()
            .find(|e| e["locale"] == code)
            .unwrap_or_else(|| panic!("no {code} in {m}"))
    };
    assert_eq!(
        entry("fa")["audience"],
        index["fa"]["audience"].as_str().unwrap()
    );
    assert_eq!(entry("fa")["region"], "IR");
    assert_eq!(entry("zh-Hant-HK")["region"], "HK");
    assert_eq!(entry("zh-Hant-HK")["base"], "zh-Hant");
    assert!(entry("fa").get("base").is_none());
}

#[test]
fn approving_a_variant_records_only_its_own_messages() {
    let t = common::temp_project();
    write_good_variant(t.path());
    let approve = |extra: &[&str]| {
        let mut a = vec![
            "approve",
            "--strings",
            "--locale",
            "zh-Hant-HK",
            "--status",
            "translated",
            "--by",
            "T. Reviewer",
        ];
        a.extend_from_slice(extra);
        common::hk(t.path(), &a)
    };
    let o = approve(&["--message", "rf-leave-job"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("inherited from `zh-Hant`"), "{err}");
    let o = approve(&[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: toml::Table = toml::from_str(
        &std::fs::read_to_string(t.path().join("locales/review/zh-Hant-HK.toml")).unwrap(),
    )
    .unwrap();
    let ids: Vec<&String> = r.keys().collect();
    assert_eq!(ids, ["call-label", "poster-headline"]);
    // The project still loads, with the overrides reviewed and the rest as in the base.
    let o = common::hk(t.path(), &["locales"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_proof_packet_says_who_each_piece_is_written_for() {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: vec!["wallet-card".into()],
        locales: vec!["fa".into(), "pt".into()],
        partial: true,
        ..Default::default()
    };
    let proof = hotline_kit::products::proof::collect(&p, &sel, common::TODAY).unwrap();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let book = squash(&common::pdftext::extract(
        &hotline_kit::products::proof::book::pdf(&p, &proof).unwrap(),
    ));
    let files = hotline_kit::products::proof::html::files(&proof);
    for piece in &proof.pieces {
        let info = &p.catalog(&piece.locale).unwrap().info;
        let audience = info.audience.clone().unwrap();
        assert!(piece.audience.contains(&audience), "{}", piece.audience);
        assert!(
            book.contains(&squash(&format!("Written for: {audience}"))),
            "{book}"
        );
        let page = files
            .iter()
            .find(|(name, _)| name.contains(&format!("wallet-card-{}.html", piece.locale)))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_else(|| panic!("no page for {}", piece.locale));
        assert!(page.contains("<dt>Written for</dt>"), "{}", piece.locale);
        let region = info.region.clone().unwrap();
        assert!(
            page.contains(&format!("region {region}")),
            "{}",
            piece.locale
        );
    }
}

#[test]
fn a_variant_is_checked_with_its_base_word_list() {
    let index = "\n[es-PR]\nbase = \"es\"\nname = \"Spanish (Puerto Rico)\"\nregion = \"PR\"\naudience = \"Fixture: Puerto Rican readers\"\n";
    let files = vec![
        ("locales/locales.toml".to_string(), index.to_string()),
        (
            "locales/es-PR.ftl".to_string(),
            "poster-headline = ¿Es usted una prostituta?\n".to_string(),
        ),
        (
            "locales/review/es-PR.toml".to_string(),
            review(&["poster-headline"]),
        ),
    ];
    let (p, _d) = load(&files);
    let p = p.unwrap_or_else(|d| panic!("{}", overlay::text(&d)));
    let d = hotline_kit::checks::check::texts(&p, &["es-PR".to_string()], None);
    let e = overlay::text(&d);
    assert!(d.has_errors(), "{e}");
    assert!(
        e.contains("poster-headline") && e.contains("prostituta"),
        "{e}"
    );
}

#[test]
fn locale_new_records_region_and_audience() {
    let t = common::temp_project();
    let new = |region: &str| {
        common::hk(
            t.path(),
            &[
                "locale",
                "new",
                "pl",
                "--name",
                "Polish",
                "--native",
                "Polski",
                "--region",
                region,
                "--audience",
                "Polish readers in the United States",
            ],
        )
    };
    let o = new("pl");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("region `pl`"));
    assert!(
        !t.path().join("locales/pl.ftl").exists(),
        "a refused locale writes nothing"
    );
    let o = new("PL");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = common::hk(t.path(), &["locales"]);
    let table = String::from_utf8_lossy(&o.stdout);
    let i = table.lines().position(|l| l.starts_with("pl ")).unwrap();
    let about = table.lines().nth(i + 1).unwrap();
    assert!(
        about.contains("Polish readers in the United States") && about.contains("region PL"),
        "{about}"
    );
}

/// Write the good variant's files into a project copy (its locales.toml entry appended).
fn write_good_variant(dir: &Path) {
    for (rel, text) in good_variant() {
        let path = dir.join(&rel);
        if rel.ends_with("locales.toml") {
            let old = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, format!("{old}{text}")).unwrap();
        } else {
            std::fs::write(&path, text).unwrap();
        }
    }
}

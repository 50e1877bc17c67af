//! kit.toml: `init`, the kit's selection, QR target and local resources, and checks the
//! kit makes errors.

use crate::common;

use std::path::Path;

fn kit(project: &Path, args: &[&str]) -> std::process::Output {
    common::hotline_kit()
        .arg("--project")
        .arg(project)
        .current_dir(project)
        .args(args)
        .output()
        .unwrap()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const KIT: &str = r#"
[facility]
name = "Test Clinic"

[build]
designs = ["wallet-card", "poster"]
locales = ["en", "vi"]
formats = ["pdf"]
out = "print"

[qr]
target = "sms"

[imagery]
diversity = "advisory"        # two designs cannot show every group

[[resource]]
name = "County Program"
phone = "555-555-0100"
hours = "Mon-Fri 9-5"
languages = ["en"]
"#;

#[test]
fn init_writes_a_starter_kit_that_checks_clean_and_refuses_to_overwrite() {
    let t = common::temp_project();
    let o = kit(t.path(), &["init"]);
    assert!(o.status.success(), "{}", err(&o));
    let text = std::fs::read_to_string(t.path().join("kit.toml")).unwrap();
    assert!(text.contains("[[resource]]") && text.contains("target = \"tel\""));
    let o = kit(t.path(), &["check"]);
    assert!(o.status.success(), "{}", err(&o));
    let o = kit(t.path(), &["init"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(t.path().join("kit.toml")).unwrap(),
        text
    );
}

#[test]
fn the_kit_chooses_designs_locales_formats_qr_and_local_resources() {
    let t = common::temp_project();
    std::fs::write(t.path().join("kit.toml"), KIT).unwrap();
    let o = kit(t.path(), &["build"]);
    assert!(o.status.success(), "{}", err(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("print/manifest.json")).unwrap())
            .unwrap();
    let m = m.as_array().unwrap();
    assert_eq!(m.len(), 4, "2 designs x 2 locales x pdf");
    for e in m {
        assert_eq!(e["qr"], "sms:233733?body=HELP");
        assert_eq!(e["format"], "pdf");
        let pdf = std::fs::read(t.path().join("print").join(e["path"].as_str().unwrap())).unwrap();
        let text: String = common::pdftext::extract(&pdf)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            text.contains("CountyProgram,555-555-0100(Mon-Fri9-5)"),
            "{}: {text}",
            e["path"]
        );
        let (w, h, rgba) = {
            let doc = hayro::hayro_syntax::Pdf::new(pdf.clone()).unwrap();
            let pix = hayro::render(
                &doc.pages()[0],
                &hayro::RenderCache::new(),
                &hayro::hayro_interpret::InterpreterSettings::default(),
                &hayro::RenderSettings::default(),
                &hayro::PixmapSettings {
                    x_scale: 3.0,
                    y_scale: 3.0,
                    bg_color: hayro::vello_cpu::color::palette::css::WHITE,
                },
            );
            (
                pix.width() as u32,
                pix.height() as u32,
                pix.data_as_u8_slice().to_vec(),
            )
        };
        assert_eq!(
            common::decode_qr_rgba(w, h, &rgba).as_deref(),
            Some("sms:233733?body=HELP"),
            "{}",
            e["path"]
        );
    }
    // The command line still overrides the kit.
    let o = kit(
        t.path(),
        &[
            "build",
            "--design",
            "stall-sticker",
            "--locale",
            "es",
            "--out",
            "o2",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("o2/manifest.json")).unwrap()).unwrap();
    assert_eq!(m.as_array().unwrap().len(), 1);
    assert_eq!(m[0]["path"], "stall-sticker/es/stall-sticker-es.pdf");
}

#[test]
fn a_bad_local_resource_is_an_error_naming_the_kit_file() {
    let t = common::temp_project();
    std::fs::write(
        t.path().join("kit.toml"),
        KIT.replace("555-555-0100", "555-0100"),
    )
    .unwrap();
    let o = kit(t.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("`555-0100` is not a US phone number") && err(&o).contains("kit.toml:"),
        "{}",
        err(&o)
    );
    std::fs::write(t.path().join("kit.toml"), KIT.replace("[qr]", "[qrcode]")).unwrap();
    let o = kit(t.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("unknown field `qrcode`"), "{}", err(&o));
    // A resource name too long for its slot does not fit: an error, never clipped.
    let long = "A Very Long Program Name That Goes On And On Past Any Card!";
    std::fs::write(
        t.path().join("kit.toml"),
        KIT.replace("County Program", long),
    )
    .unwrap();
    common::edit(
        t.path().join("designs/wallet-card.toml"),
        "rows = [1.5, 0.55, 0.35, 0.6, 0.5, 0.95]",
        "rows = [1.5, 0.55, 0.35, 0.6, 0.5, 0.1]",
    );
    let o = kit(t.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("slot `local` of design `wallet-card`"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_three_line_local_resource_fits_the_wallet_card_front_in_every_locale() {
    // The card and the poster, 16 locales each. The web application's coordinator enters a program of this length; both
    // must hold it in every language, with either QR target.
    let t = common::temp_project_all_fonts();
    for target in ["tel", "sms"] {
        std::fs::write(
            t.path().join("kit.toml"),
            KIT.replace("County Program", "Example County Anti-Trafficking Program")
                .replace("target = \"sms\"", &format!("target = \"{target}\""))
                .replace("locales = [\"en\", \"vi\"]", "locales = [\"all\"]"),
        )
        .unwrap();
        let o = kit(t.path(), &["check"]);
        assert!(o.status.success(), "{target}: {}", err(&o));
        assert!(err(&o).contains("checked 32 pieces"), "{}", err(&o));
    }
}

#[test]
fn the_kit_can_make_a_warning_an_error() {
    let t = common::temp_project();
    common::edit(
        t.path().join("locales/en.ftl"),
        "cling-body = You can get help today. It is free and private.",
        "cling-body = Individuals experiencing exploitative employment circumstances can obtain confidential assistance today.",
    );
    let o = kit(t.path(), &["check", "--locale", "en"]);
    assert!(o.status.success(), "a warning alone: {}", err(&o));
    std::fs::write(
        t.path().join("kit.toml"),
        "[checks]\nerrors = [\"reading-level\"]\n",
    )
    .unwrap();
    let o = kit(t.path(), &["check", "--locale", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("reads at grade") && err(&o).contains("[reading-level]"),
        "{}",
        err(&o)
    );
    std::fs::write(
        t.path().join("kit.toml"),
        "[checks]\nerrors = [\"contrast-ish\"]\n",
    )
    .unwrap();
    let o = kit(t.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("`contrast-ish` is not a check"),
        "{}",
        err(&o)
    );
}

#[test]
fn staff_contacts_take_numbers_and_extensions_and_refuse_look_alikes() {
    let t = common::temp_project();
    let good = format!(
        "{KIT}\n[[contact]]\nrole = \"Social work on call\"\nnumber = \"4411\"\nhours = \"24/7\"\n\n[[contact]]\nrole = \"Security\"\nname = \"Main desk\"\nnumber = \"510-555-0123 ext. 200\"\n"
    );
    std::fs::write(t.path().join("kit.toml"), &good).unwrap();
    let o = kit(t.path(), &["check"]);
    assert!(o.status.success(), "{}", err(&o));
    let src = hotline_kit::base::diag::Source::new("kit.toml", good.clone());
    let k = hotline_kit::load::kitfile::KitFile::parse(&src).unwrap();
    let lines: Vec<String> = k.contacts().iter().map(|c| c.line()).collect();
    assert_eq!(
        lines,
        [
            "Social work on call: 4411, 24/7",
            "Security (Main desk): 510-555-0123 ext. 200"
        ]
    );
    for (number, says) in [
        (
            "44",
            "is neither a US phone number nor an extension of 3 to 6 digits",
        ),
        ("1234567", "is neither a US phone number nor an extension"),
        ("555-0100", "is neither a US phone number nor an extension"),
        ("1-888-373-7886", "is a look-alike of the hotline number"),
        ("1-888-373-7888", "has the hotline's own number"),
    ] {
        std::fs::write(
            t.path().join("kit.toml"),
            good.replace("number = \"4411\"", &format!("number = \"{number}\"")),
        )
        .unwrap();
        let o = kit(t.path(), &["check"]);
        assert_eq!(o.status.code(), Some(1), "{number}: {}", err(&o));
        assert!(err(&o).contains(says), "{number}: {}", err(&o));
        assert!(err(&o).contains("kit.toml:"), "{number}: {}", err(&o));
    }
}

#[test]
fn a_contacts_slot_prints_the_kits_contacts_and_only_such_pieces_hash_them() {
    let t = common::temp_project();
    // The staff poster shows the staff contacts; the wallet card does not.
    let base = "[build]\ndesigns = [\"poster\", \"staff-poster\", \"wallet-card\"]\nlocales = [\"en\"]\nformats = [\"pdf\"]\nout = \"print\"\n[imagery]\ndiversity = \"advisory\"\n";
    let hashes = |dir: &Path| {
        let o = kit(dir, &["status", "--format", "json"]);
        assert!(o.status.success(), "{}", err(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let h = |d: &str| {
            v["pieces"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["design"] == d)
                .unwrap()["hash"]
                .clone()
        };
        (h("staff-poster"), h("wallet-card"))
    };
    std::fs::write(t.path().join("kit.toml"), base).unwrap();
    let (poster0, card0) = hashes(t.path());
    let with = format!(
        "{base}[[contact]]\nrole = \"Security\"\nname = \"Main desk\"\nnumber = \"510-555-0123 ext. 200\"\nhours = \"24/7\"\n"
    );
    std::fs::write(t.path().join("kit.toml"), &with).unwrap();
    let o = kit(t.path(), &["build"]);
    assert!(o.status.success(), "{}", err(&o));
    let pdf = std::fs::read(t.path().join("print/staff-poster/en/staff-poster-en.pdf")).unwrap();
    let text: String = common::pdftext::extract(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Security (Main desk): 510-555-0123 ext. 200, 24/7"),
        "{text}"
    );
    // The contacts are in the hash of the piece that shows them, and of no other.
    let (poster1, card1) = hashes(t.path());
    assert_ne!(poster0, poster1);
    assert_eq!(card0, card1);
}

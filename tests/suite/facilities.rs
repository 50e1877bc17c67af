//! The facilities sheet for `batch`: the shipped sample reads clean, and hostile sheets
//! give exactly the bad rows expected, each problem naming row, column and value at the
//! cell's place in the file.

use crate::common;

use std::path::Path;
use std::sync::LazyLock;

use hotline_kit::load::facilities::{self, Sheet};
use hotline_kit::load::project::Project;

static PROJECT: LazyLock<Project> = LazyLock::new(common::project);

const HEAD: &str = "id,name,languages,county_language,jurisdiction,qr,stalls,resource_name,resource_phone,resource_note";

/// Read `bytes` as a sheet file named `name`.
fn read_bytes(name: &str, bytes: &[u8]) -> Result<Sheet, hotline_kit::base::diag::Diagnostics> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    facilities::read(&path, &PROJECT, None)
}

/// Read a sheet that must be usable as a whole.
fn read(text: &str) -> Sheet {
    read_bytes("facilities.csv", text.as_bytes())
        .unwrap_or_else(|d| panic!("the sheet should read: {:#?}", d.0))
}

/// A sheet error's text (messages and hints).
fn refused(name: &str, bytes: &[u8]) -> String {
    match read_bytes(name, bytes) {
        Ok(s) => panic!("the sheet should be refused, got {} rows", s.rows.len()),
        Err(d) => {
            d.0.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

/// The row numbers of the bad rows.
fn bad(s: &Sheet) -> Vec<usize> {
    s.bad.iter().map(|b| b.number).collect()
}

/// The problems of bad row `n`, as printed (message, location, hints).
fn problems(s: &Sheet, n: usize) -> Vec<String> {
    let b = s.bad.iter().find(|b| b.number == n).expect("row is bad");
    b.problems.0.iter().map(|d| d.to_string()).collect()
}

/// Bad row `n` has a problem at column `col` (letter and header) quoting `value`, whose
/// span in the file is the value's cell; returns every such problem as printed.
fn problem_at(s: &Sheet, n: usize, col: &str, value: &str) -> String {
    let b = s.bad.iter().find(|b| b.number == n).expect("row is bad");
    let head = format!("row {n}, column {col}");
    let found: Vec<String> = b
        .problems
        .0
        .iter()
        .filter(|d| d.message.starts_with(&head) && d.message.contains(value))
        .map(|d| {
            let span = d.span.clone().expect("a span");
            let quoted = &s.source.text[span];
            assert!(
                value.contains(quoted.trim()) || quoted.contains(value),
                "span quotes `{quoted}`, not `{value}`"
            );
            assert!(d.location().unwrap().contains("facilities.csv:"), "{d}");
            d.to_string()
        })
        .collect();
    assert!(
        !found.is_empty(),
        "no problem at {head} naming `{value}` in {:#?}",
        problems(s, n)
    );
    found.join("\n")
}

#[test]
fn the_sample_sheet_reads_with_no_bad_row_and_makes_each_facilitys_kit() {
    let path = common::root().join("examples/facilities.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "written as Excel does, with a BOM"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "CRLF line ends"
    );
    let s = facilities::read(&path, &PROJECT, None).unwrap();
    assert!(s.bad.is_empty(), "{:#?}", s.bad);
    assert!(s.skipped.is_empty());
    assert!((6..=8).contains(&s.rows.len()));
    assert_eq!(
        s.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        (2..2 + s.rows.len()).collect::<Vec<_>>()
    );
    assert_eq!(s.sha256, hotline_kit::base::hash::digest(&bytes));
    assert!(!s.source.text.starts_with('\u{FEFF}'));
    let ca = s.rows.iter().find(|r| r.jurisdiction.is_some()).unwrap();
    assert_eq!(ca.jurisdiction.as_deref(), Some("us-ca"));
    let county = ca
        .county_language
        .clone()
        .expect("us-ca needs a county language");
    assert_eq!(ca.locales.last(), Some(&county));
    // The default poster and wallet card have room for one local program (a second
    // one is read, and then does not fit: `batch` reports that facility as failed).
    assert!(s.rows.iter().any(|r| r.resources.len() == 1));
    assert!(s.rows.iter().any(|r| r.name.contains(',')));
    let langs: std::collections::BTreeSet<&String> =
        s.rows.iter().flat_map(|r| &r.locales).collect();
    assert!(langs.len() >= 6, "several languages: {langs:?}");
    for r in &s.rows {
        assert!(r.name.contains("fictional"), "{}", r.name);
        for res in &r.resources {
            let d = res.digits();
            assert_eq!(&d[d.len() - 7..d.len() - 2], "55501", "fictional: 555-01xx");
        }
    }

    // The facility's kit: the row's values over the base kit.
    let base = hotline_kit::load::kitfile::KitFile::parse(&hotline_kit::base::diag::Source::new(
        "kit.toml",
        "[qr]\ntarget = \"web\"\n[counts]\nstalls = 99\nmen_stalls = 3\n[[resource]]\nname = \"Other Facility Program\"\nphone = \"510-555-0199\"\n",
    ))
    .unwrap();
    let k = ca.kit(Some(&base));
    assert_eq!(k.facility.name, ca.name);
    assert_eq!(k.build.locales, ca.locales);
    assert_eq!(k.resources(), ca.resources);
    assert_eq!(*k.counts["stalls"].get_ref(), ca.counts["stalls"]);
    assert_eq!(
        *k.counts["men_stalls"].get_ref(),
        3,
        "a count the sheet lacks keeps the base's"
    );
    assert_eq!(k.qr.map(|q| q.target), ca.qr);
    let c = k.compliance.unwrap();
    assert_eq!(
        (c.jurisdiction.as_str(), c.county_language),
        ("us-ca", Some(county))
    );
    let plain = s
        .rows
        .iter()
        .find(|r| r.jurisdiction.is_none() && r.qr.is_none())
        .unwrap();
    let k = plain.kit(Some(&base));
    assert!(k.compliance.is_none());
    assert_eq!(k.qr.unwrap().target, hotline_kit::load::spec::QrKind::Web);
    assert!(plain.kit(None).qr.is_none());
}

#[test]
fn bad_phone_numbers_and_hotline_look_alikes_are_bad_rows() {
    let s = read(&format!(
        "{HEAD}\n\
         ok,Ok Clinic,en,,,,,Good Program,510-555-0100,\n\
         short,Short Clinic,en,,,,,Short Program,555-0100,\n\
         letters,Letter Clinic,en,,,,,Letter Program,510-555-CALL,\n\
         alike,Alike Clinic,en,,,,,Alike Program,1-888-373-7887,\n\
         named,Named Clinic,en,,,,,National Human Trafficking Hotline,510-555-0101,\n\
         nophone,No Phone Clinic,en,,,,,Lonely Program,,\n\
         nonote,Note Only Clinic,en,,,,,,,Mon-Fri\n\
         long,Long Note Clinic,en,,,,,Long Program,510-555-0102,Monday to Friday from nine until five o'clock\n\
         in-name,Clinic (call 1-888-373-7887),en,,,,,,,\n\
         year,Clinic 2024 East,en,,,,,,,\n"
    ));
    assert_eq!(bad(&s), vec![3, 4, 5, 6, 7, 8, 9, 10]);
    assert!(problem_at(&s, 10, "B (name)", "1-888-373-7887").contains("no phone number"));
    assert_eq!(s.rows.len(), 2);
    problem_at(&s, 3, "I (resource_phone)", "555-0100");
    problem_at(&s, 4, "I (resource_phone)", "510-555-CALL");
    let alike = problem_at(&s, 5, "I (resource_phone)", "1-888-373-7887");
    assert!(alike.contains("look-alike"), "{alike}");
    let named = problem_at(
        &s,
        6,
        "H (resource_name)",
        "National Human Trafficking Hotline",
    );
    assert!(named.contains("named like the national hotline"), "{named}");
    assert!(problem_at(&s, 7, "I (resource_phone)", "Lonely Program").contains("no phone number"));
    assert!(problem_at(&s, 8, "H (resource_name)", "Mon-Fri").contains("has no name"));
    problem_at(&s, 9, "J (resource_note)", "Monday to Friday");
    assert!(
        s.bad.iter().all(|b| b.id.is_some()),
        "well-formed ids are kept"
    );
}

#[test]
fn unknown_languages_name_the_value_and_the_closest_codes() {
    let s = read(&format!(
        "{HEAD}\n\
         a,A Clinic,\"en; xx\",,,,,,,\n\
         b,B Clinic,Spanish,,,,,,,\n\
         c,C Clinic,en; zh_hans; ES; en,,,,,,,\n\
         d,D Clinic,vj,,,,,,,\n\
         e,E Clinic,,,,,,,,\n\
         f,F Clinic,en,klingon,,,,,,\n"
    ));
    assert_eq!(bad(&s), vec![2, 3, 5, 6, 7]);
    let xx = problem_at(&s, 2, "C (languages)", "xx");
    assert!(
        xx.contains("unknown language `xx`") && xx.contains("locales of this project"),
        "{xx}"
    );
    assert!(problem_at(&s, 3, "C (languages)", "Spanish").contains("`es`"));
    assert!(problem_at(&s, 5, "C (languages)", "vj").contains("did you mean `vi`"));
    // Printed like a compiler: file:line:column, the row's line and the hints.
    let d = &s.bad.iter().find(|b| b.number == 5).unwrap().problems.0[0];
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    d.emit(&mut out).unwrap();
    let printed = String::from_utf8(out.into_inner()).unwrap();
    for part in [
        "error: row 5, column C (languages): unknown language `vj`",
        "facilities.csv:5:12",
        "d,D Clinic,vj,,,,,,,",
        "hint: did you mean `vi`?",
    ] {
        assert!(printed.contains(part), "{part} in {printed}");
    }
    problem_at(&s, 6, "C (languages)", "no language");
    problem_at(&s, 7, "D (county_language)", "klingon");
    let c = &s.rows[0];
    assert_eq!(
        c.locales,
        ["en", "zh-Hans", "es"],
        "codes as the project spells them, once each"
    );
}

#[test]
fn a_jurisdiction_needing_a_county_language_without_one_is_bad_and_nothing_is_guessed() {
    let s = read(&format!(
        "{HEAD}\n\
         ca-ok,CA Clinic,en; es,vi,us-ca,,,,,\n\
         ca-none,CA Clinic Two,en; es,,us-ca,,,,,\n\
         ca-lacks,CA Clinic Three,en,vi,US-CA,,,,,\n\
         nowhere,Nowhere Clinic,en,,us-zz,,,,,\n\
         two-counties,Two Counties Clinic,en; es,vi; ko,us-ca,,,,,\n"
    ));
    assert_eq!(bad(&s), vec![3, 4, 5, 6]);
    let none = problem_at(&s, 3, "D (county_language)", "county language");
    assert!(
        none.contains("us-ca") && none.contains("never guesses"),
        "{none}"
    );
    let lacks = problem_at(&s, 4, "C (languages)", "en");
    assert!(lacks.contains("lack es"), "{lacks}");
    let zz = problem_at(&s, 5, "E (jurisdiction)", "us-zz");
    assert!(
        zz.contains("us-ca") && zz.contains("us-tx"),
        "lists the ids: {zz}"
    );
    problem_at(&s, 6, "D (county_language)", "vi; ko");
    assert_eq!(s.rows[0].locales, ["en", "es", "vi"]);
    assert!(s.rows.iter().all(|r| r.id == "ca-ok"));

    // Without a county_language column, the problem is at the jurisdiction cell.
    let s = read("id,name,languages,jurisdiction\nx,X Clinic,en; es,us-ca\n");
    assert_eq!(bad(&s), vec![2]);
    assert!(problem_at(&s, 2, "D (jurisdiction)", "us-ca").contains("county_language column"));
}

#[test]
fn duplicate_ids_make_both_rows_bad_also_when_only_case_differs() {
    let s = read(&format!(
        "{HEAD}\n\
         north,North Clinic,en,,,,,,,\n\
         south,South Clinic,en,,,,,,,\n\
         North,North Again,en,,,,,,,\n\
         south,South Again,en,,,,,,,\n\
         west,West Clinic,en,,,,,,,\n"
    ));
    assert_eq!(bad(&s), vec![2, 3, 4, 5]);
    assert_eq!(
        s.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["west"]
    );
    assert!(problem_at(&s, 2, "A (id)", "north").contains("used again in row 4"));
    assert!(problem_at(&s, 5, "A (id)", "south").contains("already used in row 3"));
    assert!(problem_at(&s, 4, "A (id)", "North").contains("already used in row 2"));
    assert!(problem_at(&s, 4, "A (id)", "North").contains("write `north`"));
    let ids: Vec<Option<&str>> = s.bad.iter().map(|b| b.id.as_deref()).collect();
    assert_eq!(ids, [Some("north"), Some("south"), None, Some("south")]);
}

#[test]
fn empty_rows_are_skipped_wherever_they_are() {
    let s = read(&format!(
        "{HEAD}\r\n\
         ,,,,,,,,,\r\n\
         a,A Clinic,en,,,,,,,\r\n\
         \r\n\
         ,  ,,,,,,,,\r\n\
         b,B Clinic,en,,,,,,,\r\n\
         ,,,,,,,,,\r\n"
    ));
    assert_eq!(s.skipped, [2, 4, 5, 7]);
    assert_eq!(s.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [3, 6]);
    assert!(s.bad.is_empty());
    assert!(refused("f.csv", format!("{HEAD}\n,,,\n\n").as_bytes()).contains("no facility rows"));
    assert!(refused("f.csv", HEAD.as_bytes()).contains("no facility rows"));
}

#[test]
fn quoted_fields_with_commas_quotes_and_line_breaks() {
    let s = read(&format!(
        "{HEAD}\n\
         a,\"Clinic A, \"\"East\"\"\",\"en, es\",,,,,,,\n\
         b,\"Clinic\nB\",en,,,,,,,\n\
         c,Clinic C,en,,,,,Program C,510-555-0100,\"Mon-Fri,\n9-5\"\n\
         d,Clinic D,en,,,,,,,\n\
         e,\"Clinic E\"x,en,,,,,,,\n"
    ));
    assert_eq!(bad(&s), vec![3, 4, 6], "rows are records, not lines");
    assert_eq!(s.rows[0].name, "Clinic A, \"East\"");
    assert_eq!(s.rows[0].locales, ["en", "es"]);
    assert_eq!(s.rows[1].number, 5);
    assert!(problem_at(&s, 3, "B (name)", "Clinic\nB").contains("line break"));
    let c = problem_at(&s, 4, "J (resource_note)", "Mon-Fri");
    assert!(
        c.contains("facilities.csv:5:"),
        "the file's line, not the row: {c}"
    );
    assert!(problem_at(&s, 6, "B (name)", "x").contains("after the closing quote"));
    assert!(
        refused("f.csv", format!("{HEAD}\nz,\"Clinic Z,en\n").as_bytes()).contains("never closed")
    );
}

#[test]
fn excel_files_read_alike_with_bom_crlf_or_semicolons() {
    let rows = [
        "a,Clinic A,en; es,,,sms,3,,,",
        "b,\"Clinic B, West\",en,,,,,,,",
    ];
    let plain = read(&format!("{HEAD}\n{}\n", rows.join("\n")));
    let excel = read_bytes(
        "facilities.csv",
        format!("\u{FEFF}{HEAD}\r\n{}\r\n", rows.join("\r\n")).as_bytes(),
    )
    .unwrap();
    let semi = read(&format!(
        "{}\r\na;Clinic A;\"en; es\";;;sms;3;;;\r\nb;Clinic B, West;en;;;;;;;\r\n",
        HEAD.replace(',', ";")
    ));
    assert!(plain.bad.is_empty() && excel.bad.is_empty() && semi.bad.is_empty());
    assert_eq!(plain.rows, excel.rows);
    assert_eq!(plain.rows, semi.rows);
    assert_eq!(plain.rows[0].counts["stalls"], 3);
    assert_eq!(plain.rows[1].name, "Clinic B, West");
}

#[test]
fn a_windows_1252_utf16_or_workbook_file_is_refused_with_how_to_save_it() {
    let mut latin = format!("{HEAD}\na,Cl").into_bytes();
    latin.extend([0xED, b'n', b'i', b'c', b'a']);
    latin.extend(b",en,,,,,,,\n");
    let e = refused("facilities.csv", &latin);
    assert!(
        e.contains("not UTF-8") && e.contains("CSV UTF-8") && e.contains("line 2"),
        "{e}"
    );
    let e = refused("facilities.csv", &[0xFF, 0xFE, b'i', 0, b'd', 0]);
    assert!(e.contains("UTF-16") && e.contains("CSV UTF-8"), "{e}");
    let e = refused("facilities.txt", b"id\tname\tlanguages\na\tA\ten\n");
    assert!(
        e.contains("tab-separated") && e.contains("CSV UTF-8"),
        "{e}"
    );
    let e = refused("facilities.xlsx", b"PK\x03\x04rest of a zip");
    assert!(e.contains("workbook") && e.contains("CSV UTF-8"), "{e}");
    let e = refused("facilities.csv", b"PK\x03\x04a workbook renamed");
    assert!(e.contains("workbook"), "{e}");
}

#[test]
fn unknown_duplicate_or_missing_columns_stop_the_whole_sheet() {
    let e = refused("f.csv", b"id,name,languages,stals\na,A,en,3\n");
    assert!(e.contains("column D: unknown column `stals`"), "{e}");
    assert!(e.contains("did you mean `stalls`"), "{e}");
    assert!(
        e.contains("county_language") && e.contains("exam_rooms"),
        "lists the known: {e}"
    );
    let e = refused("f.csv", b"name,languages\nA,en\n");
    assert!(e.contains("no column `id`"), "{e}");
    let e = refused(
        "f.csv",
        b"Id,Name,Languages,Resource Name,resource_1_name\na,A,en,x,y\n",
    );
    assert!(e.contains("same as column D"), "{e}");
    // Headers are matched loosely; a value under no header is a row problem.
    let s = read(
        " ID ,NAME,Languages,County-Language,Resource 2 Phone,resource2_name,\na,A,en,vi,510-555-0100,P,\nb,B,en,,,,stray\nc,C,en,,,,,,beyond\n",
    );
    assert_eq!(bad(&s), vec![3, 4]);
    assert_eq!(s.rows[0].resources[0].name, "P");
    problem_at(&s, 3, "G", "stray");
    problem_at(&s, 4, "I", "beyond");
}

#[test]
fn path_like_and_reserved_ids_are_bad_rows() {
    let ids = [
        "../x",
        "a/b",
        ".",
        "con",
        "COM1",
        "lpt9",
        "-x",
        "a b",
        "a\\b",
        "nul",
        "é-clinic",
    ];
    let long = "x".repeat(65);
    let mut text = format!("{HEAD}\n");
    for id in ids
        .iter()
        .copied()
        .chain([long.as_str(), "ok_id-1", "con-clinic"])
    {
        text.push_str(&format!("\"{id}\",Clinic {},en,,,,,,,\n", id.len()));
    }
    let s = read(&text);
    let n = ids.len() + 1;
    assert_eq!(bad(&s), (2..=n + 1).collect::<Vec<_>>());
    assert_eq!(
        s.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["ok_id-1", "con-clinic"]
    );
    for (k, id) in ids.iter().enumerate() {
        problem_at(&s, k + 2, "A (id)", id);
    }
    problem_at(&s, n + 1, "A (id)", &long);
    assert!(problem_at(&s, 3, "A (id)", "a/b").contains("path separator"));
    assert!(problem_at(&s, 5, "A (id)", "con").contains("Windows"));
    assert!(
        problem_at(&s, 6, "A (id)", "COM1").contains("Windows"),
        "lower case is still a device"
    );
    assert!(s.bad.iter().all(|b| b.id.is_none()));
}

#[test]
fn control_and_direction_characters_in_any_cell_are_bad_rows() {
    let s = read(&format!(
        "{HEAD}\n\
         a,Clinic \u{202E}A,en,,,,,,,\n\
         b,Clinic B,en\u{2066},,,,,,,\n\
         c,Clinic\u{7}C,en,,,,,,,\n\
         d\u{200F},Clinic D,en,,,,,,,\n\
         e,Clinic E,en,,,,,Program\u{200B}E,510-555-0100,\n\
         f,Clinic F,en,,,,,,,\"9\t5\"\n\
         g,  Clinic G  ,en,,,,,,,\n\
         h,Clinic\u{2028}H,en,,,,,,,\n"
    ));
    assert_eq!(bad(&s), vec![2, 3, 4, 5, 6, 7, 9]);
    assert!(problem_at(&s, 9, "B (name)", "Clinic").contains("line break"));
    assert!(problem_at(&s, 2, "B (name)", "Clinic").contains("U+202E"));
    assert!(problem_at(&s, 3, "C (languages)", "en").contains("U+2066"));
    assert!(problem_at(&s, 4, "B (name)", "Clinic").contains("U+0007"));
    assert!(problem_at(&s, 5, "A (id)", "d").contains("U+200F"));
    assert!(problem_at(&s, 6, "H (resource_name)", "Program").contains("U+200B"));
    assert!(problem_at(&s, 7, "J (resource_note)", "9").contains("U+0009"));
    assert_eq!(s.rows[0].name, "Clinic G", "spaces are trimmed");
    // Printed, the problem shows the character escaped, never raw.
    assert!(!problems(&s, 2).concat().contains('\u{202E}'));
}

#[test]
fn counts_and_qr_targets_are_checked() {
    let s = read(&format!(
        "{HEAD}\n\
         a,A,en,,,TEL,0,,,\n\
         b,B,en,,,,10000,,,\n\
         c,C,en,,,,-1,,,\n\
         d,D,en,,,,10001,,,\n\
         e,E,en,,,,\"1,200\",,,\n\
         f,F,en,,,,12.0,,,\n\
         g,G,en,,,phone,,,,\n"
    ));
    assert_eq!(bad(&s), vec![4, 5, 6, 7, 8]);
    for (n, v) in [(4, "-1"), (5, "10001"), (6, "1,200"), (7, "12.0")] {
        assert!(problem_at(&s, n, "G (stalls)", v).contains("0 to 10000"));
    }
    assert!(problem_at(&s, 8, "F (qr)", "phone").contains("tel"));
    assert_eq!(s.rows[0].qr, Some(hotline_kit::load::spec::QrKind::Tel));
    assert_eq!(s.rows[0].counts["stalls"], 0);
    assert_eq!(s.rows[1].counts["stalls"], 10_000);
}

#[test]
fn a_ten_thousand_row_sheet_reports_exactly_its_bad_rows() {
    let mut text = format!("{HEAD}\r\n");
    let mut expected = Vec::new();
    for k in 0..10_000 {
        let number = k + 2;
        let row = match k {
            17 => format!("f{k},Clinic {k},en; xx,,,,5,,,"),
            4_321 => format!("f{k},Clinic {k},en,,,,5,Program {k},1-888-373-7887,"),
            9_998 => "f3,Clinic again,en,,,,5,,,".to_string(),
            _ => format!(
                "f{k},Clinic {k},en; es,,,,{},Program {k},510-555-0100,",
                k % 50
            ),
        };
        if matches!(k, 17 | 4_321 | 9_998) {
            expected.push(number);
        }
        if k == 3 {
            expected.push(number);
        }
        text.push_str(&row);
        text.push_str("\r\n");
    }
    expected.sort();
    let s = read(&text);
    assert_eq!(bad(&s), expected);
    assert_eq!(s.rows.len(), 10_000 - expected.len());
    problem_at(&s, 19, "C (languages)", "xx");
    problem_at(&s, 4_323, "I (resource_phone)", "1-888-373-7887");
    assert!(problem_at(&s, 10_000, "A (id)", "f3").contains("already used in row 5"));
}

#[test]
fn a_sheet_with_too_many_rows_is_refused() {
    let mut text = String::from("id,name,languages\n");
    for _ in 0..=facilities::MAX_ROWS {
        text.push_str(",,\n");
    }
    assert!(refused("big.csv", text.as_bytes()).contains("more than 100000 rows"));
    let wide = format!("id,name,languages\na,A,en{}\n", ",".repeat(2000));
    assert!(refused("wide.csv", wide.as_bytes()).contains("more than 1000 cells"));
    let dir = tempfile::tempdir().unwrap();
    assert!(
        facilities::read(&dir.path().join("missing.csv"), &PROJECT, None)
            .unwrap_err()
            .0[0]
            .message
            .contains("cannot read")
    );
    assert!(facilities::read(Path::new(dir.path()), &PROJECT, None).is_err());
}

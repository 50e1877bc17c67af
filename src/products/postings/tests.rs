use super::*;
use crate::checks::check::parse_date;

fn ev(id: i64, date: &str, action: Action, count: u32, place: &str, design: &str) -> Posting {
    Posting {
        id,
        design: design.into(),
        locale: "en".into(),
        place: place.into(),
        count,
        date: date.into(),
        action,
        by: format!("by{id}"),
        hash: format!("sha256:{id:0>64}"),
        state: if id % 2 == 0 { "approved" } else { "draft" }.into(),
        note: String::new(),
        logged_at: format!("{date}T12:00:00Z"),
    }
}

fn today() -> i64 {
    parse_date("2026-11-30").unwrap()
}

fn designs() -> Vec<String> {
    vec!["poster".into(), "stall-sticker".into()]
}

fn locales() -> Vec<String> {
    vec!["en".into(), "es".into()]
}

fn good() -> NewPosting {
    NewPosting {
        design: "poster".into(),
        locale: "en".into(),
        place: "Lobby".into(),
        count: 2,
        date: "2026-11-02".into(),
        action: Action::Posted,
        by: "MR".into(),
        note: String::new(),
    }
}

fn check(n: &NewPosting, log: &[Posting]) -> Vec<FieldError> {
    let (d, l) = (designs(), locales());
    let known = Known {
        designs: &d,
        locales: &l,
    };
    validate(n, &known, today(), log).err().unwrap_or_default()
}

fn fields(errs: &[FieldError]) -> Vec<&str> {
    errs.iter().map(|e| e.field).collect()
}

#[test]
fn actions_round_trip_through_their_words() {
    for a in Action::ALL {
        assert_eq!(Action::parse(a.as_str()), Some(a));
        assert_eq!(a.as_str().parse::<Action>(), Ok(a));
    }
    assert_eq!(Action::parse(" Removed "), Some(Action::Removed));
    assert_eq!(Action::parse("damaged"), None);
    assert!("post".parse::<Action>().is_err());
}

#[test]
fn standing_adds_posted_takes_removed_and_replaced_keeps_the_count() {
    let log = vec![
        ev(1, "2026-01-05", Action::Posted, 3, "Lobby", "poster"),
        ev(2, "2026-02-01", Action::Replaced, 1, "lobby ", "poster"),
        ev(3, "2026-03-01", Action::Removed, 1, "LOBBY", "poster"),
        ev(
            4,
            "2026-01-10",
            Action::Posted,
            2,
            "Stall 3",
            "stall-sticker",
        ),
        ev(
            5,
            "2026-01-11",
            Action::Removed,
            5,
            "Stall 3",
            "stall-sticker",
        ),
    ];
    let s = standing(&log);
    assert_eq!(s.len(), 2, "{s:#?}");
    let lobby = &s[0];
    assert_eq!(lobby.up, 2, "3 posted, one replaced, one removed");
    assert_eq!(lobby.place, "LOBBY", "the newest spelling is shown");
    assert_eq!(
        (lobby.last_action, lobby.last_date.as_str()),
        (Action::Removed, "2026-03-01")
    );
    assert_eq!(lobby.last_by, "by3");
    // The newest copy put up is the replacement (record 2, approved), not the removal.
    assert_eq!(lobby.since, "2026-02-01");
    assert_eq!(lobby.hash, log[1].hash);
    assert!(lobby.approved());
    assert!(lobby.version().starts_with("approved 000000000000"));
    assert_eq!(lobby.records, 3);
    assert_eq!(s[1].up, 0, "more removed than posted stays at 0");
    let t = totals(&s);
    assert_eq!((t.copies, t.places), (2, 1));
    assert_eq!(t.designs.get("poster"), Some(&2));
    assert!(!t.designs.contains_key("stall-sticker"));
    assert_eq!(t.locales.get("en"), Some(&2));
}

#[test]
fn standing_is_the_same_whatever_order_the_records_come_in() {
    let mut log = vec![
        ev(1, "2026-01-05", Action::Posted, 3, "B", "poster"),
        ev(2, "2026-01-06", Action::Removed, 3, "B", "poster"),
        ev(3, "2026-01-04", Action::Posted, 1, "a", "poster"),
        ev(4, "2026-01-07", Action::Posted, 1, "B", "poster"),
    ];
    let first = standing(&log);
    log.reverse();
    assert_eq!(standing(&log), first);
    assert_eq!(
        first.iter().map(|s| s.place.as_str()).collect::<Vec<_>>(),
        ["a", "B"]
    );
    assert_eq!(first[1].up, 1);
    assert_eq!(first[1].state, "approved", "record 4 is the newest copy");
}

#[test]
fn a_draft_copy_up_is_counted_as_not_approved() {
    let log = vec![ev(1, "2026-01-05", Action::Posted, 4, "ER", "poster")];
    let s = standing(&log);
    assert_eq!(s[0].version(), "DRAFT 000000000000");
    assert_eq!(totals(&s).not_approved, 4);
    assert_eq!(
        version_text("changed", "sha256:abcdef0123456789"),
        "DRAFT (changed since approval) abcdef012345"
    );
}

#[test]
fn a_good_record_passes() {
    assert_eq!(check(&good(), &[]), Vec::<FieldError>::new());
}

#[test]
fn every_problem_is_reported_with_its_field() {
    let n = NewPosting {
        design: "billboard".into(),
        locale: "xx".into(),
        place: "   ".into(),
        count: 0,
        date: "2026-02-30".into(),
        action: Action::Posted,
        by: String::new(),
        note: "x".repeat(MAX_NOTE + 1),
    };
    let errs = check(&n, &[]);
    assert_eq!(
        fields(&errs),
        ["design", "locale", "count", "date", "place", "by", "note"],
        "{errs:#?}"
    );
    assert!(
        errs[0].hint.contains("poster, stall-sticker"),
        "{}",
        errs[0].hint
    );
    assert!(
        errs.iter()
            .all(|e| !e.message.is_empty() && !e.hint.is_empty())
    );
}

#[test]
fn counts_are_1_to_500() {
    for (n, ok) in [
        (1, true),
        (500, true),
        (0, false),
        (501, false),
        (u32::MAX, false),
    ] {
        let errs = check(&NewPosting { count: n, ..good() }, &[]);
        assert_eq!(errs.is_empty(), ok, "{n}: {errs:?}");
    }
    assert_eq!(parse_count(" 12 "), Ok(12));
    assert_eq!(parse_count("99999999999999"), Ok(u32::MAX));
    for bad in ["", "-1", "1.5", "3 copies", "١٢", "+3"] {
        assert_eq!(parse_count(bad).unwrap_err().field, "count", "{bad:?}");
    }
}

#[test]
fn dates_are_real_days_from_2000_to_today() {
    for (d, ok) in [
        ("2026-11-30", true),
        ("2000-01-01", true),
        ("2024-02-29", true),
        ("2026-12-01", false),
        ("1999-12-31", false),
        ("2025-02-29", false),
        ("2026-04-31", false),
        ("2026-1-05", false),
        ("+2026-01-05", false),
        ("2026/01/05", false),
        ("05/01/2026", false),
        ("２０２６-01-05", false),
        ("", false),
    ] {
        let errs = check(
            &NewPosting {
                date: d.into(),
                ..good()
            },
            &[],
        );
        assert_eq!(errs.is_empty(), ok, "{d:?}: {errs:?}");
        if !ok {
            assert_eq!(fields(&errs), ["date"], "{d:?}");
        }
    }
}

#[test]
fn places_are_one_line_of_at_most_200_characters() {
    let long = "é".repeat(MAX_PLACE);
    assert!(
        check(
            &NewPosting {
                place: format!("  {long} "),
                ..good()
            },
            &[]
        )
        .is_empty()
    );
    let cases = [
        "é".repeat(MAX_PLACE + 1),
        "Lobby\nstall 3".into(),
        "Lobby\u{7}".into(),
        "Lobby \u{202E}3 llats".into(),
        "Lobby\u{2028}2".into(),
        "Lobby\rX".into(),
    ];
    for p in cases {
        let errs = check(
            &NewPosting {
                place: p.clone(),
                ..good()
            },
            &[],
        );
        assert_eq!(fields(&errs), ["place"], "{p:?}");
    }
    // Any script is welcome.
    for p in [
        "الطابق الثاني، دورة المياه",
        "二楼女厕所",
        "Sala de espera 2",
    ] {
        assert!(
            check(
                &NewPosting {
                    place: p.into(),
                    ..good()
                },
                &[]
            )
            .is_empty(),
            "{p}"
        );
    }
    let n = NewPosting {
        place: "  2nd   floor\u{a0} lobby ".into(),
        ..good()
    };
    assert_eq!(n.cleaned().place, "2nd floor lobby");
}

#[test]
fn notes_may_have_line_breaks_but_no_other_control_characters() {
    let note = "first line\r\nsecond, \"quoted\"".to_string();
    assert!(
        check(
            &NewPosting {
                note: note.clone(),
                ..good()
            },
            &[]
        )
        .is_empty()
    );
    assert_eq!(
        NewPosting { note, ..good() }.cleaned().note,
        "first line\nsecond, \"quoted\""
    );
    let errs = check(
        &NewPosting {
            note: "a\u{0}b".into(),
            ..good()
        },
        &[],
    );
    assert_eq!(fields(&errs), ["note"]);
}

#[test]
fn removing_or_replacing_needs_that_many_copies_up_at_the_place() {
    let log = vec![ev(1, "2026-01-05", Action::Posted, 3, "Lobby", "poster")];
    for action in [Action::Removed, Action::Replaced] {
        let at = |place: &str, count: u32| NewPosting {
            place: place.into(),
            count,
            action,
            ..good()
        };
        assert!(
            check(&at("lobby", 3), &log).is_empty(),
            "{action}: same place, any case"
        );
        let errs = check(&at("Lobby", 4), &log);
        assert_eq!(fields(&errs), ["count"], "{action}");
        assert!(errs[0].message.contains("only 3"), "{}", errs[0].message);
        let errs = check(&at("Stall 3", 1), &log);
        assert!(errs[0].message.contains("no copies"), "{}", errs[0].message);
        let es = NewPosting {
            locale: "es".into(),
            ..at("Lobby", 1)
        };
        assert_eq!(
            fields(&check(&es, &log)),
            ["count"],
            "another language is not up"
        );
    }
    assert_eq!(up_at(&log, " LOBBY", "poster", "en"), 3);
}

#[test]
fn from_new_stores_the_cleaned_record() {
    let n = NewPosting {
        place: " Lobby  2 ".into(),
        by: " M  R ".into(),
        ..good()
    };
    let p = Posting::from_new(&n, 7, "sha256:ab", "approved", "2026-11-02T10:00:00Z");
    assert_eq!(
        (p.id, p.place.as_str(), p.by.as_str()),
        (7, "Lobby 2", "M R")
    );
    assert_eq!(
        (p.hash.as_str(), p.state.as_str()),
        ("sha256:ab", "approved")
    );
}

#[test]
fn a_report_shows_the_range_log_and_what_was_up_at_its_end() {
    let log = vec![
        ev(1, "2026-01-05", Action::Posted, 3, "Lobby", "poster"),
        ev(2, "2026-03-01", Action::Posted, 2, "ER", "poster"),
        ev(3, "2026-06-01", Action::Removed, 3, "Lobby", "poster"),
    ];
    let r = report(
        "  Mercy Clinic ",
        &log,
        Some("2026-02-01"),
        Some("2026-04-30"),
        "2026-11-30",
    );
    assert_eq!(r.facility, "Mercy Clinic");
    assert_eq!(r.events.iter().map(|e| e.id).collect::<Vec<_>>(), [2]);
    assert_eq!(r.totals.copies, 5, "the June removal is after the range");
    assert_eq!(r.range_text(), "2026-02-01 to 2026-04-30");
    let all = report("", &log, None, None, "2026-11-30");
    assert_eq!(all.totals.copies, 2);
    assert_eq!(all.events.len(), 3);
    assert!(report("", &[], None, None, "2026-11-30").is_empty());
}

#[test]
fn csv_guards_formulas_and_round_trips() {
    let mut a = ev(
        1,
        "2026-01-05",
        Action::Posted,
        3,
        "=HYPERLINK(\"http://x\",\"y\")",
        "poster",
    );
    a.note = "a, \"b\"\nc".into();
    a.by = "@admin".into();
    let mut b = ev(2, "2026-01-06", Action::Replaced, 1, "-1+2", "poster");
    b.note = "\tx".into();
    let log = vec![a, b];
    let csv = to_csv(&log);
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains(",'@admin,"), "{csv}");
    assert!(csv.contains(",'-1+2,"), "{csv}");
    assert!(
        !csv.contains(",=") && !csv.contains(",\"=") && !csv.contains(",@"),
        "{csv}"
    );
    assert_eq!(from_csv(&csv).unwrap(), log);
    let empty = to_csv(&[]);
    assert_eq!(
        empty.trim_start_matches('\u{feff}').trim_end(),
        table::LOG_COLUMNS.join(",")
    );
    assert_eq!(from_csv(&empty).unwrap(), vec![]);
    let st = standing_csv(&standing(&log));
    assert!(st.contains("'=HYPERLINK"), "{st}");
}

#[test]
fn json_keeps_its_field_order_and_lists_no_events_as_empty() {
    let r = report("Clinic", &[], None, None, "2026-11-30");
    let j = to_json(&r);
    let keys = [
        "\"report\"",
        "\"facility\"",
        "\"from\"",
        "\"to\"",
        "\"made\"",
        "\"standing\"",
        "\"totals\"",
        "\"events\"",
    ];
    let pos: Vec<usize> = keys
        .iter()
        .map(|k| j.find(k).unwrap_or_else(|| panic!("{k} in {j}")))
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{j}");
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v["events"], serde_json::json!([]));
    let log = vec![ev(1, "2026-01-05", Action::Replaced, 3, "Lobby", "poster")];
    let v: serde_json::Value =
        serde_json::from_str(&to_json(&report("C", &log, None, None, "2026-11-30"))).unwrap();
    assert_eq!(v["events"][0]["action"], "replaced");
    assert_eq!(v["standing"][0]["up"], 3);
}

//! A facility's id: its folder name, so nothing that could leave the output folder, clash
//! on a case-insensitive disk or name a Windows device.

/// Windows names for devices: a folder cannot have them.
const DEVICES: &[&str] = &["con", "prn", "aux", "nul"];

/// What is wrong with an id as a folder name, with a hint, if anything.
pub fn id_problem(id: &str) -> Option<(String, String)> {
    let lower = id.to_lowercase();
    let good_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if id.is_empty() {
        return Some((
            "no id".into(),
            "every facility needs an id, its folder name: lower-case letters, digits, - and _, e.g. `st-anne-east`".into(),
        ));
    }
    if id.chars().count() > 64 {
        return Some((
            format!("the id `{id}` is longer than 64 characters"),
            "shorten it: it is the facility's folder name".into(),
        ));
    }
    if let Some(c) = id.chars().find(|c| !good_char(*c)) {
        if lower != id && lower.chars().all(good_char) {
            return Some(match id_problem(&lower) {
                Some((m, h)) => (m.replace(&format!("`{lower}`"), &format!("`{id}`")), h),
                None => (
                    format!("the id `{id}` has upper-case letters"),
                    format!(
                        "write `{lower}`: an id is a folder name, in lower case (hotline-kit does not change it for you)"
                    ),
                ),
            });
        }
        let what = match c {
            '/' | '\\' => "a path separator".to_string(),
            '.' => "a dot".to_string(),
            ' ' => "a space".to_string(),
            c => format!("`{}`", c.escape_default()),
        };
        return Some((
            format!("the id `{id}` has {what}; an id may hold only lower-case letters a-z, digits, - and _"),
            "an id is one folder name: write it with letters, digits and hyphens, e.g. `st-anne-east`".into(),
        ));
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some((
            format!("the id `{id}` starts with `{}`", &id[..1]),
            "start the id with a letter or a digit".into(),
        ));
    }
    let device = DEVICES.contains(&id)
        || ((id.starts_with("com") || id.starts_with("lpt"))
            && id.len() == 4
            && id.as_bytes()[3].is_ascii_digit());
    if device {
        return Some((
            format!("the id `{id}` is a name Windows keeps for a device; it cannot be a folder"),
            format!("choose another id, e.g. `{id}-clinic`"),
        ));
    }
    None
}

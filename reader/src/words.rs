//! Names and lists in messages: the one "did you mean", and French quoting.

/// Longest text quoted between « » in a message: a value of several megabytes never makes a
/// message of several megabytes.
const MAX_QUOTE: usize = 60;

/// Suggests the closest known name for a misspelt one, if any is close enough.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // Transpositions ("fri" for "fir") score low on Jaro-Winkler alone, hence both measures.
    let close =
        |c: &str| strsim::damerau_levenshtein(wrong, c) <= (wrong.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, c)| *score > 0.8 || close(c))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The accepted field a wrong name most likely stands for: the one `alias` gives (the English
/// name of a French word, for the site), else the closest spelling.
pub fn guess<'a>(
    name: &str,
    accepted: &[&'a str],
    alias: &dyn Fn(&str) -> Option<&'static str>,
) -> Option<&'a str> {
    alias(name)
        .and_then(|a| accepted.iter().find(|f| **f == a).copied())
        .or_else(|| did_you_mean(name, accepted.iter().copied()))
}

/// « vouliez-vous dire « x » ? Champs acceptés : … », or only the list when nothing is close;
/// `label` is written in lower case (« champs acceptés »).
pub fn suggestion(guess: Option<&str>, label: &str, list: &str) -> String {
    match guess {
        Some(g) => {
            let mut chars = label.chars();
            let label: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            format!("vouliez-vous dire « {} » ? {label} : {list}", quote(g))
        }
        None => format!("{label} : {list}"),
    }
}

/// The hint of an unknown field, the same for every file: the likely field, then all of them.
pub fn unknown_field_hint(
    name: &str,
    accepted: &[&str],
    alias: &dyn Fn(&str) -> Option<&'static str>,
) -> String {
    suggestion(
        guess(name, accepted, alias),
        "champs acceptés",
        &accepted.join(", "),
    )
}

/// « « a », « b » et « c » », for hints.
pub fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .into_iter()
        .map(|s| format!("« {} »", quote(s)))
        .collect();
    match items.len() {
        0 => String::from("(aucune)"),
        1 => items[0].clone(),
        n => format!("{} et {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// A text as it may stand between « »: cut with … past 60 characters (`MAX_QUOTE`).
pub fn quote(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTE {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(MAX_QUOTE - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_alias(_: &str) -> Option<&'static str> {
        None
    }

    #[test]
    fn suggestion_finds_close_names_only() {
        let fields = ["title", "description", "date"];
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("descripton", fields), Some("description"));
        assert_eq!(did_you_mean("zzz", fields), None);
        assert_eq!(did_you_mean("startpu", ["startup", "pme"]), Some("startup"));
    }

    #[test]
    fn an_alias_wins_over_spelling_when_it_is_accepted() {
        let alias = |w: &str| (w == "resume").then_some("description");
        assert_eq!(
            guess("resume", &["description"], &alias),
            Some("description")
        );
        assert_eq!(guess("resume", &["weight"], &alias), None);
        assert_eq!(guess("titel", &["title"], &no_alias), Some("title"));
    }

    #[test]
    fn hints_name_the_guess_then_the_list() {
        assert_eq!(
            unknown_field_hint("titel", &["title", "date"], &no_alias),
            "vouliez-vous dire « title » ? Champs acceptés : title, date"
        );
        assert_eq!(
            unknown_field_hint("zzz", &["title", "date"], &no_alias),
            "champs acceptés : title, date"
        );
        assert_eq!(quoted_list(["a", "b", "c"]), "« a », « b » et « c »");
        assert_eq!(quoted_list([]), "(aucune)");
        assert_eq!(quote(&"x".repeat(1000)).chars().count(), MAX_QUOTE);
    }
}

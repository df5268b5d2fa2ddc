//! French formatting of amounts and dates, without `format!` machinery so
//! that the WebAssembly build stays small.

/// `60000` → `60 000 €` (narrow no-break space between thousands, no-break space before €).
pub fn euros(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    out.push_str("\u{A0}€");
    out
}

/// The French month names, January first.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Days in a month of the Gregorian calendar, leap years included (the generator's dates and
/// the wizard's call deadlines share it).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The last day an ISO date stands for, as `YYYY-MM-DD`: `2021-10` is open until
/// `2021-10-31`, `2021` until `2021-12-31`. Anything else is returned as written.
pub fn last_day(iso: &str) -> String {
    let mut parts = iso.split('-');
    let year = parts.next().and_then(|y| y.parse::<i32>().ok());
    let month = parts.next().map(|m| m.parse::<u32>().ok());
    match (year, month, parts.next()) {
        (Some(y), None, _) => format!("{y:04}-12-31"),
        (Some(y), Some(Some(m)), None) if (1..=12).contains(&m) => {
            format!("{y:04}-{m:02}-{:02}", days_in_month(y, m))
        }
        _ => iso.to_owned(),
    }
}

/// `2021-12-31` → `31 décembre 2021`, `2020-01-01` → `1er janvier 2020`; a date known only to
/// the month or year stays that precise: `2021-07` → `juillet 2021`, `2021` → `2021`.
/// Anything else is returned as given.
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let parsed = match parts.as_slice() {
        [y, m] if y.len() == 4 && m.len() == 2 => match m.parse::<usize>() {
            Ok(m @ 1..=12) => {
                let mut out = String::from(MONTHS[m - 1]);
                out.push(' ');
                out.push_str(y);
                return out;
            }
            _ => None,
        },
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            match (m.parse::<usize>(), d.parse::<u32>()) {
                (Ok(m @ 1..=12), Ok(d @ 1..=31)) => Some((*y, MONTHS[m - 1], d)),
                _ => None,
            }
        }
        _ => None,
    };
    let Some((year, month, day)) = parsed else {
        return iso.to_string();
    };
    let mut out = if day == 1 {
        String::from("1er")
    } else {
        day.to_string()
    };
    out.push(' ');
    out.push_str(month);
    out.push(' ');
    out.push_str(year);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_amounts_the_french_way() {
        assert_eq!(euros(0), "0\u{A0}€");
        assert_eq!(euros(40000), "40\u{202F}000\u{A0}€");
        assert_eq!(euros(1390000), "1\u{202F}390\u{202F}000\u{A0}€");
    }

    #[test]
    fn formats_dates_in_words() {
        assert_eq!(date("2020-01-01"), "1er janvier 2020");
        assert_eq!(date("2021-12-31"), "31 décembre 2021");
        assert_eq!(date("2021-13-01"), "2021-13-01");
    }
}

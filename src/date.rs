//! Calendar dates (`YYYY-MM-DD`): front matter, deadlines, and the build's "today".

use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` and rejects impossible days (2021-02-30).
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || {
            format!("date invalide « {text} » : format attendu AAAA-MM-JJ, par exemple 2021-03-12")
        };
        let parts: Vec<&str> = text.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("date impossible « {text} » : ce jour n'existe pas"));
        }
        Ok(Date { year, month, day })
    }

    /// The date of a Unix timestamp, in UTC.
    pub fn from_unix(seconds: i64) -> Date {
        civil_from_days(seconds.div_euclid(86_400))
    }

    /// "Today" for the build: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock.
    pub fn today() -> Result<Date, String> {
        if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
            let seconds: i64 = epoch.trim().parse().map_err(|_| {
                format!(
                    "SOURCE_DATE_EPOCH invalide « {epoch} » : un nombre de secondes est attendu"
                )
            })?;
            return Ok(Date::from_unix(seconds));
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_err(|e| format!("horloge système invalide : {e}"))?;
        Ok(Date::from_unix(now.as_secs() as i64))
    }

    /// "12 mars 2021", as French readers expect it (the wizard formats dates the same way).
    pub fn french(&self) -> String {
        wizard::text::date(&self.to_string())
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Editors may write a bare TOML date (`2021-03-12`) or a quoted one (`"2021-03-12"`).
#[derive(Deserialize)]
#[serde(untagged)]
enum DateRepr {
    Toml(toml::value::Datetime),
    Text(String),
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = match DateRepr::deserialize(d)? {
            DateRepr::Toml(dt) => dt.to_string(),
            DateRepr::Text(s) => s,
        };
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_invalid_dates() {
        assert_eq!(Date::parse("2020-02-29").unwrap().to_string(), "2020-02-29");
        assert!(Date::parse("2021-02-29").is_err());
        assert!(Date::parse("2021-13-01").is_err());
        assert!(Date::parse("12/03/2021").is_err());
        assert!(Date::parse("2021-3-12").is_err());
    }

    #[test]
    fn unix_days_map_to_civil_dates() {
        assert_eq!(Date::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix(1_700_000_000).to_string(), "2023-11-14");
        assert_eq!(Date::from_unix(951_782_400).to_string(), "2000-02-29");
    }

    #[test]
    fn french_format() {
        assert_eq!(Date::parse("2021-03-01").unwrap().french(), "1er mars 2021");
        assert_eq!(
            Date::parse("2019-07-05").unwrap().french(),
            "5 juillet 2019"
        );
    }
}

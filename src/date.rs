//! Dates as precise as their source: a day (`2021-03-12`), a month (`2021-07`) or a year
//! (`2021`). Front matter, deadlines, and the build's "today" (always a day).
//!
//! A date known only to the month or the year stands for the whole period: it sorts with its
//! first day, and as a deadline it runs to the period's last day (`2021-10` is open until
//! 31 October 2021 included).

use serde::de::{self, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// How much of a date its source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date. With `Precision::Month` the day is 1; with `Precision::Year` month and
/// day are 1, so that ordering puts a period at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub precision: Precision,
}

impl Date {
    /// A full day; `None` if it does not exist.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= wizard::text::days_in_month(year, month))
            .then_some(Date {
                year,
                month,
                day,
                precision: Precision::Day,
            })
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and rejects impossible days (2021-02-30).
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || {
            format!(
                "date invalide « {text} » : format attendu AAAA-MM-JJ, AAAA-MM ou AAAA \
                 (par exemple 2021-03-12, 2021-07 ou 2021)"
            )
        };
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let ok = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !ok {
            return Err(bad());
        }
        let num = |i: usize| parts.get(i).map_or(Ok(1), |s| s.parse::<u32>());
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month = num(1).map_err(|_| bad())?;
        let day = num(2).map_err(|_| bad())?;
        let precision = match parts.len() {
            1 => Precision::Year,
            2 => Precision::Month,
            _ => Precision::Day,
        };
        if !(1..=12).contains(&month) {
            return Err(format!("date impossible « {text} » : ce mois n'existe pas"));
        }
        if day == 0 || day > wizard::text::days_in_month(year, month) {
            return Err(format!("date impossible « {text} » : ce jour n'existe pas"));
        }
        Ok(Date {
            year,
            month,
            day,
            precision,
        })
    }

    /// Parses a full day only (`--date`, the build's "today").
    pub fn parse_day(text: &str) -> Result<Date, String> {
        let d = Date::parse(text)?;
        if d.precision != Precision::Day {
            return Err(format!(
                "date incomplète « {text} » : un jour précis est attendu, au format AAAA-MM-JJ"
            ));
        }
        Ok(d)
    }

    /// The first day of the period the date stands for.
    pub fn first_day(&self) -> Date {
        Date {
            precision: Precision::Day,
            ..*self
        }
    }

    /// The last day of the period: the date itself, the month's last day, or 31 December.
    pub fn last_day(&self) -> Date {
        let (month, day) = match self.precision {
            Precision::Day => (self.month, self.day),
            Precision::Month => (
                self.month,
                wizard::text::days_in_month(self.year, self.month),
            ),
            Precision::Year => (12, 31),
        };
        Date {
            year: self.year,
            month,
            day,
            precision: Precision::Day,
        }
    }

    /// "du 5 juillet 2019", "de juillet 2021", "de 2019": what a document is dated.
    pub fn of_french(&self) -> String {
        match self.precision {
            Precision::Day => format!("du {}", self.french()),
            _ => format!("de {}", self.french()),
        }
    }

    /// "jusqu'au 30 septembre 2019", "jusqu'à fin octobre 2021", "jusqu'à fin 2021".
    pub fn until_french(&self) -> String {
        match self.precision {
            Precision::Day => format!("jusqu'au {}", self.french()),
            _ => format!("jusqu'à fin {}", self.french()),
        }
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

    /// "12 mars 2021", "juillet 2021" or "2021", as French readers expect it (the wizard
    /// formats dates the same way).
    pub fn french(&self) -> String {
        wizard::text::date(&self.to_string())
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
    Date {
        year,
        month,
        day,
        precision: Precision::Day,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Editors may write a bare TOML date (`2021-03-12`), a quoted one (`"2021-03-12"`), a month
/// (`"2021-07"`) or a year (`"2021"` or `2021`). The site's reader (`reader`) hands a bare date
/// over as its text.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("une date (AAAA-MM-JJ, AAAA-MM ou AAAA)")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
        Date::parse(text).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, year: i64) -> Result<Date, E> {
        self.visit_str(&year.to_string())
    }

    fn visit_u64<E: de::Error>(self, year: u64) -> Result<Date, E> {
        self.visit_str(&year.to_string())
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
    fn month_and_year_dates_keep_their_precision() {
        let m = Date::parse("2021-07").unwrap();
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(m.to_string(), "2021-07");
        assert_eq!(m.french(), "juillet 2021");
        let y = Date::parse("2021").unwrap();
        assert_eq!((y.to_string(), y.french()), ("2021".into(), "2021".into()));
        assert!(Date::parse("2021-13").is_err());
        assert!(Date::parse("21-07").is_err());
        assert!(Date::parse_day("2021-07").is_err());
    }

    #[test]
    fn a_month_deadline_runs_to_the_end_of_the_month() {
        let oct = Date::parse("2021-10").unwrap();
        assert_eq!(oct.last_day().to_string(), "2021-10-31");
        assert_eq!(
            Date::parse("2020-02").unwrap().last_day().to_string(),
            "2020-02-29"
        );
        assert_eq!(
            Date::parse("2021").unwrap().last_day().to_string(),
            "2021-12-31"
        );
        assert_eq!(oct.until_french(), "jusqu'à fin octobre 2021");
        assert_eq!(
            Date::parse("2019-09-30").unwrap().until_french(),
            "jusqu'au 30 septembre 2019"
        );
        // Sorting puts a period at its start, before its own days.
        assert!(oct < Date::parse("2021-10-02").unwrap());
        assert!(Date::parse("2021-09-30").unwrap() < oct);
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

//! What the generator knows from the rest of the content (lever pages,
//! thresholds, ARS contacts, dated calls). The rules file is validated against
//! these facts, and the browser receives them next to the compiled rules.

use miniserde::{Deserialize as MiniDe, Serialize as MiniSer};

/// Everything the wizard needs to know about the site, gathered by the generator.
#[derive(Debug, Clone, Default, PartialEq, Eq, MiniSer, MiniDe)]
#[cfg_attr(feature = "native", derive(serde::Serialize, serde::Deserialize))]
pub struct Facts {
    /// Build date, `YYYY-MM-DD`: calls and thresholds are judged against it.
    pub today: String,
    pub levers: Vec<LeverFact>,
    /// Procurement thresholds from the `achats-innovants` lever's `[[thresholds]]`.
    pub thresholds: Vec<ThresholdFact>,
    /// The 17 ARS, from `content/data/contacts.toml`.
    pub regions: Vec<RegionFact>,
    /// Dated updates (calls for projects) and the levers they illustrate.
    pub calls: Vec<CallFact>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, MiniSer, MiniDe)]
#[cfg_attr(feature = "native", derive(serde::Serialize, serde::Deserialize))]
pub struct LeverFact {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    /// Relative to the site root, pointing at a file: `leviers/fir/index.html`.
    pub url: String,
    /// `operateur`, `industrie`, `autres`.
    pub audiences: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, MiniSer, MiniDe)]
#[cfg_attr(feature = "native", derive(serde::Serialize, serde::Deserialize))]
pub struct ThresholdFact {
    /// Euros, excluding VAT.
    pub amount: u64,
    /// When the source states the value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: String,
    /// Start of the period it applied to, when the source gives it (same forms).
    pub applies_from: Option<String>,
    /// End of that period, when it has one (the 2019-2021 experiment).
    pub applies_until: Option<String>,
    /// Past this date the value is shown as to be checked.
    pub review: String,
    /// True when the threshold amount itself belongs to the bracket below it
    /// (« jusqu'à 139 000 € inclus », « au-delà de 90 000 € »); false when the
    /// bracket below stops just before it (« moins de 40 000 € »).
    pub up_to_included: bool,
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, MiniSer, MiniDe)]
#[cfg_attr(feature = "native", derive(serde::Serialize, serde::Deserialize))]
pub struct RegionFact {
    /// The ARS id (`ara`, `bretagne`…): answer id of the region question and contacts anchor.
    pub id: String,
    pub name: String,
    pub article51_email: String,
    /// Relative to the site root: `contacts/index.html#ara`.
    pub contacts_url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, MiniSer, MiniDe)]
#[cfg_attr(feature = "native", derive(serde::Serialize, serde::Deserialize))]
pub struct CallFact {
    pub slug: String,
    pub title: String,
    pub url: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as written.
    pub deadline: Option<String>,
    /// Computed by the generator from the build date.
    pub open: bool,
    pub levers: Vec<String>,
    /// ARS ids where the call is open, or `national`.
    pub regions: Vec<String>,
}

impl Facts {
    pub fn lever(&self, slug: &str) -> Option<&LeverFact> {
        self.levers.iter().find(|l| l.slug == slug)
    }

    pub fn region(&self, id: &str) -> Option<&RegionFact> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn threshold(&self, amount: u64) -> Option<&ThresholdFact> {
        self.thresholds.iter().find(|t| t.amount == amount)
    }
}

impl CallFact {
    /// Open on `today` (`YYYY-MM-DD`): the generator's flag *and* a deadline not yet passed,
    /// the deadline day itself included (a month deadline, through its last day). Both are
    /// checked so that a page opened after the build date (the browser passes its own date)
    /// never offers a closed call as open. An update without a deadline is news, not a call:
    /// it is never listed.
    pub fn is_open_on(&self, today: &str) -> bool {
        self.open
            && self
                .deadline
                .as_deref()
                .is_some_and(|d| crate::text::last_day(d).as_str() >= today)
    }

    /// Open to projects of this region: national, or published for it.
    pub fn concerns(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r == "national" || r == region)
    }
}

#[cfg(test)]
mod tests {
    use super::CallFact;

    fn call(deadline: &str) -> CallFact {
        CallFact {
            deadline: Some(deadline.into()),
            open: true,
            ..CallFact::default()
        }
    }

    #[test]
    fn a_call_is_open_through_its_deadline_day_and_month() {
        // The day itself is still open; the next one is not.
        assert!(call("2021-10-15").is_open_on("2021-10-15"));
        assert!(!call("2021-10-15").is_open_on("2021-10-16"));
        // « octobre 2021 » runs to the 31st; February follows leap years.
        assert!(call("2021-10").is_open_on("2021-10-31"));
        assert!(!call("2021-10").is_open_on("2021-11-01"));
        assert!(call("2024-02").is_open_on("2024-02-29"));
        assert!(!call("2023-02").is_open_on("2023-02-29"));
        assert!(call("2021").is_open_on("2021-12-31"));
        assert!(!call("2021").is_open_on("2022-01-01"));
        // Closed by the generator: closed, whatever the date.
        let closed = CallFact {
            open: false,
            ..call("2030-01-01")
        };
        assert!(!closed.is_open_on("2021-01-01"));
    }
}

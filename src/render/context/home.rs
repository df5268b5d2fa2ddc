//! The home page: levers by public, open calls, the latest archived updates.

use super::update::UpdateSummary;
use super::{order_key, Shared};
use crate::model::{Audience, LeverMeta, Page, UpdateMeta};
use crate::urls::relative;
use serde::Serialize;

#[derive(Serialize)]
pub struct HomeView<'a> {
    audiences: Vec<AudienceLevers<'a>>,
    open_calls: Vec<UpdateSummary<'a>>,
    /// The four newest updates that are not open calls.
    updates: Vec<UpdateSummary<'a>>,
    newest_update: Option<String>,
    oldest_update: Option<String>,
    updates_url: Option<String>,
    assistant_url: Option<String>,
    search_url: String,
}

#[derive(Serialize)]
struct AudienceLevers<'a> {
    slug: &'static str,
    label: &'static str,
    /// The public's own page (`publics/operateur.md`), when the site has it.
    url: Option<String>,
    levers: Vec<HomeLever<'a>>,
}

#[derive(Serialize)]
struct HomeLever<'a> {
    /// The short title.
    title: &'a str,
    description: &'a str,
    url: String,
}

impl<'a> Shared<'a> {
    pub(super) fn home(&self, from: &str) -> HomeView<'a> {
        let audiences = [Audience::Operateur, Audience::Industrie, Audience::Autres];
        let mut levers: Vec<(&Page, &LeverMeta)> = self.site.levers().collect();
        levers.sort_by_key(|l| order_key(l.0));
        let by_audience = audiences
            .iter()
            .map(|a| AudienceLevers {
                slug: a.slug(),
                label: a.label(),
                url: self.url_of(from, &format!("publics/{}.md", a.slug())),
                levers: levers
                    .iter()
                    .filter(|(_, l)| l.audiences.contains(a))
                    .map(|(p, l)| HomeLever {
                        title: &l.short_title,
                        description: &l.description,
                        url: relative(from, &p.output),
                    })
                    .collect(),
            })
            .collect();
        let mut updates: Vec<(&Page, &UpdateMeta)> = self.site.updates().collect();
        updates.sort_by(|a, b| (b.1.date, &a.0.slug).cmp(&(a.1.date, &b.0.slug)));
        let (open, past): (Vec<_>, Vec<_>) = updates
            .iter()
            .partition(|(_, u)| u.is_open_call(self.site.today));
        HomeView {
            audiences: by_audience,
            open_calls: open
                .iter()
                .map(|(p, u)| self.update_summary(from, p, u))
                .collect(),
            updates: past
                .iter()
                .take(4)
                .map(|(p, u)| self.update_summary(from, p, u))
                .collect(),
            newest_update: updates.first().map(|(_, u)| u.date.french()),
            oldest_update: updates.last().map(|(_, u)| u.date.french()),
            updates_url: self.url_of(from, "actualites/_index.md"),
            assistant_url: self.url_of(from, "assistant/_index.md"),
            search_url: relative(from, "recherche/index.html"),
        }
    }
}

//! Addresses written in front matter and data files (sources, update links, contacts,
//! `base_url`): none may use a scheme that runs code in readers' browsers.

use super::locate;
use crate::diagnostic::Diagnostics;
use crate::links::unsafe_link;
use crate::model::{Site, Source};
use crate::urls::forbidden_scheme;

pub fn check(site: &Site, diags: &mut Diagnostics) {
    for page in &site.pages {
        let mut urls: Vec<&str> = sources(&page.meta.sources);
        if let Some(l) = page.lever() {
            urls.extend(sources(&l.sources));
        }
        if let Some(u) = page.update() {
            urls.extend(sources(&u.sources));
            urls.extend(u.link.as_deref());
        }
        for url in urls {
            if let Some(scheme) = forbidden_scheme(url) {
                diags.push(locate(
                    unsafe_link(&page.display, &scheme),
                    &page.text,
                    0,
                    url,
                    0,
                ));
            }
        }
    }
    let c = &site.contacts;
    let contact_urls = c
        .data
        .national
        .iter()
        .filter_map(|n| n.url.as_deref())
        .chain(c.data.ars.iter().filter_map(|a| a.website.as_deref()));
    for url in contact_urls {
        if let Some(scheme) = forbidden_scheme(url) {
            diags.push(locate(unsafe_link(&c.display, &scheme), &c.text, 0, url, 0));
        }
    }
    if let Some(base) = &site.config.base_url {
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            diags.push(
                crate::diagnostic::Diagnostic::new(
                    "portail.toml",
                    format!("base_url « {base} » doit commencer par https:// ou http://"),
                )
                .hint("l'adresse publique du site, par exemple base_url = \"https://www.exemple.fr/portail/\""),
            );
        }
    }
}

fn sources(list: &[Source]) -> Vec<&str> {
    list.iter().filter_map(|s| s.url.as_deref()).collect()
}

//! The 404 page's links. A host serves `404.html` for a missing address at any depth, where no
//! relative link is right: with `base_url` they are all made absolute (`404.html`); without it
//! the page stands alone (`404-sans-adresse.html`) and they go unused.

use crate::render::context::Base;

/// `base`'s links (root, home, menu, breadcrumb, footer) made absolute from `base_url`.
pub fn absolute<'a>(mut base: Base<'a>, base_url: &str) -> Base<'a> {
    let root = format!("{}/", base_url.trim_end_matches('/'));
    let from_root = |url: &mut String| *url = format!("{root}{url}");
    for item in &mut base.menu {
        from_root(&mut item.url);
    }
    for crumb in &mut base.breadcrumb {
        from_root(&mut crumb.url);
    }
    from_root(&mut base.home_url);
    // The canonical address is absolute already.
    for url in [
        &mut base.canonical_url,
        &mut base.guide_url,
        &mut base.accessibility_url,
    ]
    .into_iter()
    .flatten()
    {
        if !url.starts_with("http") {
            from_root(url);
        }
    }
    base.root = root;
    base
}

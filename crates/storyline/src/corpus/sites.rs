//! Sites: one outlet name per site. The articles of one site ([`SiteKey`], the URL's host)
//! carry one outlet name, whatever each page says of itself: rule `site-name` chooses it
//! from the names the site's articles give it (rule `site-vote`), and every article of the
//! site is shown under it — a page without a site name, or one a wire's dateline or a
//! source line would have named after the agency, keeps its carrier's name — except an
//! article whose outlet the user gave (rule `given-name`). Articles without a URL have no
//! site and keep the name they were found under.
//!
//! Two drivers share these rules, like the other corpus passes: [`name_sites`] over
//! articles held in memory (`storyline analyze`), and the store's `sites` tables, whose
//! counts a run updates (renaming the earlier articles of a site whose name changed).

use std::collections::{BTreeMap, HashMap};

use crate::article::{Article, OutletSource, SiteKey};
use crate::extract::outlets;

/// Rule `site-vote`: the name an article gives its own site, if it names it: one given by
/// its metadata or `--outlet`, its page's site name, or a known outlet's host. A bare host
/// (also when a page gives it as its site name), a tell-tale line or a dateline names no site (a dateline names the agency that wrote
/// the story, not the site that carries it).
pub fn vote(a: &Article) -> Option<&str> {
    vote_of(a.url.as_deref(), a.outlet.as_deref(), a.outlet_source)
}

/// [`vote`] from an article's URL, outlet and how the outlet was found.
pub fn vote_of<'a>(
    url: Option<&str>,
    outlet: Option<&'a str>,
    source: Option<OutletSource>,
) -> Option<&'a str> {
    let name = outlet?;
    let host = url.and_then(outlets::host_of);
    match source? {
        // A page whose site name is its own host (extractors fall back to it) names nothing.
        OutletSource::Metadata | OutletSource::Config | OutletSource::SiteName => {
            let own_host = host.is_some_and(|h| h.eq_ignore_ascii_case(name.trim_start_matches("www.")));
            (!own_host).then_some(name)
        }
        OutletSource::Url => outlets::known_host(&host?).filter(|known| *known == name),
        OutletSource::TellTale | OutletSource::Dateline | OutletSource::Site => None,
    }
}

/// Rule `given-name`: an outlet the user gave (metadata, `--outlet`) is the article's own and
/// is kept whatever its site's other articles say (a feed may carry several outlets'
/// articles on one host); it still names the site for the others ([`vote`]).
pub fn keeps_own_name(source: Option<OutletSource>) -> bool {
    matches!(source, Some(OutletSource::Metadata | OutletSource::Config))
}

/// The site whose name the article is shown under: its site, unless it keeps its own name
/// ([`keeps_own_name`]). It is also the article's carrier when copies are compared.
pub fn named_site(a: &Article) -> Option<SiteKey> {
    if keeps_own_name(a.outlet_source) {
        None
    } else {
        a.site()
    }
}

/// Rule `site-name`: the name a site is shown under: the one most of its articles give it
/// ([`vote`]), a tie going to the first in byte order (so that the order the articles came
/// in does not matter); a site none of whose articles names it, by its host. Returns the
/// name and whether it came from the votes.
pub fn choose<'a>(site: &SiteKey, votes: impl IntoIterator<Item = (&'a str, usize)>) -> (String, bool) {
    let best = votes
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .min_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    match best {
        Some((name, _)) => (name.to_string(), true),
        None => (outlets::by_host(site.as_str()), false),
    }
}

/// Shows `a` under its site's name: its outlet becomes `name` (found `Site` when other
/// articles gave it, `Url` when it is the host). Returns whether it changed.
pub fn show_as(a: &mut Article, name: &str, voted: bool) -> bool {
    if a.outlet.as_deref() == Some(name) {
        return false;
    }
    a.outlet = Some(name.to_string());
    a.outlet_source = Some(if voted {
        OutletSource::Site
    } else {
        OutletSource::Url
    });
    true
}

/// Names every article of each site among `articles` by its site's name.
pub fn name_sites(articles: &mut [Article]) {
    let sites: Vec<Option<SiteKey>> = articles.iter().map(Article::site).collect();
    let mut votes: HashMap<&SiteKey, BTreeMap<&str, usize>> = HashMap::new();
    for (a, site) in articles.iter().zip(&sites) {
        if let Some(site) = site {
            let tally = votes.entry(site).or_default();
            if let Some(name) = vote(a) {
                *tally.entry(name).or_default() += 1;
            }
        }
    }
    let names: HashMap<&SiteKey, (String, bool)> = votes
        .into_iter()
        .map(|(site, tally)| (site, choose(site, tally)))
        .collect();
    for (a, site) in articles.iter_mut().zip(&sites) {
        if keeps_own_name(a.outlet_source) {
            continue;
        }
        if let Some((name, voted)) = site.as_ref().and_then(|s| names.get(s)) {
            show_as(a, name, *voted);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(url: Option<&str>, outlet: &str, source: OutletSource) -> Article {
        let mut a: Article = serde_json::from_value(serde_json::json!({
            "schema": 4, "id": "x", "source": {"path": "p", "format": "html"},
            "outlet": outlet, "url": url, "title": null, "subtitle": null, "authors": [],
            "published": null, "language": null, "text": "", "paragraphs": [],
            "removed": [], "duplicate_of": null, "warnings": []
        }))
        .unwrap();
        a.outlet_source = Some(source);
        a
    }

    #[test]
    fn what_names_a_site() {
        // Rule `site-vote`: a site name, metadata or a known host names the site; the bare
        // host, a dateline or a tell-tale line does not.
        let page = Some("https://quayside.example/a");
        assert_eq!(
            vote(&article(page, "Quayside Gazette", OutletSource::SiteName)),
            Some("Quayside Gazette")
        );
        assert_eq!(
            vote(&article(page, "Quayside Gazette", OutletSource::Metadata)),
            Some("Quayside Gazette")
        );
        assert_eq!(vote(&article(page, "quayside.example", OutletSource::Url)), None);
        assert_eq!(
            vote(&article(page, "www.Quayside.example", OutletSource::SiteName)),
            None
        );
        assert_eq!(
            vote(&article(page, "Agence France-Presse", OutletSource::Dateline)),
            None
        );
        assert_eq!(vote(&article(page, "Tessel Wire", OutletSource::TellTale)), None);
        assert_eq!(
            vote(&article(
                Some("https://www.presstv.ir/x"),
                "Press TV",
                OutletSource::Url
            )),
            Some("Press TV")
        );
    }

    #[test]
    fn a_site_is_named_by_most_of_its_articles_else_its_host() {
        let site = SiteKey("quayside.example".into());
        assert_eq!(
            choose(&site, [("Quayside Gazette", 2), ("Quayside", 1)]),
            ("Quayside Gazette".into(), true)
        );
        // A tie goes to the first in byte order, whatever order the counts come in.
        assert_eq!(choose(&site, [("Quayside", 1), ("Gazette", 1)]).0, "Gazette");
        assert_eq!(choose(&site, [("Gazette", 1), ("Quayside", 1)]).0, "Gazette");
        assert_eq!(
            choose(&site, [("Gazette", 0)]),
            ("quayside.example".into(), false)
        );
        assert_eq!(choose(&site, []), ("quayside.example".into(), false));
    }

    #[test]
    fn one_outlet_per_site() {
        // Fails on naming each article alone: the page without a site name was shown
        // under its host beside the site's name.
        let mut arts = vec![
            article(
                Some("https://quayside.example/2021/a"),
                "quayside.example",
                OutletSource::Url,
            ),
            article(
                Some("https://www.quayside.example/2021/b"),
                "Quayside Gazette",
                OutletSource::SiteName,
            ),
            // A wire story the site carries, its dateline naming the agency: the carrier's.
            article(
                Some("https://quayside.example/2021/c"),
                "Agence France-Presse",
                OutletSource::Dateline,
            ),
            // Another site, and an article without a URL, keep their own names.
            article(
                Some("https://tessel.example/x"),
                "tessel.example",
                OutletSource::Url,
            ),
            article(None, "Tessel Wire", OutletSource::TellTale),
            // Rule `given-name`: a feed's own outlet on the site's host is kept.
            article(
                Some("https://quayside.example/feed/1"),
                "Tessel Wire",
                OutletSource::Metadata,
            ),
        ];
        name_sites(&mut arts);
        let shown: Vec<(&str, OutletSource)> = arts
            .iter()
            .map(|a| (a.outlet.as_deref().unwrap(), a.outlet_source.unwrap()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Quayside Gazette", OutletSource::Site),
                ("Quayside Gazette", OutletSource::SiteName),
                ("Quayside Gazette", OutletSource::Site),
                ("tessel.example", OutletSource::Url),
                ("Tessel Wire", OutletSource::TellTale),
                ("Tessel Wire", OutletSource::Metadata),
            ]
        );
    }
}

//! One outlet name per site, kept as articles come and go: the rules of
//! [`crate::corpus::sites`] over counts on disk. An article is stored under its site's
//! name (unless the user gave its outlet: rule `given-name`); when a new article (or one deleted) changes the name a site is shown under,
//! every article of the site is renamed with its quote and figure rows and its
//! storylines' outlet counts — the earlier articles are not read again.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::article::{Article, OutletSource, SiteKey};
use crate::corpus::sites;
use crate::error::Result;

/// Files a new article (row `n`) under its site: counts the name it gives the site, and
/// sets its outlet to the site's name unless it keeps its own (renaming the site's other
/// articles when that name changed). The `site` column is set for the articles shown
/// under their site's name only.
pub(super) fn add(tx: &Connection, n: i64, a: &Article) -> Result<()> {
    let Some(site) = a.site() else {
        return Ok(());
    };
    let named = !sites::keeps_own_name(a.outlet_source);
    let (name, changed) = file(tx, n, &site, sites::vote(a), named)?;
    if changed {
        rename(tx, &site, &name)?;
    } else if named {
        // The usual case: the site keeps its name, and only the new article (which has no
        // rows and no storyline yet) takes it.
        tx.prepare_cached("UPDATE articles SET outlet = ?2 WHERE n = ?1")?
            .execute(params![n, name])?;
    }
    Ok(())
}

/// Records row `n` under `site` (the `site` column only when it is `named` by it) with the
/// name it gives the site, counted. Returns the site's name now, and whether its vote
/// changed it.
fn file(tx: &Connection, n: i64, site: &SiteKey, vote: Option<&str>, named: bool) -> Result<(String, bool)> {
    tx.prepare_cached("UPDATE articles SET site = ?2, site_vote = ?3 WHERE n = ?1")?
        .execute(params![n, named.then_some(site.as_str()), vote])?;
    match vote {
        Some(name) => count_vote(tx, site, name, 1),
        None => Ok((chosen(tx, site)?, false)),
    }
}

/// Takes a deleted article's name out of its site's counts (before its row goes), and
/// renames the site's articles if its name changes.
pub(super) fn remove(tx: &Connection, n: i64) -> Result<()> {
    let row: Option<(Option<String>, Option<String>)> = tx
        .prepare_cached("SELECT url, site_vote FROM articles WHERE n = ?1")?
        .query_row([n], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((Some(url), Some(vote))) = row else {
        return Ok(());
    };
    let Some(site) = crate::extract::outlets::site_of(&url) else {
        return Ok(());
    };
    let (name, changed) = count_vote(tx, &site, &vote, -1)?;
    if changed {
        rename(tx, &site, &name)?;
    }
    Ok(())
}

/// Adds `delta` to the articles giving `site` the name `name`; returns the name the site
/// is shown under after it, and whether that differs from the name before.
fn count_vote(tx: &Connection, site: &SiteKey, name: &str, delta: i64) -> Result<(String, bool)> {
    let before = chosen(tx, site)?;
    tx.prepare_cached(
        "INSERT INTO site_names (site, name, n) VALUES (?1, ?2, ?3)
         ON CONFLICT(site, name) DO UPDATE SET n = n + excluded.n",
    )?
    .execute(params![site.as_str(), name, delta])?;
    tx.prepare_cached("DELETE FROM site_names WHERE site = ?1 AND name = ?2 AND n <= 0")?
        .execute(params![site.as_str(), name])?;
    let after = chosen(tx, site)?;
    let changed = after != before;
    Ok((after, changed))
}

/// The name `site` is shown under (rule `site-name` over its counts).
fn chosen(tx: &Connection, site: &SiteKey) -> Result<String> {
    let mut st = tx.prepare_cached("SELECT name, n FROM site_names WHERE site = ?1")?;
    let votes: Vec<(String, i64)> = st
        .query_map([site.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(sites::choose(
        site,
        votes
            .iter()
            .map(|(name, n)| (name.as_str(), (*n).max(0) as usize)),
    )
    .0)
}

/// Renames the articles of `site` not yet under `name`: their quote and figure rows, and
/// their storylines' outlet counts, follow.
fn rename(tx: &Connection, site: &SiteKey, name: &str) -> Result<()> {
    // The storylines' counts move from each old name to the new one.
    let moved: Vec<(String, Option<String>, i64)> = tx
        .prepare_cached(
            "SELECT e.storyline, a.outlet, count(*) FROM articles a
             JOIN event_articles x ON x.article = a.id JOIN events e ON e.id = x.event
             WHERE a.site = ?1 AND a.outlet IS NOT ?2 GROUP BY e.storyline, a.outlet",
        )?
        .query_map(params![site.as_str(), name], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<std::result::Result<_, _>>()?;
    let mut gained: BTreeMap<String, i64> = BTreeMap::new();
    for (sl, old, n) in moved {
        if let Some(old) = old {
            super::stories::count_outlet(tx, &sl, &old, -n)?;
        }
        *gained.entry(sl).or_default() += n;
    }
    for (sl, n) in gained {
        super::stories::count_outlet(tx, &sl, name, n)?;
    }
    for sql in [
        "UPDATE quotes SET outlet = ?2 WHERE article IN
             (SELECT n FROM articles WHERE site = ?1 AND outlet IS NOT ?2)",
        "UPDATE figures SET outlet = ?2 WHERE article IN
             (SELECT n FROM articles WHERE site = ?1 AND outlet IS NOT ?2)",
        "UPDATE articles SET outlet = ?2 WHERE site = ?1 AND outlet IS NOT ?2",
    ] {
        tx.prepare_cached(sql)?.execute(params![site.as_str(), name])?;
    }
    Ok(())
}

/// Format 7: files every article with a URL under its site, from its row and its
/// per-document record (how its outlet was found), and names the sites (renaming their
/// articles, rows and storyline counts as a new article would).
pub(super) fn migrate(tx: &Connection) -> Result<()> {
    tx.execute_batch("UPDATE articles SET own_outlet = outlet")?;
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = tx
        .prepare(
            "SELECT a.n, a.url, a.outlet, json_extract(b.doc, '$.outlet_source')
             FROM articles a JOIN bodies b ON b.n = a.n WHERE a.url IS NOT NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let mut touched = std::collections::BTreeSet::new();
    for (n, url, outlet, source) in rows {
        let Some(site) = crate::extract::outlets::site_of(&url) else {
            continue;
        };
        let source: Option<OutletSource> = source.and_then(|s| serde_json::from_value(s.into()).ok());
        let vote = sites::vote_of(Some(&url), outlet.as_deref(), source);
        file(tx, n, &site, vote, !sites::keeps_own_name(source))?;
        touched.insert(site);
    }
    for site in touched {
        let name = chosen(tx, &site)?;
        rename(tx, &site, &name)?;
    }
    Ok(())
}

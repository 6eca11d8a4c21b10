//! A gazetteer of news outlets and wire agencies: canonical names, web hosts and
//! dateline codes. Used to name the outlet of an article from its URL, its site
//! name or an unambiguous tell-tale line. Unknown outlets keep the name or host
//! they were found under.

use std::hash::BuildHasherDefault;

use crate::article::SiteKey;
use crate::entities::lexicon::WordHasher;

/// One outlet: canonical name, hosts (registrable domains), and the codes it
/// signs datelines with.
struct Outlet {
    name: &'static str,
    hosts: &'static [&'static str],
    codes: &'static [&'static str],
    aliases: &'static [&'static str],
}

const OUTLETS: &[Outlet] = &[
    o(
        "Agence France-Presse",
        &["afp.com"],
        &["AFP"],
        &["agence france presse"],
    ),
    o(
        "Associated Press",
        &["apnews.com", "ap.org"],
        &["AP"],
        &["the associated press"],
    ),
    o("Reuters", &["reuters.com"], &["Reuters"], &["thomson reuters"]),
    o(
        "Anadolu Agency",
        &["aa.com.tr"],
        &["AA"],
        &["anadolu", "anadolu ajansi"],
    ),
    o("Deutsche Presse-Agentur", &["dpa.com"], &["dpa", "DPA"], &[]),
    o(
        "Xinhua",
        &["xinhuanet.com", "news.cn"],
        &["Xinhua"],
        &["xinhua news agency"],
    ),
    o("TASS", &["tass.com", "tass.ru"], &["TASS"], &["itar-tass"]),
    o("RIA Novosti", &["ria.ru"], &["RIA Novosti", "RIA"], &[]),
    o(
        "Sputnik",
        &["sputniknews.com", "sputnikglobe.com"],
        &["Sputnik"],
        &[],
    ),
    o("Islamic Republic News Agency", &["irna.ir"], &["IRNA"], &[]),
    o("Syrian Arab News Agency", &["sana.sy"], &["SANA"], &[]),
    o("United Press International", &["upi.com"], &["UPI"], &[]),
    o("Agencia EFE", &["efe.com"], &["EFE"], &[]),
    o("ANSA", &["ansa.it"], &["ANSA"], &[]),
    o("Kyodo News", &["kyodonews.net"], &["Kyodo"], &[]),
    o("Yonhap", &["yna.co.kr"], &["Yonhap"], &[]),
    o("Press Trust of India", &["ptinews.com"], &["PTI"], &[]),
    o("Interfax", &["interfax.ru", "interfax.com"], &["Interfax"], &[]),
    o(
        "Press TV",
        &["presstv.ir", "presstv.com", "presstv.co.uk"],
        &[],
        &["presstv"],
    ),
    o("TRT World", &["trtworld.com"], &[], &["trtworld", "trt world"]),
    o(
        "Al Jazeera",
        &["aljazeera.com", "aljazeera.net"],
        &[],
        &["aljazeera"],
    ),
    o("BBC", &["bbc.co.uk", "bbc.com"], &[], &["bbc news"]),
    o("CNN", &["cnn.com"], &[], &[]),
    o(
        "The New York Times",
        &["nytimes.com"],
        &[],
        &["new york times", "nyt"],
    ),
    o(
        "The Washington Post",
        &["washingtonpost.com"],
        &[],
        &["washington post"],
    ),
    o(
        "The Guardian",
        &["theguardian.com", "guardian.co.uk"],
        &[],
        &["guardian"],
    ),
    o(
        "The Wall Street Journal",
        &["wsj.com"],
        &[],
        &["wall street journal", "wsj"],
    ),
    o("Fox News", &["foxnews.com"], &[], &[]),
    o("NBC News", &["nbcnews.com"], &[], &[]),
    o("CBS News", &["cbsnews.com"], &[], &[]),
    o("ABC News", &["abcnews.go.com"], &[], &[]),
    o("NPR", &["npr.org"], &[], &[]),
    o("Politico", &["politico.com", "politico.eu"], &[], &[]),
    o("The Hill", &["thehill.com"], &[], &[]),
    o("USA Today", &["usatoday.com"], &[], &[]),
    o("Los Angeles Times", &["latimes.com"], &[], &["la times"]),
    o("Bloomberg", &["bloomberg.com"], &[], &[]),
    o("Financial Times", &["ft.com"], &[], &[]),
    o("The Independent", &["independent.co.uk"], &[], &["independent"]),
    o("The Telegraph", &["telegraph.co.uk"], &[], &["telegraph"]),
    o("Daily Mail", &["dailymail.co.uk"], &[], &["mail online"]),
    o("Sky News", &["news.sky.com", "sky.com"], &[], &[]),
    o("Deutsche Welle", &["dw.com"], &[], &["dw"]),
    o("France 24", &["france24.com"], &[], &["france24"]),
    o("Euronews", &["euronews.com"], &[], &[]),
    o("RT", &["rt.com"], &[], &["russia today"]),
    o("Al Arabiya", &["alarabiya.net"], &[], &[]),
    o("Daily Sabah", &["dailysabah.com"], &[], &[]),
    o("Hurriyet Daily News", &["hurriyetdailynews.com"], &[], &[]),
    o(
        "The Times of Israel",
        &["timesofisrael.com"],
        &[],
        &["times of israel"],
    ),
    o("Haaretz", &["haaretz.com"], &[], &[]),
    o("Pulse Nigeria", &["pulse.ng"], &[], &[]),
    o(
        "The Times of India",
        &["timesofindia.indiatimes.com"],
        &[],
        &["times of india"],
    ),
    o("South China Morning Post", &["scmp.com"], &[], &["scmp"]),
    o(
        "The Moscow Times",
        &["themoscowtimes.com"],
        &[],
        &["moscow times"],
    ),
    o("Middle East Eye", &["middleeasteye.net"], &[], &[]),
    o("Voice of America", &["voanews.com"], &["VOA"], &["voa news"]),
    o(
        "Radio Free Europe/Radio Liberty",
        &["rferl.org"],
        &["RFE/RL"],
        &[],
    ),
];

const fn o(
    name: &'static str,
    hosts: &'static [&'static str],
    codes: &'static [&'static str],
    aliases: &'static [&'static str],
) -> Outlet {
    Outlet {
        name,
        hosts,
        codes,
        aliases,
    }
}

/// Letters and digits only, lower-cased: "TRTWorld" and "TRT World" meet.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        out.extend(c.to_lowercase());
    }
    out
}

/// The canonical name for a name or alias, if the outlet is known.
pub fn canonical_name(name: &str) -> Option<&'static str> {
    // Every outlet's squashed name, aliases and long codes, built once (the first listed
    // outlet wins a shared key).
    // (The keys are the list's own, so the quick hash of the word lists serves.)
    type Keys = std::collections::HashMap<String, &'static str, BuildHasherDefault<WordHasher>>;
    static KEYS: std::sync::LazyLock<Keys> = std::sync::LazyLock::new(|| {
        let mut keys = Keys::default();
        for o in OUTLETS {
            let names = std::iter::once(o.name.trim_start_matches("The "))
                .chain(o.aliases.iter().copied())
                .chain(o.codes.iter().copied().filter(|c| c.len() > 3));
            for n in names {
                keys.entry(squash(n)).or_insert(o.name);
            }
        }
        keys
    });
    let name = strip_all(strip_all(name.trim(), "The "), "the ");
    with_squashed(name, |key| {
        if key.is_empty() {
            return None;
        }
        KEYS.get(key).copied()
    })
}

/// `s` without every `prefix` it starts with, as `trim_start_matches` with a string gives
/// it, but with no string searcher set up for each name.
fn strip_all<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// Calls `f` with `s` squashed, as [`squash`] gives it, without allocating for a short
/// ASCII name ([`crate::text::fold_ascii`]): every name an article's entities are built
/// from is looked up.
fn with_squashed<T>(s: &str, f: impl FnOnce(&str) -> T) -> T {
    match crate::text::fold_ascii(s, |b| b.is_ascii_alphanumeric()) {
        Some(k) => f(k.as_str()),
        None => f(&squash(s)),
    }
}

/// The canonical name for `name` when the outlet is known, else `name` itself (trimmed).
pub fn name_for(name: &str) -> String {
    let name = name.trim();
    canonical_name(name).map_or_else(|| name.to_string(), str::to_string)
}

/// Why a name found for the outlet was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAnOutlet {
    /// Rule `handle`: a social-media handle (`@tesselcourier`) names an account, not a site.
    Handle,
    /// Rule `mail-address`: an e-mail address names a mailbox; its domain may be a mail
    /// provider's or anyone's.
    MailAddress,
    /// Rule `copyright`: a copyright notice with nothing but marks and years
    /// (`Copyright 2014`, `© 2009-2011`).
    Copyright,
    /// Rule `headline`: the article's own title, or more words than an outlet's name has
    /// (a headline or a sentence).
    Headline,
    /// Nothing left once trimmed.
    Empty,
}

/// The most words an outlet's name is taken with ("Radio Free Europe/Radio Liberty",
/// "The Times of India" have four or five).
const MAX_NAME_WORDS: usize = 6;

/// Rule `outlet-name`: the outlet a name found on a page (a site name, a tell-tale line)
/// stands for: a known outlet's canonical name, a URL or bare host as its host (a known
/// host as its outlet: one name per site; a domain written with capitals, a brand, as
/// written), the first part of a list of sections ("Name | Section | Section"), a copyright
/// notice without its marks, years and "all rights reserved"; or why it is not one ([`NotAnOutlet`]). `title` is the article's
/// title, which a page sometimes repeats where its name should be.
pub fn outlet_name(raw: &str, title: Option<&str>) -> Result<String, NotAnOutlet> {
    let name = raw
        .trim()
        .trim_matches(|c: char| c == '|' || c == '-' || c.is_whitespace());
    if name.starts_with('@') {
        return Err(NotAnOutlet::Handle);
    }
    if name.contains("://") {
        return host_of(name).map(|h| by_host(&h)).ok_or(NotAnOutlet::Empty);
    }
    if name.contains('@') && !name.contains(' ') {
        return Err(NotAnOutlet::MailAddress);
    }
    if looks_like_host(name) {
        // A brand written as its domain ("Space.com", "CBSSports.com") keeps its own
        // spelling; a lower-case one is the host.
        let brand = name.chars().any(|c| c.is_ascii_uppercase()) && known_host(name).is_none();
        return Ok(if brand {
            name.trim_start_matches("www.").to_string()
        } else {
            by_host(name)
        });
    }
    // A name listing the site's sections ("Quillby Post | Ferries | Weather") is its first part.
    let name = name.split(" | ").next().unwrap_or(name).trim();
    let name = strip_copyright(name);
    if name.is_empty() {
        return Err(if raw.chars().any(char::is_alphabetic) {
            NotAnOutlet::Copyright
        } else {
            NotAnOutlet::Empty
        });
    }
    let same_as_title = title.is_some_and(|t| squash(t) == squash(name));
    if same_as_title || name.split_whitespace().count() > MAX_NAME_WORDS {
        return Err(NotAnOutlet::Headline);
    }
    Ok(name_for(name))
}

/// The outlet a page's own site name stands for ([`outlet_name`]); a name refused is noted
/// in `warnings` with the rule that refused it.
pub fn site_outlet(site_name: &str, title: Option<&str>, warnings: &mut Vec<String>) -> Option<String> {
    outlet_name(site_name, title)
        .map_err(|why| {
            warnings.push(format!(
                "site name {site_name:?} not taken as the outlet: {}",
                why.rule()
            ))
        })
        .ok()
}

impl NotAnOutlet {
    /// The rule's name, as in warnings.
    pub fn rule(self) -> &'static str {
        match self {
            NotAnOutlet::Handle => "handle",
            NotAnOutlet::MailAddress => "mail-address",
            NotAnOutlet::Copyright => "copyright",
            NotAnOutlet::Headline => "headline",
            NotAnOutlet::Empty => "empty",
        }
    }
}

/// Whether `s` is a bare host name (`harbourherald.example`, `www.tessel-courier.co.uk`):
/// dot-separated labels of letters, digits and hyphens, the last of letters.
fn looks_like_host(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphabetic()))
}

/// `s` without copyright marks, years and "all rights reserved" at either end: "© 2014
/// Tessel Courier Ltd. All rights reserved." → "Tessel Courier Ltd."; "Copyright 2014" → "".
fn strip_copyright(s: &str) -> &str {
    static LEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:\s|©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*\d{2,4})?|,)*").expect("regex")
    });
    static TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:\s|[.,]|all rights reserved|\d{4})*$").expect("regex")
    });
    let rest = LEAD.find(s).map_or(s, |m| &s[m.end()..]);
    TAIL.find(rest).map_or(rest, |m| &rest[..m.start()]).trim()
}

/// The outlet behind a dateline code such as `(AA)` or `(AFP)`. Codes are matched
/// exactly (case included): "AP" is an agency, "ap" is not.
pub fn by_code(code: &str) -> Option<&'static str> {
    OUTLETS.iter().find(|o| o.codes.contains(&code)).map(|o| o.name)
}

/// The known outlet whose web host this is (subdomains included).
fn known_outlet(host: &str) -> Option<&'static Outlet> {
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    OUTLETS.iter().find(|o| {
        o.hosts
            .iter()
            .any(|h| host == *h || host.strip_suffix(h).is_some_and(|p| p.ends_with('.')))
    })
}

/// The name of the known outlet whose web host this is (subdomains included).
pub fn known_host(host: &str) -> Option<&'static str> {
    known_outlet(host).map(|o| o.name)
}

/// The outlet for a URL host: a known outlet's name, or the host without `www.`.
pub fn by_host(host: &str) -> String {
    known_host(host).map_or_else(
        || host.trim_start_matches("www.").to_ascii_lowercase(),
        str::to_string,
    )
}

/// The host of a URL, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    u.host_str()
        .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
}

/// The site of a URL ([`SiteKey`]): its host, or a known outlet's first host.
pub fn site_of(url: &str) -> Option<SiteKey> {
    let host = host_of(url)?;
    Some(SiteKey(
        known_outlet(&host).map_or(host, |o| o.hosts[0].to_string()),
    ))
}

/// The outlet for a URL, if it has a host.
pub fn by_url(url: &str) -> Option<String> {
    host_of(url).map(|h| by_host(&h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashes_on_the_stack_as_squash_does() {
        let long = "Word ".repeat(20);
        for s in [
            "",
            "TRT World",
            "Ünïted Wörld-News 24",
            "  a.b.c  ",
            long.as_str(),
        ] {
            assert_eq!(with_squashed(s, str::to_string), squash(s), "{s:?}");
        }
    }

    #[test]
    fn names_hosts_and_codes() {
        assert_eq!(canonical_name("TRTWorld"), Some("TRT World"));
        assert_eq!(canonical_name("Press TV"), Some("Press TV"));
        assert_eq!(canonical_name("Nowhere Gazette"), None);
        assert_eq!(by_code("AA"), Some("Anadolu Agency"));
        assert_eq!(by_code("aa"), None);
        assert_eq!(by_host("www.presstv.ir"), "Press TV");
        assert_eq!(by_host("news.example.org"), "news.example.org");
        assert_eq!(
            by_url("https://edition.cnn.com/2016/12/08/x").as_deref(),
            Some("CNN")
        );
        // One site per host; a known outlet's hosts are one site.
        let site = |u: &str| site_of(u).map(|s| s.0);
        assert_eq!(
            site("https://www.Tessel.example/a").as_deref(),
            Some("tessel.example")
        );
        assert_eq!(site("https://edition.cnn.com/x").as_deref(), Some("cnn.com"));
        assert_eq!(
            site("https://www.guardian.co.uk/x").as_deref(),
            Some("theguardian.com")
        );
        assert_eq!(site("not a url"), None);
    }

    #[test]
    fn names_that_are_not_outlets() {
        let name = |s: &str| outlet_name(s, Some("Ferry fares rise again on the Quillby line"));
        assert_eq!(name("@tesselcourier"), Err(NotAnOutlet::Handle));
        assert_eq!(name("desk@tesselcourier.example"), Err(NotAnOutlet::MailAddress));
        assert_eq!(name("Copyright 2014"), Err(NotAnOutlet::Copyright));
        assert_eq!(name("© 2009–2011"), Err(NotAnOutlet::Empty));
        assert_eq!(
            name("Ferry fares rise again on the Quillby line"),
            Err(NotAnOutlet::Headline)
        );
        assert_eq!(
            name("Harbour crews walk out as the Quillby ferry dispute deepens"),
            Err(NotAnOutlet::Headline)
        );
        assert_eq!(name("   "), Err(NotAnOutlet::Empty));
    }

    #[test]
    fn names_that_are_outlets_one_per_site() {
        let name = |s: &str| outlet_name(s, None);
        assert_eq!(name("Tessel Courier").as_deref(), Ok("Tessel Courier"));
        assert_eq!(
            name("© 2014 Tessel Courier Ltd. All rights reserved.").as_deref(),
            Ok("Tessel Courier Ltd")
        );
        assert_eq!(
            name("Copyright 2014 Tessel Courier").as_deref(),
            Ok("Tessel Courier")
        );
        // A bare host or a URL names the site by its host; a known host by its outlet.
        assert_eq!(
            name("www.tesselcourier.example").as_deref(),
            Ok("tesselcourier.example")
        );
        assert_eq!(
            name("TesselCourier.example").as_deref(),
            Ok("TesselCourier.example")
        );
        assert_eq!(name("PRESSTV.ir").as_deref(), Ok("Press TV"));
        assert_eq!(
            name("Tessel Courier | Ferries | Weather | Sport | Harbour | Letters | Jobs").as_deref(),
            Ok("Tessel Courier")
        );
        assert_eq!(name("https://www.presstv.ir/").as_deref(), Ok("Press TV"));
        assert_eq!(name("presstv.ir").as_deref(), Ok("Press TV"));
        assert_eq!(name("TRTWorld").as_deref(), Ok("TRT World"));
    }
}
